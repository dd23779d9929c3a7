/**
 * How well parameters predict recall on training items: log loss and RMSE(bins), computed the way
 * fsrs-rs computes them for its time-series evaluation (every item weighted alike), with recall
 * predicted by ts-fsrs, the model recall schedules with. Computing both sides here keeps the current
 * and the fitted parameters on exactly the same footing.
 */
import { FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { FitItem, FitReview } from './fit-items.js';

export interface Evaluation {
  /** Mean log loss of the predicted recall probability: lower is better. */
  readonly logLoss: number;
  /** RMSE between predicted and actual recall over fsrs-rs's bins (interval, reviews, lapses). */
  readonly rmseBins: number;
}

/**
 * The recall probability `w` predicts for each item's last review, from the reviews before it. Items
 * of one history arrive in time order, so each history is walked once however many items it has.
 */
export function predictions(items: readonly FitItem[], w: readonly number[]): Float64Array {
  const model = new FSRSAlgorithm(generatorParameters({ w: [...w], enable_short_term: true }));
  const walks = new Map<readonly FitReview[], { state: FSRSState | null; applied: number }>();
  const predicted = new Float64Array(items.length);
  items.forEach((item, i) => {
    let walk = walks.get(item.history);
    if (!walk) walks.set(item.history, (walk = { state: null, applied: 0 }));
    const target = item.reviews.length - 1;
    for (; walk.applied < target; walk.applied++) {
      const review = item.history[walk.applied]!;
      walk.state = model.next_state(walk.state, review.deltaT, review.rating);
    }
    predicted[i] = model.forgetting_curve(item.reviews[target]!.deltaT, walk.state!.stability);
  });
  return predicted;
}

/** Which power of `base` `x` reaches: fsrs-rs's log-spaced bins. */
const logIndex = (x: number, base: number) => Math.floor(Math.log(x) / Math.log(base));

/** fsrs-rs's bin of an item (its RMSE groups): elapsed days, long-term review count and lapse count. */
function binOf({ reviews }: FitItem): number {
  const last = reviews.length - 1;
  let longTerm = 1; // the review predicted is one
  let lapses = 0;
  for (let i = 0; i < last; i++) {
    if (reviews[i]!.deltaT === 0) continue;
    longTerm += 1;
    if (reviews[i]!.rating === 1) lapses += 1;
  }
  const lapseBin = lapses === 0 ? 0 : logIndex(lapses, 1.73) + 1;
  return (logIndex(reviews[last]!.deltaT, 3.62) * 100 + logIndex(longTerm + 1, 1.89)) * 100 + lapseBin;
}

/** Keeps log loss finite when a prediction is exactly 0 or 1. */
const EPSILON = 1e-7;

/** Log loss and RMSE(bins) of `predicted` (from `predictions`) against what happened. */
export function evaluation(items: readonly FitItem[], predicted: Float64Array): Evaluation {
  let loss = 0;
  const bins = new Map<number, { predicted: number; actual: number; count: number }>();
  items.forEach((item, i) => {
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, predicted[i]!));
    const y = item.reviews[item.reviews.length - 1]!.rating > 1 ? 1 : 0;
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
    const key = binOf(item);
    const bin = bins.get(key) ?? { predicted: 0, actual: 0, count: 0 };
    bin.predicted += p;
    bin.actual += y;
    bin.count += 1;
    bins.set(key, bin);
  });
  let squares = 0;
  for (const bin of bins.values()) squares += ((bin.predicted - bin.actual) / bin.count) ** 2 * bin.count;
  return { logLoss: loss / items.length, rmseBins: Math.sqrt(squares / items.length) };
}

/** How well `w` predicts `items`. */
export function evaluate(items: readonly FitItem[], w: readonly number[]): Evaluation {
  return evaluation(items, predictions(items, w));
}
