/** What replaying the log gives: per-card schedule state and the effective review history. */
import type { Rating } from '../store/events.js';

export type Phase = 'new' | 'learning' | 'review' | 'relearning';

export interface CardState {
  /** Card id. */
  readonly card: string;
  readonly phase: Phase;
  /** When the card is next due (for a new card: when it was first seen, or the epoch). */
  readonly due: Date;
  /** FSRS memory state; 0 for a new card. */
  readonly stability: number;
  readonly difficulty: number;
  readonly reps: number;
  readonly lapses: number;
  /** Index into the learning or relearning steps. */
  readonly step: number;
  readonly lastReview: Date | null;
  readonly suspended: boolean;
  /** Start of the study day on which a buried card comes back; null when not buried. */
  readonly buriedUntil: Date | null;
  /** Lapses reached `leechThreshold`. */
  readonly leech: boolean;
  /** `forget` events so far: a forget starts a new history (`ReviewRecord.history`). */
  readonly history: number;
}

/** One effective review (undone reviews and cram answers excluded), as replay saw it. */
export interface ReviewRecord {
  /** Event id. */
  readonly id: string;
  readonly card: string;
  readonly deck: string;
  /** Device whose log holds the event. */
  readonly device: string;
  readonly at: Date;
  readonly rating: Rating;
  readonly ms: number;
  /** The card's phase before this review (the optimizer's `review_state`). */
  readonly phaseBefore: Phase;
  /** Retrievability FSRS predicted at review time; null for a new card. */
  readonly retrievability: number | null;
  /** Counts `forget` events on this card before the review: a forget starts a new history. */
  readonly history: number;
}
