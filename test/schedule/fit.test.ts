import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fitItems } from '../../src/schedule/fit-items.js';
import { evaluate } from '../../src/schedule/fit-metrics.js';
import { fitParameters, MIN_FIT_ITEMS } from '../../src/schedule/fit.js';
import { simulateLearner, TRUE_WEIGHTS } from './synthetic-learner.js';

describe('fitParameters', () => {
  it('finds a synthetic learner\'s memory: better held-out log loss, initial stabilities within 30 %', async () => {
    const history = simulateLearner({ reviews: 100_000, seed: 7 });
    expect(history).toHaveLength(100_000);
    // Fit on the first 80 % of the history; judge on items predicted after it.
    const cutoff = history[Math.floor(history.length * 0.8)]!.at;
    const training = fitItems(history.filter((review) => review.at < cutoff), 4);
    const heldOut = fitItems(history, 4).filter((item) => item.at >= cutoff);
    expect(heldOut.length).toBeGreaterThan(10_000);

    const stages = new Set<string>();
    const result = await fitParameters(training, default_w, (stage) => stages.add(stage));
    if (result.kind !== 'fitted') throw new Error(`no fit: ${result.kind}`);
    expect([...stages]).toEqual(['fitting', 'evaluating']);
    expect(result.w).toHaveLength(21);
    // The time-series evaluation already prefers the fit...
    expect(result.fitted.logLoss).toBeLessThan(result.current.logLoss);
    // ...and so do the later reviews it never saw.
    const withDefaults = evaluate(heldOut, default_w);
    const withFit = evaluate(heldOut, result.w);
    expect(withFit.logLoss).toBeLessThan(withDefaults.logLoss);
    for (let i = 0; i < 4; i++) {
      expect(Math.abs(result.w[i]! - TRUE_WEIGHTS[i]!) / TRUE_WEIGHTS[i]!).toBeLessThan(0.3);
    }
  }, 180_000);

  it('refuses a history below the minimum without calling the optimizer', async () => {
    const items = fitItems(simulateLearner({ reviews: 100, newPerDay: 5 }), 4);
    expect(items.length).toBeLessThan(MIN_FIT_ITEMS);
    expect(await fitParameters(items, default_w)).toEqual({ kind: 'too-little', items: items.length });
  });

  it('refuses when fsrs-rs only refits the initial stabilities (its outlier filter left too little)', async () => {
    const items = fitItems(simulateLearner({ reviews: 200, newPerDay: 5 }), 4);
    expect(items.length).toBeGreaterThanOrEqual(MIN_FIT_ITEMS);
    expect(await fitParameters(items, default_w)).toEqual({ kind: 'too-little', items: items.length });
  });
});
