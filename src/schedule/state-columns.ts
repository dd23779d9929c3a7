/**
 * Card states as the snapshot head stores them: one typed column per field, one row per card. A start
 * reads a state's row when a card is asked for, not tens of thousands of objects and their dates.
 */
import type { CardState, Phase } from './card-state.js';
import { PHASES, PHASE_INDEX } from './review-segments.js';

const SUSPENDED = 1;
const LEECH = 2;

/** Bytes per row of each column, in their order in the head: due, stability, difficulty, lastReview, buriedUntil (f64); card, reps, lapses, step, history (u32); phase, flags (u8). */
export const COLUMN_WIDTHS: readonly number[] = [8, 8, 8, 8, 8, 4, 4, 4, 4, 4, 1, 1];

/** A time in ms, or NaN for none: how the columns hold an optional date. */
const timeOf = (date: Date | null) => date?.getTime() ?? Number.NaN;
const dateOf = (time: number) => (Number.isNaN(time) ? null : new Date(time));

export class StateColumns {
  readonly due: Float64Array;
  readonly stability: Float64Array;
  readonly difficulty: Float64Array;
  readonly lastReview: Float64Array;
  readonly buriedUntil: Float64Array;
  /** The card id's number in the head's string table. */
  readonly card: Uint32Array;
  readonly reps: Uint32Array;
  readonly lapses: Uint32Array;
  readonly step: Uint32Array;
  readonly history: Uint32Array;
  readonly phase: Uint8Array;
  readonly flags: Uint8Array;

  /** `size` rows: views of `buffer` at `offsets` (one per column, in `COLUMN_WIDTHS` order), or new zeroed columns. */
  constructor(readonly size: number, at?: { readonly buffer: ArrayBufferLike; readonly offsets: readonly number[] }) {
    const column = <T>(k: number, Column: { new (buffer: ArrayBufferLike, offset: number, length: number): T; new (length: number): T }): T =>
      at ? new Column(at.buffer, at.offsets[k] as number, size) : new Column(size);
    this.due = column(0, Float64Array);
    this.stability = column(1, Float64Array);
    this.difficulty = column(2, Float64Array);
    this.lastReview = column(3, Float64Array);
    this.buriedUntil = column(4, Float64Array);
    this.card = column(5, Uint32Array);
    this.reps = column(6, Uint32Array);
    this.lapses = column(7, Uint32Array);
    this.step = column(8, Uint32Array);
    this.history = column(9, Uint32Array);
    this.phase = column(10, Uint8Array);
    this.flags = column(11, Uint8Array);
  }

  /** The columns' bytes, in `COLUMN_WIDTHS` order. */
  bytes(): Uint8Array[] {
    const columns = [this.due, this.stability, this.difficulty, this.lastReview, this.buriedUntil, this.card, this.reps, this.lapses, this.step, this.history, this.phase, this.flags];
    return columns.map((c) => new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
  }

  /** Writes `state` into `row`, its card id as number `card`. */
  write(row: number, state: CardState, card: number): void {
    this.due[row] = state.due.getTime();
    this.stability[row] = state.stability;
    this.difficulty[row] = state.difficulty;
    this.lastReview[row] = timeOf(state.lastReview);
    this.buriedUntil[row] = timeOf(state.buriedUntil);
    this.card[row] = card;
    this.reps[row] = state.reps;
    this.lapses[row] = state.lapses;
    this.step[row] = state.step;
    this.history[row] = state.history;
    this.phase[row] = PHASE_INDEX[state.phase];
    this.flags[row] = (state.suspended ? SUSPENDED : 0) | (state.leech ? LEECH : 0);
  }

  /** Copies `from`'s row `fromRow` into `row`, its card id as number `card`: what `write` of that row's state would do. */
  copy(row: number, from: StateColumns, fromRow: number, card: number): void {
    this.due[row] = from.due[fromRow] as number;
    this.stability[row] = from.stability[fromRow] as number;
    this.difficulty[row] = from.difficulty[fromRow] as number;
    this.lastReview[row] = from.lastReview[fromRow] as number;
    this.buriedUntil[row] = from.buriedUntil[fromRow] as number;
    this.card[row] = card;
    this.reps[row] = from.reps[fromRow] as number;
    this.lapses[row] = from.lapses[fromRow] as number;
    this.step[row] = from.step[fromRow] as number;
    this.history[row] = from.history[fromRow] as number;
    this.phase[row] = from.phase[fromRow] as number;
    this.flags[row] = from.flags[fromRow] as number;
  }

  /** The state in `row`, of card `id`. */
  stateAt(row: number, id: string): CardState {
    const flags = this.flags[row] as number;
    return {
      card: id,
      phase: this.phaseAt(row),
      due: new Date(this.due[row] as number),
      stability: this.stability[row] as number,
      difficulty: this.difficulty[row] as number,
      reps: this.reps[row] as number,
      lapses: this.lapses[row] as number,
      step: this.step[row] as number,
      lastReview: dateOf(this.lastReview[row] as number),
      suspended: (flags & SUSPENDED) !== 0,
      buriedUntil: dateOf(this.buriedUntil[row] as number),
      leech: (flags & LEECH) !== 0,
      history: this.history[row] as number,
    };
  }

  phaseAt(row: number): Phase {
    return PHASES[this.phase[row] as number] as Phase;
  }

  suspendedAt(row: number): boolean {
    return ((this.flags[row] as number) & SUSPENDED) !== 0;
  }
}
