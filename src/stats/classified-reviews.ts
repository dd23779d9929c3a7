/** Reviews tagged with their study day and, for reviews of graduated cards, young or mature. */
import type { ReviewRecord } from '../schedule/card-state.js';
import { studyDay, studyDaysBetween } from '../schedule/days.js';
import { dayNumber } from './calendar.js';

/** A card counts as mature once its interval reaches this many days (Anki's threshold). */
export const MATURE_DAYS = 21;

export type Maturity = 'young' | 'mature';

export interface ClassifiedReview {
  readonly review: ReviewRecord;
  /** Study day, `YYYY-MM-DD`. */
  readonly day: string;
  /** The same day as `dayNumber` gives it, for cheap window tests. */
  readonly dayNumber: number;
  /**
   * For a review of a card in the review phase: young or mature by the study days since its previous
   * review (the interval the learner actually waited). Null for new, learning and relearning reviews,
   * which true retention leaves out.
   */
  readonly maturity: Maturity | null;
}

/** `reviews` (oldest first) with their day and maturity. */
export function classifyReviews(reviews: readonly ReviewRecord[], dayStartsAt: number): ClassifiedReview[] {
  const previous = new Map<string, Date>();
  const numbers = new Map<string, number>();
  return reviews.map((review) => {
    // A forget starts a new history: its reviews do not measure against the old one's.
    const key = `${review.card}\u0000${review.history}`;
    const before = previous.get(key);
    previous.set(key, review.at);
    let maturity: Maturity | null = null;
    if (review.phaseBefore === 'review') {
      const interval = before ? studyDaysBetween(before, review.at, dayStartsAt) : 0;
      maturity = interval >= MATURE_DAYS ? 'mature' : 'young';
    }
    const day = studyDay(review.at, dayStartsAt);
    let number = numbers.get(day);
    if (number === undefined) {
      number = dayNumber(day);
      numbers.set(day, number);
    }
    return { review, day, dayNumber: number, maturity };
  });
}
