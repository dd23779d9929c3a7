/** What the review screens are given: the cards to show and the callbacks that record answers. */
import type { Card } from '../cards/card.js';
import type { QueueCounts, QueueKind } from '../schedule/queue.js';
import type { Rating } from '../store/events.js';

export interface ReviewItem {
  readonly card: Card;
  /** The deck's title, for the breadcrumb. */
  readonly deckTitle: string;
  readonly queue: QueueKind;
  /** Next interval per rating (`<10m`, `3d`); null when cramming (the schedule does not move). */
  readonly previews: Readonly<Record<Rating, string>> | null;
}

/** One step of a session: the card to show now (null: nothing left) and what is left after it. */
export interface SessionStep {
  readonly item: ReviewItem | null;
  readonly counts: QueueCounts;
}

/**
 * A review (or cram) session as the command wires it to the workspace. Every method that records
 * something has written the log (fsynced) when it returns, so the next card shows only after that.
 */
export interface SessionPort {
  readonly cram: boolean;
  /** Names what is reviewed ("everything due", "1.2 Discovering RKE"). */
  readonly title: string;
  next(): SessionStep;
  rate(item: ReviewItem, rating: Rating, ms: number): void;
  /** Undoes the last answer, bury or suspend of this session; false when there is none. */
  undo(): boolean;
  bury(item: ReviewItem): void;
  suspend(item: ReviewItem): void;
  /** Opens the card's note in the editor and reloads the decks; resolves with a status line. */
  edit(item: ReviewItem): Promise<string>;
  /** Reviews of this session's cards due on the next study day (learning steps due later today not counted). */
  dueTomorrow(): number;
}

export type { QueueCounts, QueueKind };

export const totalOf = (counts: QueueCounts) => counts.new + counts.learning + counts.review;
