/**
 * Fits FSRS parameters to a learner's history with fsrs-rs (`@open-spaced-repetition/binding`) and
 * measures, on the same reviews, how well the current and the fitted parameters predict recall.
 * The binding is a native addon: it is imported here, lazily, so only `recall optimize` loads it.
 */
import { default_w } from 'ts-fsrs';
import type { FitItem, FitReview } from './fit-items.js';

type Binding = typeof import('@open-spaced-repetition/binding');
type BindingItem = InstanceType<Binding['FSRSBindingItem']>;
type BindingReview = InstanceType<Binding['FSRSBindingReview']>;

export interface Evaluation {
  /** Mean log loss of the predicted recall probability: lower is better. */
  readonly logLoss: number;
  /** RMSE between predicted and actual recall over fsrs-rs's bins (interval, reviews, lapses). */
  readonly rmseBins: number;
}

/**
 * fsrs-rs trains only when at least 64 items are left after its outlier filter, which sets aside
 * first intervals that are rare for their first rating (at least 20 items per rating). With fewer it
 * silently returns the defaults (under 8) or only refits the initial stabilities. In practice that
 * takes about 150 items; 64 is the floor below which fitting cannot succeed at all.
 */
export const MIN_FIT_ITEMS = 64;

export type FitResult =
  | { readonly kind: 'too-little'; readonly items: number }
  | {
      readonly kind: 'fitted';
      readonly w: readonly number[];
      readonly items: number;
      /** Both measured on the reviews after the first sixth (the time-series test segments). */
      readonly current: Evaluation;
      readonly fitted: Evaluation;
      readonly evaluatedItems: number;
    };

export type FitStage = 'fitting' | 'evaluating';
export type FitProgress = (stage: FitStage, done: number, total: number) => void;

/** fsrs-rs's splits: six segments in time order, each of the last five tested on a fit of those before. */
const SEGMENTS = 6;

/** The binding resolves its promise only on its next progress poll: poll often. */
const POLL_MS = 10;

/** What a progress callback returns to let the binding go on (some other values interrupt it). */
const CONTINUE = true;

/** The parameters the binding returns untouched unless it really trained (w[4] on). */
function trained(w: readonly number[]): boolean {
  return w.slice(4).some((value, i) => Math.abs(value - default_w[i + 4]!) > 1e-6);
}

/**
 * Items as binding objects. A review is a value (rating, elapsed days) and creating a native object is
 * the costly part, so each distinct value is made once and shared: about 1 500 objects for 100 000
 * reviews, which more than halves the conversion time.
 */
function bindingItems(binding: Binding, items: readonly FitItem[]): BindingItem[] {
  const reviews = new Map<number, BindingReview>();
  const review = ({ rating, deltaT }: FitReview) => {
    const key = deltaT * 4 + rating - 1;
    let made = reviews.get(key);
    if (!made) {
      made = new binding.FSRSBindingReview(rating, deltaT);
      reviews.set(key, made);
    }
    return made;
  };
  return items.map((item) => new binding.FSRSBindingItem(item.reviews.map(review)));
}

/**
 * Fits parameters to `items` (from `fitItems`, in time order) and evaluates them against `current`.
 * The fitted parameters are judged by time-series splits (each test segment predicted by a fit of
 * the reviews before it), never on what they were trained on; the current ones on the same segments.
 */
export async function fitParameters(
  items: readonly FitItem[],
  current: readonly number[],
  onProgress: FitProgress = () => {},
): Promise<FitResult> {
  if (items.length < MIN_FIT_ITEMS) return { kind: 'too-little', items: items.length };
  const binding: Binding = await import('@open-spaced-repetition/binding');
  const all = bindingItems(binding, items);

  const w = await binding.computeParameters(all, {
    enableShortTerm: true,
    timeout: POLL_MS,
    progress: (done, total) => {
      onProgress('fitting', done, total);
      return CONTINUE;
    },
  });
  if (!trained(w)) return { kind: 'too-little', items: items.length };

  const fitted = await binding.evaluateWithTimeSeriesSplits(all, {
    enableShortTerm: true,
    timeout: POLL_MS,
    progress: (done, total) => {
      onProgress('evaluating', done, total);
      return CONTINUE;
    },
  });
  const tested = all.slice(Math.floor(all.length / SEGMENTS));
  return {
    kind: 'fitted',
    w,
    items: items.length,
    current: evaluation(binding, tested, current),
    fitted: { logLoss: fitted.logLoss, rmseBins: fitted.rmseBins },
    evaluatedItems: tested.length,
  };
}

function evaluation(binding: Binding, items: BindingItem[], w: readonly number[]): Evaluation {
  const { logLoss, rmseBins } = new binding.FSRSBinding([...w]).evaluate(items);
  return { logLoss, rmseBins };
}

/** How well `w` predicts `items` (e.g. reviews held out from a fit), as fsrs-rs measures it. */
export async function evaluateParameters(items: readonly FitItem[], w: readonly number[]): Promise<Evaluation> {
  const binding: Binding = await import('@open-spaced-repetition/binding');
  return evaluation(binding, bindingItems(binding, items), w);
}
