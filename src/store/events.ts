/** The review log's event types (DESIGN.md, "The review log"). One JSON object per line. */

export type Rating = 1 | 2 | 3 | 4;

interface EventBase {
  /** Format version; a reader ignores events with a higher one. */
  readonly v: 1;
  /** uuid */
  readonly id: string;
  /** ISO 8601 UTC timestamp. */
  readonly at: string;
}

export interface ReviewEventData extends EventBase {
  readonly type: 'review';
  readonly card: string;
  readonly rating: Rating;
  /** Time spent answering, milliseconds. */
  readonly ms: number;
  readonly deck: string;
}

export interface CramEvent extends EventBase {
  readonly type: 'cram';
  readonly card: string;
  readonly rating: Rating;
  readonly ms: number;
}

export interface UndoEvent extends EventBase {
  readonly type: 'undo';
  readonly target: string;
}

export interface CardFlagEvent extends EventBase {
  readonly type: 'suspend' | 'unsuspend' | 'bury' | 'forget';
  readonly card: string;
}

export interface RelinkEvent extends EventBase {
  readonly type: 'relink';
  readonly from: string;
  readonly to: string;
}

export interface CardTextEvent extends EventBase {
  readonly type: 'card';
  readonly card: string;
  readonly deck: string;
  /** Normalised front + back, at most 1 KiB. */
  readonly text: string;
}

export type ReviewEvent =
  | ReviewEventData
  | CramEvent
  | UndoEvent
  | CardFlagEvent
  | RelinkEvent
  | CardTextEvent;

export type EventType = ReviewEvent['type'];

/** An event as read back, with where it came from (for merge order and error reports). */
export interface LoggedEvent {
  readonly event: ReviewEvent;
  /** Device id: the log file's name without `.jsonl`. */
  readonly device: string;
  /** 1-based line in that file. */
  readonly line: number;
}
