import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fitItems } from '../../src/schedule/fit-items.js';
import { evaluate } from '../../src/schedule/fit-metrics.js';
import { fitParameters, MIN_FIT_ITEMS } from '../../src/schedule/fit.js';
import { simulateLearner, TRUE_WEIGHTS } from './synthetic-learner.js';

/** The defaults, which no history trained: judged on every review after the first segment. */
const DEFAULTS = { w: default_w, fittedAt: null };

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
    const result = await fitParameters(training, DEFAULTS, (stage) => stages.add(stage));
    if (result.kind !== 'fitted') throw new Error(`no fit: ${result.kind}`);
    expect([...stages]).toEqual(['fitting', 'evaluating']);
    expect(result.w).toHaveLength(21);
    // The time-series evaluation already prefers the fit, on every review after the first sixth...
    expect(result.judgement!.items).toBe(training.length - Math.floor(training.length / 6));
    expect(result.judgement!.fitted.logLoss).toBeLessThan(result.judgement!.current.logLoss);
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
    expect(await fitParameters(items, DEFAULTS)).toEqual({ kind: 'too-little', items: items.length });
  });

  it('refuses when fsrs-rs only refits the initial stabilities (its outlier filter left too little)', async () => {
    const items = fitItems(simulateLearner({ reviews: 200, newPerDay: 5 }), 4);
    expect(items.length).toBeGreaterThanOrEqual(MIN_FIT_ITEMS);
    expect(await fitParameters(items, DEFAULTS)).toEqual({ kind: 'too-little', items: items.length });
  });
});

describe('fitParameters against parameters fitted before', () => {
  it('judges only on reviews made after their fit, and not at all when there are none', async () => {
    const items = fitItems(simulateLearner({ reviews: 20_000, seed: 3 }), 4);
    const fittedAt = items[Math.floor(items.length * 0.7)]!.at;
    const after = items.filter((item) => item.at > fittedAt).length;
    const since = await fitParameters(items, { w: TRUE_WEIGHTS, fittedAt });
    if (since.kind !== 'fitted') throw new Error('no fit');
    expect(since.judgement!.items).toBe(after);
    expect(Number.isFinite(since.judgement!.fitted.logLoss)).toBe(true);

    const none = await fitParameters(items, { w: TRUE_WEIGHTS, fittedAt: items[items.length - 1]!.at });
    expect(none).toMatchObject({ kind: 'fitted', judgement: null });
  }, 120_000);
});
