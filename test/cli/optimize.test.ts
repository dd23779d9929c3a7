import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../src/schedule/card-state.js';
import { fitItems } from '../../src/schedule/fit-items.js';
import { evaluate } from '../../src/schedule/fit-metrics.js';
import type { Calibration, ParametersInUse } from '../../src/stats/calibration.js';
import { loadSettings } from '../../src/store/config.js';
import { newEvent } from '../../src/store/log.js';
import type { FittedParameters } from '../../src/store/settings.js';
import { simulateLearner, TRUE_WEIGHTS } from '../schedule/synthetic-learner.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'recall.js');
/** The CLI does not start itself under vitest (it checks VITEST), so the child must not inherit it. */
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The built-in deck, which loads when no decks are configured: `recall stats` counts its history. */
const BUILT_IN_DECK = 'rancher-certified-operator.md';

/** A data home whose log holds `history` (as another device's log), and a config dir with settings made. */
async function workplace(history: readonly ReviewRecord[]) {
  const dir = mkdtempSync(join(tmpdir(), 'recall-optimize-'));
  dirs.push(dir);
  const home = join(dir, 'home');
  mkdirSync(join(home, 'log'), { recursive: true });
  const lines = history.map((r) =>
    JSON.stringify(newEvent({ type: 'review', card: r.card, rating: r.rating, ms: r.ms, deck: BUILT_IN_DECK }, r.at)),
  );
  writeFileSync(join(home, 'log', 'sim.jsonl'), lines.map((line) => `${line}\n`).join(''));
  const configDir = join(dir, 'recall');
  await loadSettings(configDir); // writes config.json with its deviceId, as any first command would
  const configFile = join(configDir, 'config.json');
  const recall = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--home', home, ...args], {
      env: { ...childEnv, XDG_CONFIG_HOME: dir, RECALL_HOME: '' },
      maxBuffer: 64 << 20,
    });
    return stdout;
  };
  const optimize = (...args: string[]) => recall('optimize', ...args);
  const stats = async () => JSON.parse(await recall('stats', '--json')) as { parameters: ParametersInUse; calibration: Calibration };
  const fitted = (): FittedParameters | undefined => (JSON.parse(readFileSync(configFile, 'utf8')) as { fsrsParameters?: FittedParameters }).fsrsParameters;
  return { optimize, stats, configBytes: () => readFileSync(configFile), fitted };
}

describe('recall optimize', () => {
  it('fits a synthetic learner: better log loss on later held-out reviews, initial stabilities within 30 %', async () => {
    const history = simulateLearner({ reviews: 100_000, seed: 11 });
    const cutoff = history[Math.floor(history.length * 0.8)]!.at;
    const { optimize, stats, fitted } = await workplace(history.filter((review) => review.at < cutoff));
    // How far the mean predicted recall is from the share recalled, as `recall stats` shows it.
    const miss = ({ calibration }: { calibration: Calibration }) => Math.abs(calibration.predicted! - calibration.recalled!);
    const before = await stats();
    expect(before.parameters.description).toBe('FSRS defaults');
    expect(before.calibration.reviews).toBeGreaterThan(40_000);

    const out = await optimize();
    expect(out).toMatch(/log loss\s+0\.\d{4}\s+0\.\d{4}/);
    expect(out).toMatch(/RMSE \(bins\)\s+\d+\.\d\d%\s+\d+\.\d\d%/);
    expect(out).toContain('Saved: every card is now scheduled by the fitted parameters.');
    const saved = fitted()!;
    expect(saved.reviews).toBe(80_000);
    expect(Date.parse(saved.fittedAt)).toBeGreaterThan(Date.now() - 3_600_000);
    const heldOut = fitItems(history, 4).filter((item) => item.at >= cutoff);
    const withFit = evaluate(heldOut, saved.w);
    const withDefaults = evaluate(heldOut, default_w);
    expect(withFit.logLoss).toBeLessThan(withDefaults.logLoss);
    for (let i = 0; i < 4; i++) expect(Math.abs(saved.w[i]! - TRUE_WEIGHTS[i]!) / TRUE_WEIGHTS[i]!).toBeLessThan(0.3);

    // Every card was replayed with the fitted parameters: the stats name them and predict recall closer.
    const after = await stats();
    expect(after.parameters.description).toMatch(/^fitted on \d{4}-\d\d-\d\d from 80000 reviews$/);
    expect(miss(after)).toBeLessThan(miss(before));
  }, 300_000);

  it('reports only with --dry-run, keeps parameters that predict better unless --force, and resets', async () => {
    const { optimize, configBytes, fitted } = await workplace(simulateLearner({ reviews: 3000, seed: 5 }));
    const untouched = configBytes();
    expect(await optimize('--dry-run')).toContain('Dry run: nothing saved (the fitted parameters predict better)');
    expect(configBytes().equals(untouched)).toBe(true);

    expect(await optimize()).toContain('Saved: every card');
    expect(fitted()).toMatchObject({ reviews: 3000 });
    // No review came after that fit, so nothing can judge a new fit against it: kept unless forced.
    const withFit = configBytes();
    const again = await optimize();
    expect(again).toMatch(/No review came after the current parameters' fit \(fitted on \d{4}-\d\d-\d\d from 3000 reviews\)/);
    expect(again).toContain('Kept the current parameters. recall optimize --force saves the new fit anyway.');
    expect(configBytes().equals(withFit)).toBe(true);
    expect(await optimize('--force')).toContain('Saved (--force): every card');
    expect(fitted()).toMatchObject({ reviews: 3000 });

    expect(await optimize('--reset', '--dry-run')).toContain('Would go back to the default FSRS parameters');
    expect(fitted()).toBeDefined();
    expect(await optimize('--reset')).toContain('Back to the default FSRS parameters');
    expect(fitted()).toBeUndefined();
    expect(await optimize('--reset')).toContain('Already using the default FSRS parameters');
  }, 120_000);

  it('refuses a history below the minimum, saying how much is needed, and leaves the settings untouched', async () => {
    const { optimize, configBytes } = await workplace(simulateLearner({ reviews: 150, newPerDay: 5 }));
    const before = configBytes();
    const out = await optimize();
    expect(out).toMatch(/^Not enough history to fit FSRS yet: \d+ of your reviews came a study day or more after/);
    expect(out).toContain('needs at least 64 of those');
    expect(out).toContain('Nothing was changed');
    expect(configBytes().equals(before)).toBe(true);
  }, 60_000);
});
