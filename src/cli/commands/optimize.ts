/**
 * `recall optimize [--dry-run] [--force] [--reset]`: fits FSRS to the learner's own reviews, shows how
 * well the current and the fitted parameters predict them, and saves the fit when it predicts better.
 * Saving changes the settings the replay snapshot is keyed on, so every card is rescheduled by it.
 */
import { fitItems } from '../../schedule/fit-items.js';
import { fitParameters, MIN_FIT_ITEMS, type FitStage } from '../../schedule/fit.js';
import type { Evaluation } from '../../schedule/fit-metrics.js';
import { schedulerFor } from '../../schedule/fsrs.js';
import { parametersInUse } from '../../stats/calibration.js';
import { clearFittedParameters, loadSettings, saveFittedParameters } from '../../store/config.js';
import type { GlobalOptions } from '../context.js';
import { progressBar, type ProgressBar } from '../progress-bar.js';
import { openWorkspace } from '../workspace.js';

export interface OptimizeOptions {
  readonly dryRun?: boolean;
  readonly force?: boolean;
  readonly reset?: boolean;
}

const STAGE_LABELS: Record<FitStage, string> = { fitting: 'Fitting   ', evaluating: 'Evaluating' };

const count = (n: number) => n.toLocaleString('en-US');
const print = (lines: readonly string[]) => process.stdout.write(`${lines.join('\n')}\n`);

async function reset(dryRun: boolean): Promise<void> {
  if (!(await loadSettings()).fsrsParameters) {
    print(['Already using the default FSRS parameters; nothing to reset.']);
  } else if (dryRun) {
    print(['Would go back to the default FSRS parameters (dry run: nothing changed).']);
  } else {
    await clearFittedParameters();
    print(['Back to the default FSRS parameters; every card is rescheduled by them.']);
  }
}

function comparison(current: Evaluation, fitted: Evaluation, currentName: string): string[] {
  const rows: [string, (e: Evaluation) => string][] = [
    ['log loss', (e) => e.logLoss.toFixed(4)],
    ['RMSE (bins)', (e) => `${(e.rmseBins * 100).toFixed(2)}%`],
  ];
  return [
    `${''.padEnd(13)}${'current'.padStart(10)}${'fitted'.padStart(10)}`,
    ...rows.map(([name, cell]) => `${name.padEnd(13)}${cell(current).padStart(10)}${cell(fitted).padStart(10)}`),
    `(lower is better; current = ${currentName})`,
  ];
}

/** The review history and a fit of it, with progress on `bar`. */
async function fitHistory(globals: GlobalOptions, now: Date, bar: ProgressBar) {
  bar.note('Reading the review history…');
  const workspace = await openWorkspace(globals, now);
  const { settings, reviews } = workspace;
  const items = fitItems(reviews, settings.dayStartsAt, workspace.replay.aliases);
  const current = {
    w: schedulerFor(settings).w,
    fittedAt: settings.fsrsParameters ? new Date(settings.fsrsParameters.fittedAt) : null,
  };
  const result = await fitParameters(items, current, (stage, done, total) => bar.update(STAGE_LABELS[stage], done, total));
  return { settings, reviews, result };
}

export async function run(_operands: string[], options: OptimizeOptions, globals: GlobalOptions): Promise<void> {
  const dryRun = options.dryRun === true;
  if (options.reset) return reset(dryRun);

  const now = new Date();
  const bar = progressBar(process.stderr);
  // Cleared on failure too, so an error message starts on a clean line.
  const { settings, reviews, result } = await fitHistory(globals, now, bar).finally(() => bar.clear());

  if (result.kind === 'too-little') {
    print([
      `Not enough history to fit FSRS yet: ${count(result.items)} of your reviews came a study day or more after the card's previous review,`,
      `and the optimizer needs at least ${MIN_FIT_ITEMS} of those left after it sets aside unusual intervals (usually about 150 in all).`,
      'Nothing was changed; keep reviewing and run recall optimize again later.',
    ]);
    return;
  }

  const { judgement } = result;
  const inUse = parametersInUse(settings).description;
  const better = judgement !== null && judgement.fitted.logLoss < judgement.current.logLoss;
  print([
    `Fitted FSRS to ${count(reviews.length)} reviews (${count(result.items)} a study day or more after the card's previous one).`,
    ...(judgement
      ? [
          `Judged on ${count(judgement.items)} later ones, each predicted by a fit of the reviews before it:`,
          '',
          ...comparison(judgement.current, judgement.fitted, inUse),
        ]
      : [`No review came after the current parameters' fit (${inUse}): there is nothing to judge them against a new fit on.`]),
    '',
    `Fitted weights: ${result.w.map((w) => Number(w.toFixed(4))).join(' ')}`,
  ]);

  if (dryRun) {
    print([`Dry run: nothing saved${judgement ? ` (the fitted parameters predict ${better ? 'better' : 'no better'})` : ''}.`]);
  } else if (better || options.force) {
    await saveFittedParameters({ w: result.w, fittedAt: now.toISOString(), reviews: reviews.length });
    print([
      `Saved${better ? '' : ' (--force)'}: every card is now scheduled by the fitted parameters.`,
      'recall optimize --reset goes back to the defaults.',
    ]);
  } else {
    print([`Kept the current parameters${judgement ? ': the fitted ones predict no better' : ''}. recall optimize --force saves the new fit anyway.`]);
  }
}
