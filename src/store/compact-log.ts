/**
 * The whole review log merged, held in typed columns rather than an object per event: about 55 bytes an
 * event instead of the 700 that a million parsed lines take. A full replay folds it, handed one event at
 * a time; the order is `readLog`'s (time, then device, then line; a conflict copy's repeats dropped).
 */
import type { Problem } from '../errors.js';
import { idBytes, idFromBytes, ID_BYTES } from './event-ids.js';
import type { EventType, LoggedEvent, Rating, ReviewEvent } from './events.js';
import { scanLog, type EventBody, type LogLines, type LogPositions } from './log.js';
import { InternTable } from './intern-table.js';

const TYPES: readonly EventType[] = ['review', 'cram', 'undo', 'suspend', 'unsuspend', 'bury', 'forget', 'relink', 'card'];
const TYPE_INDEX = new Map(TYPES.map((t, i) => [t, i]));
const UNDO = TYPE_INDEX.get('undo') as number;

/** Events per block: columns grow a block at a time, never copied. */
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

/** One block of columns. `a` and `b` are string indexes: card and deck, or relink's from and to. */
interface Block {
  readonly type: Uint8Array;
  readonly rating: Uint8Array;
  readonly device: Uint16Array;
  readonly line: Uint32Array;
  readonly a: Uint32Array;
  readonly b: Uint32Array;
  readonly at: Float64Array;
  readonly ms: Float64Array;
  readonly id: Uint8Array;
}

function newBlock(): Block {
  return {
    type: new Uint8Array(BLOCK), rating: new Uint8Array(BLOCK), device: new Uint16Array(BLOCK), line: new Uint32Array(BLOCK),
    a: new Uint32Array(BLOCK), b: new Uint32Array(BLOCK), at: new Float64Array(BLOCK), ms: new Float64Array(BLOCK),
    id: new Uint8Array(ID_BYTES * BLOCK),
  };
}

/** Calls `visit` with each event to fold, in log order; `onProgress` hears how many of them were handed out. */
export type CompactVisit = (visit: (event: EventBody, device: string, at: number) => void, onProgress?: (done: number, total: number) => void) => void;

export interface CompactLog {
  /** Events to fold: neither undone nor undos. */
  readonly size: number;
  readonly forEach: CompactVisit;
  /** `device`'s last written (highest line: a clock may have moved back) event of these types not undone. */
  lastOf(device: string, types: ReadonlySet<EventType>): ReviewEvent | undefined;
  readonly problems: Problem[];
  readonly positions: LogPositions;
  readonly lines: LogLines;
  readonly ignored: number;
}

class Columns {
  readonly blocks: Block[] = [];
  size = 0;
  readonly strings = new InternTable<string>();
  /** Ids that are not uuids, by event. */
  readonly textIds = new Map<number, string>();
  /** `card` events' texts and `undo` events' targets, by event. */
  readonly texts = new Map<number, string>();
  readonly devices: string[] = [];
  /** Where each device's events start. */
  readonly starts: number[] = [];

  startDevice(device: string): number {
    this.starts.push(this.size);
    return this.devices.push(device) - 1;
  }

  add(event: ReviewEvent, time: string, line: number, device: number): void {
    const i = this.size++;
    if ((i & MASK) === 0) this.blocks.push(newBlock());
    const block = this.blocks[i >>> BLOCK_BITS] as Block;
    const k = i & MASK;
    block.type[k] = TYPE_INDEX.get(event.type) as number;
    block.device[k] = device;
    block.line[k] = line;
    block.at[k] = Date.parse(time);
    if (!idBytes(event.id, block.id, ID_BYTES * k)) this.textIds.set(i, event.id);
    switch (event.type) {
      case 'review':
      case 'cram':
        block.a[k] = this.strings.numberOf(event.card);
        block.rating[k] = event.rating;
        block.ms[k] = event.ms;
        if (event.type === 'review') block.b[k] = this.strings.numberOf(event.deck);
        break;
      case 'relink':
        block.a[k] = this.strings.numberOf(event.from);
        block.b[k] = this.strings.numberOf(event.to);
        break;
      case 'card':
        block.a[k] = this.strings.numberOf(event.card);
        block.b[k] = this.strings.numberOf(event.deck);
        this.texts.set(i, event.text);
        break;
      case 'undo':
        this.texts.set(i, event.target);
        break;
      default:
        block.a[k] = this.strings.numberOf(event.card);
    }
  }

  block(i: number): Block {
    return this.blocks[i >>> BLOCK_BITS] as Block;
  }

  time(i: number): number {
    return this.block(i).at[i & MASK] as number;
  }

  type(i: number): number {
    return this.block(i).type[i & MASK] as number;
  }

  id(i: number): string {
    return this.textIds.get(i) ?? idFromBytes(this.block(i).id, ID_BYTES * (i & MASK));
  }

  /** The event at `i` without version and time. */
  body(i: number): EventBody {
    const block = this.block(i);
    const k = i & MASK;
    const type = TYPES[block.type[k] as number] as EventType;
    const id = this.id(i);
    const a = this.strings.values[block.a[k] as number] as string;
    const b = this.strings.values[block.b[k] as number] as string;
    switch (type) {
      case 'review':
        return { type, id, card: a, rating: block.rating[k] as Rating, ms: block.ms[k] as number, deck: b };
      case 'cram':
        return { type, id, card: a, rating: block.rating[k] as Rating, ms: block.ms[k] as number };
      case 'relink':
        return { type, id, from: a, to: b };
      case 'card':
        return { type, id, card: a, deck: b, text: this.texts.get(i) as string };
      case 'undo':
        return { type, id, target: this.texts.get(i) as string };
      default:
        return { type, id, card: a };
    }
  }
}

/** Indexes start…end-1 by time, then index (TimSort-like cost on a file already in time order). */
function fileOrder(columns: Columns, start: number, end: number): Uint32Array {
  const order = new Uint32Array(end - start);
  let sorted = true;
  for (let i = start; i < end; i++) {
    order[i - start] = i;
    if (i > start && columns.time(i) < columns.time(i - 1)) sorted = false;
  }
  if (!sorted) order.sort((x, y) => columns.time(x) - columns.time(y) || x - y);
  return order;
}

/**
 * The merged order: the files' events by time, ties to the earlier device (files come in device order)
 * and line; an event whose id was already merged at the same time is dropped (a sync tool's conflict copy
 * repeats the original's events at the same times).
 */
function mergedOrder(columns: Columns): Uint32Array {
  const ends = [...columns.starts.slice(1), columns.size];
  const files = columns.starts.map((start, f) => fileOrder(columns, start, ends[f] as number));
  const heads = files.map(() => 0);
  const merged = new Uint32Array(columns.size);
  let n = 0;
  let lastTime = Number.NaN;
  const idsAtTime: number[] = [];
  for (;;) {
    let best = -1;
    let bestTime = Infinity;
    for (let f = 0; f < files.length; f++) {
      const file = files[f] as Uint32Array;
      const h = heads[f] as number;
      if (h < file.length && columns.time(file[h] as number) < bestTime) {
        best = f;
        bestTime = columns.time(file[h] as number);
      }
    }
    if (best === -1) break;
    const i = (files[best] as Uint32Array)[heads[best] as number] as number;
    heads[best] = (heads[best] as number) + 1;
    if (bestTime !== lastTime) {
      lastTime = bestTime;
      idsAtTime.length = 0;
    } else if (idsAtTime.some((j) => columns.id(j) === columns.id(i))) {
      continue;
    }
    idsAtTime.push(i);
    merged[n++] = i;
  }
  return merged.subarray(0, n);
}

/** Which of the merged events an undo takes back, by event index. */
function undoneEvents(columns: Columns, order: Uint32Array): Uint8Array {
  const targets = new Set<string>();
  for (const i of order) if (columns.type(i) === UNDO) targets.add(columns.texts.get(i) as string);
  const undone = new Uint8Array(columns.size);
  if (targets.size === 0) return undone;
  // Building every id's text to look it up would cost more than the rest of the read: test a prefix first.
  const prefixes = new Set<number>();
  const scratch = new Uint8Array(ID_BYTES);
  for (const target of targets) if (idBytes(target, scratch, 0)) prefixes.add(new DataView(scratch.buffer).getUint32(0));
  for (const i of order) {
    const block = columns.block(i);
    const k = ID_BYTES * (i & MASK);
    const prefix = ((block.id[k] as number) << 24 | (block.id[k + 1] as number) << 16 | (block.id[k + 2] as number) << 8 | (block.id[k + 3] as number)) >>> 0;
    if ((columns.textIds.has(i) || prefixes.has(prefix)) && targets.has(columns.id(i))) undone[i] = 1;
  }
  return undone;
}

/** Reads every device's log under `home` in full, merged as `readLog` merges it. */
export function readCompactLog(home: string, onProgress?: (done: number, total: number) => void): CompactLog {
  const columns = new Columns();
  const scan = scanLog(home, undefined, (device) => {
    const d = columns.startDevice(device);
    return (event, time, line) => columns.add(event, time, line, d);
  }, { onProgress });
  const order = mergedOrder(columns);
  const undone = undoneEvents(columns, order);
  const folded = order.filter((i) => undone[i] === 0 && columns.type(i) !== UNDO);
  const deviceOf = (i: number) => columns.devices[columns.block(i).device[i & MASK] as number] as string;
  return {
    size: folded.length,
    forEach(visit, progress) {
      for (let j = 0; j < folded.length; j++) {
        const i = folded[j] as number;
        visit(columns.body(i), deviceOf(i), columns.time(i));
        if (progress && (j & MASK) === MASK) progress(j + 1, folded.length);
      }
      progress?.(folded.length, folded.length);
    },
    lastOf(device, types) {
      let last: LoggedEvent | undefined;
      for (const i of order) {
        const line = columns.block(i).line[i & MASK] as number;
        if (undone[i] === 1 || deviceOf(i) !== device || !types.has(TYPES[columns.type(i)] as EventType) || (last && line <= last.line)) continue;
        const event = { v: 1, at: new Date(columns.time(i)).toISOString(), ...columns.body(i) } as ReviewEvent;
        last = { event, device, line };
      }
      return last?.event;
    },
    problems: scan.problems,
    positions: scan.positions,
    lines: scan.lines,
    ignored: scan.ignored,
  };
}
