/**
 * The card states of a loaded snapshot as a Map read from its columns. A start after a day folds a few
 * hundred cards and the queue reads a few fields of each: making every state (tens of thousands of
 * objects, with their dates) at load cost more than the rest of the start.
 */
import type { CardState, Phase } from './card-state.js';
import type { StateColumns } from './state-columns.js';

/** What a queue reads of a state, times in ms (NaN: none). */
export interface QueueFields {
  phase: Phase;
  due: number;
  stability: number;
  lastReview: number;
  suspended: boolean;
  buriedUntil: number;
}

/**
 * A Map of the states in `columns`, in row order. A row's state is made on its first `get` and kept;
 * states set for ids without a row (or after their row was deleted) are held by the Map itself, after
 * the rows, so every read and iteration sees what a Map filled from the rows and then changed the same
 * way would.
 */
export class ColumnStates extends Map<string, CardState> {
  private readonly made: (CardState | undefined)[];
  private readonly deleted: Uint8Array;
  private deletedRows = 0;

  constructor(
    private readonly columns: StateColumns,
    /** Card id of each row. */
    private readonly ids: (row: number) => string,
    /** Row of a card id, or -1. */
    private readonly findRow: (id: string) => number,
  ) {
    super();
    this.made = new Array<CardState | undefined>(columns.size);
    this.deleted = new Uint8Array(columns.size);
  }

  /** `id`'s row if it has one not deleted, else -1. */
  private rowOf(id: string): number {
    const row = this.findRow(id);
    return row < 0 || this.deleted[row] === 1 ? -1 : row;
  }

  private stateAt(row: number): CardState {
    let state = this.made[row];
    if (!state) this.made[row] = state = this.columns.stateAt(row, this.ids(row));
    return state;
  }

  override get size(): number {
    return this.columns.size - this.deletedRows + super.size;
  }

  override get(id: string): CardState | undefined {
    const row = this.rowOf(id);
    return row >= 0 ? this.stateAt(row) : super.get(id);
  }

  override has(id: string): boolean {
    return this.rowOf(id) >= 0 || super.has(id);
  }

  override set(id: string, state: CardState): this {
    const row = this.rowOf(id);
    if (row >= 0) this.made[row] = state;
    else super.set(id, state);
    return this;
  }

  override delete(id: string): boolean {
    const row = this.rowOf(id);
    if (row < 0) return super.delete(id);
    this.deleted[row] = 1;
    this.deletedRows++;
    this.made[row] = undefined;
    return true;
  }

  override clear(): void {
    this.deleted.fill(1);
    this.deletedRows = this.columns.size;
    this.made.fill(undefined);
    super.clear();
  }

  /**
   * Reads `id`'s queue fields into `into` (reused by the caller: no object per card); false when it has
   * no state. A row nothing was made or set for is read from the columns.
   */
  readQueueFields(id: string, into: QueueFields): boolean {
    const row = this.rowOf(id);
    const state = row >= 0 ? this.made[row] : super.get(id);
    if (state) {
      queueFieldsOf(state, into);
      return true;
    }
    if (row < 0) return false;
    const c = this.columns;
    into.phase = c.phaseAt(row);
    into.due = c.due[row] as number;
    into.stability = c.stability[row] as number;
    into.lastReview = c.lastReview[row] as number;
    into.suspended = c.suspendedAt(row);
    into.buriedUntil = c.buriedUntil[row] as number;
    return true;
  }

  /** How many of its keys are among `ids`, each counted once: rows are marked, no id hashed into a Set. */
  countKeysAmong(ids: Iterable<string>): number {
    const seen = new Uint8Array(this.columns.size);
    const added = new Set<string>();
    let count = 0;
    for (const id of ids) {
      const row = this.rowOf(id);
      if (row < 0) {
        if (super.has(id)) added.add(id);
      } else if (seen[row] === 0) {
        seen[row] = 1;
        count++;
      }
    }
    return count + added.size;
  }

  /**
   * Each entry in order, as the id and its row in `columns` when its state was never made nor set (the
   * row holds it: a snapshot writer copies it as is), else the id and the state.
   */
  *rowsOrStates(): Generator<[string, number | CardState]> {
    for (let row = 0; row < this.columns.size; row++) {
      if (this.deleted[row] === 0) yield [this.ids(row), this.made[row] ?? row];
    }
    yield* super.entries();
  }

  /** The columns `rowsOrStates` numbers rows of. */
  get rowColumns(): StateColumns {
    return this.columns;
  }

  override *entries(): MapIterator<[string, CardState]> {
    for (let row = 0; row < this.columns.size; row++) {
      if (this.deleted[row] === 0) yield [this.ids(row), this.stateAt(row)];
    }
    yield* super.entries();
  }

  override *keys(): MapIterator<string> {
    for (let row = 0; row < this.columns.size; row++) if (this.deleted[row] === 0) yield this.ids(row);
    yield* super.keys();
  }

  override *values(): MapIterator<CardState> {
    for (const [, state] of this.entries()) yield state;
  }

  override [Symbol.iterator](): MapIterator<[string, CardState]> {
    return this.entries();
  }

  override forEach(callback: (state: CardState, id: string, map: Map<string, CardState>) => void, thisArg?: unknown): void {
    for (const [id, state] of this.entries()) callback.call(thisArg, state, id, this);
  }
}

/** Copies a state's queue fields into `into`. */
function queueFieldsOf(state: CardState, into: QueueFields): void {
  into.phase = state.phase;
  into.due = state.due.getTime();
  into.stability = state.stability;
  into.lastReview = state.lastReview?.getTime() ?? Number.NaN;
  into.suspended = state.suspended;
  into.buriedUntil = state.buriedUntil?.getTime() ?? Number.NaN;
}

/** How many keys of `states` are among `ids`, each counted once. */
export function countKeysAmong(states: ReadonlyMap<string, CardState>, ids: Iterable<string>): number {
  if (states instanceof ColumnStates) return states.countKeysAmong(ids);
  const found = new Set<string>();
  for (const id of ids) if (states.has(id)) found.add(id);
  return found.size;
}

/** Reads `id`'s queue fields from any map of states into `into`; false when it has no state. */
export function readQueueFields(states: ReadonlyMap<string, CardState>, id: string, into: QueueFields): boolean {
  if (states instanceof ColumnStates) return states.readQueueFields(id, into);
  const state = states.get(id);
  if (!state) return false;
  queueFieldsOf(state, into);
  return true;
}
