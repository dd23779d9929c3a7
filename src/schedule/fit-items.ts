/**
 * Training items for the FSRS optimizer, built from replay's effective reviews (cram and undone
 * reviews are already gone). One item per review to predict, carrying every earlier review of the
 * same card history: the shape fsrs-rs trains and evaluates on.
 */
import type { Rating } from '../store/events.js';
import type { ReviewRecord } from './card-state.js';
import { studyDaysBetween } from './days.js';

export interface FitReview {
  readonly rating: Rating;
  /** Study days since the previous review of the same history; 0 for the first and same-day ones. */
  readonly deltaT: number;
}

export interface FitItem {
  /** The card history's reviews up to and including the one to predict (the last). */
  readonly reviews: readonly FitReview[];
  /** The whole history `reviews` begins (the same array for every item of it), to walk it once. */
  readonly history: readonly FitReview[];
  /** When the last review was made: items are ordered by it, for time-series splits. */
  readonly at: Date;
}

/**
 * Reviews of one card history, in time order. A `forget` starts a new history; a relink does not:
 * reviews recorded under a card's old id (replay's `aliases`, old → current) belong to its current one.
 */
function histories(reviews: readonly ReviewRecord[], aliases: ReadonlyMap<string, string>): ReviewRecord[][] {
  const byHistory = new Map<string, ReviewRecord[]>();
  for (const review of reviews) {
    const key = `${review.history}\u0000${aliases.get(review.card) ?? review.card}`;
    const list = byHistory.get(key);
    if (list) list.push(review);
    else byHistory.set(key, [review]);
  }
  const byTime = (a: ReviewRecord, b: ReviewRecord) => a.at.getTime() - b.at.getTime();
  return [...byHistory.values()].map((list) => list.sort(byTime));
}

/**
 * Every review made a study day or more after the one before it, as an item with its card history,
 * ordered by review time. Same-day reviews (learning steps, relearning after a lapse) are never
 * targets, as in Anki: their outcome says little about memory (the answer was seen minutes ago), and
 * fsrs-rs's pre-training would count a lapse twice through the relearning item after it. They stay
 * in the histories, where the short-term model learns what they do to stability.
 */
export function fitItems(
  reviews: readonly ReviewRecord[],
  dayStartsAt: number,
  aliases: ReadonlyMap<string, string> = new Map(),
): FitItem[] {
  const items: FitItem[] = [];
  for (const history of histories(reviews, aliases)) {
    const sequence: FitReview[] = history.map((review, i) => ({
      rating: review.rating,
      deltaT: i === 0 ? 0 : studyDaysBetween(history[i - 1]!.at, review.at, dayStartsAt),
    }));
    sequence.forEach((review, i) => {
      if (review.deltaT > 0) items.push({ reviews: sequence.slice(0, i + 1), history: sequence, at: history[i]!.at });
    });
  }
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}
