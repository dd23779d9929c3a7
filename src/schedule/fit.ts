/**
 * Fits FSRS parameters to a learner's history with fsrs-rs (`@open-spaced-repetition/binding`) and
 * measures how well the current and the fitted parameters predict it. The fit is judged as fsrs-rs's
 * time-series evaluation does: the items are cut into six segments in time order, and each of the last
 * five is predicted by a fit of the segments before it, so no review is judged by parameters trained
 * on it. The current parameters are judged on the same reviews, by the same code (fit-metrics.ts),
 * and, when they were themselves fitted to this history, only on reviews made after that fit.
 * The binding is a native addon: it is imported here, lazily, so only `recall optimize` loads it.
 */
import { default_w } from 'ts-fsrs';
import type { FitItem, FitReview } from './fit-items.js';
import { evaluation, predictions, type Evaluation } from './fit-metrics.js';

type Binding = typeof import('@open-spaced-repetition/binding');
type BindingItem = InstanceType<Binding['FSRSBindingItem']>;
type BindingReview = InstanceType<Binding['FSRSBindingReview']>;

/**
 * fsrs-rs trains only when at least 64 items are left after its outlier filter, which sets aside
 * first intervals that are rare for their first rating (at least 20 items per rating). With fewer it
 * silently returns the defaults (under 8) or only refits the initial stabilities. In practice that
 * takes about 150 items; 64 is the floor below which fitting cannot succeed at all.
 */
export const MIN_FIT_ITEMS = 64;

export interface CurrentParameters {
  readonly w: readonly number[];
  /** When they were fitted; null for the defaults, which no history trained. */
  readonly fittedAt: Date | null;
}

export interface Judgement {
  /** How many reviews both were judged on. */
  readonly items: number;
  readonly current: Evaluation;
  readonly fitted: Evaluation;
}

export type FitResult =
  | { readonly kind: 'too-little'; readonly items: number }
  | {
      readonly kind: 'fitted';
      /** Fitted on every item: what gets saved. */
      readonly w: readonly number[];
      readonly items: number;
      /** Null when no review after the first segment came after the current parameters' fit. */
      readonly judgement: Judgement | null;
    };

export type FitStage = 'fitting' | 'evaluating';
export type FitProgress = (stage: FitStage, done: number, total: number) => void;

/** fsrs-rs's time-series evaluation: six segments, the first only ever trained on. */
const SEGMENTS = 6;

/** The binding resolves its promise only on its next progress poll: poll often. */
const POLL_MS = 10;

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

function fit(binding: Binding, items: BindingItem[], progress?: (done: number, total: number) => void): Promise<number[]> {
  return binding.computeParameters(items, {
    enableShortTerm: true,
    timeout: POLL_MS,
    ...(progress && {
      progress: (done: number, total: number) => {
        progress(done, total);
        return true; // some other return values interrupt the binding
      },
    }),
  });
}

/** Fits parameters to `items` (from `fitItems`, in time order) and judges them against `current`. */
export async function fitParameters(
  items: readonly FitItem[],
  current: CurrentParameters,
  onProgress: FitProgress = () => {},
): Promise<FitResult> {
  if (items.length < MIN_FIT_ITEMS) return { kind: 'too-little', items: items.length };
  const binding: Binding = await import('@open-spaced-repetition/binding');
  const all = bindingItems(binding, items);

  const w = await fit(binding, all, (done, total) => onProgress('fitting', done, total));
  if (!trained(w)) return { kind: 'too-little', items: items.length };

  // Items are in time order: the judged ones are a tail of the tested ones (all after the first
  // segment, and after the current parameters' own fit).
  const since = current.fittedAt?.getTime() ?? -Infinity;
  const firstAfter = items.findIndex((item) => item.at.getTime() > since);
  if (firstAfter < 0) return { kind: 'fitted', w, items: items.length, judgement: null };
  const size = Math.floor(items.length / SEGMENTS);
  const from = Math.max(size, firstAfter);
  const tests = Array.from({ length: SEGMENTS - 1 }, (_, i) => ({
    start: (i + 1) * size,
    end: i === SEGMENTS - 2 ? items.length : (i + 2) * size,
  })).filter(({ end }) => end > from);

  let done = 0;
  onProgress('evaluating', done, tests.length);
  const judged = items.slice(from);
  const fittedPredictions = new Float64Array(judged.length);
  await Promise.all(
    tests.map(async ({ start, end }) => {
      const splitW = await fit(binding, all.slice(0, start));
      const first = Math.max(start, from);
      fittedPredictions.set(predictions(items.slice(first, end), splitW), first - from);
      onProgress('evaluating', ++done, tests.length);
    }),
  );
  return {
    kind: 'fitted',
    w,
    items: items.length,
    judgement: {
      items: judged.length,
      current: evaluation(judged, predictions(judged, current.w)),
      fitted: evaluation(judged, fittedPredictions),
    },
  };
}
