/**
 * Effective reviews in binary segments: the bulk of the replay snapshot, which only stats, exports and
 * optimize read. A segment holds up to `SEGMENT_REVIEWS` reviews in typed columns with its own string
 * table, so a million reviews take about 60 MB on disk and no parsing of text to read back.
 */
import type { Rating } from '../store/events.js';
import type { Phase, ReviewRecord } from './card-state.js';
import { idBytes, idFromBytes, ID_BYTES } from '../store/event-ids.js';
import { InternTable } from '../store/intern-table.js';

/** Reviews per segment: a writer holds one segment's columns at a time. */
export const SEGMENT_REVIEWS = 1 << 16;

/** Phases by their code in the snapshot's columns (the segments' and the head's), and codes by phase. */
export const PHASES: readonly Phase[] = ['new', 'learning', 'review', 'relearning'];
export const PHASE_INDEX: Readonly<Record<Phase, number>> = { new: 0, learning: 1, review: 2, relearning: 3 };
/** In the id reference column: the id is a uuid, held in the id bytes column (else it is a string index). */
const UUID_BYTES = 0xffffffff;

/** `n` rounded up to a multiple of 8: typed columns start 8-aligned. */
export const align8 = (n: number) => (n + 7) & ~7;

/** Byte layout of a segment of `count` reviews whose string table takes `stringBytes`: every column 8-aligned. */
function layout(count: number, stringBytes: number) {
  let at = 8;
  const next = (bytes: number) => {
    const start = at;
    at = align8(at + bytes);
    return start;
  };
  const strings = next(stringBytes);
  const offsets = {
    strings,
    at: next(8 * count),
    ms: next(8 * count),
    retrievability: next(8 * count),
    card: next(4 * count),
    deck: next(4 * count),
    device: next(4 * count),
    history: next(4 * count),
    idRef: next(4 * count),
    id: next(ID_BYTES * count),
    rating: next(count),
    phase: next(count),
  };
  return { offsets, size: at };
}

/**
 * Builds one segment review by review, straight into typed columns: a writer keeps no review objects
 * alive (a million of them would outlive the young generation and cost the collector).
 */
export class SegmentBuilder {
  /**
   * Card ids, decks and devices, numbered for every segment (the fold holds these strings anyway; a table
   * made anew per segment was tens of thousands of entries promoted and dropped each time). Event ids that
   * are not uuids (hand edits, unbounded) go in `otherIds`, made anew per segment
   * (`~n` in the segment's own numbering, apart from the names).
   */
  private readonly names = new InternTable<string>();
  private otherIds = new InternTable<string>();
  private n = 0;
  private readonly at = new Float64Array(SEGMENT_REVIEWS);
  private readonly ms = new Float64Array(SEGMENT_REVIEWS);
  private readonly retrievability = new Float64Array(SEGMENT_REVIEWS);
  private readonly card = new Uint32Array(SEGMENT_REVIEWS);
  private readonly deck = new Uint32Array(SEGMENT_REVIEWS);
  private readonly device = new Uint32Array(SEGMENT_REVIEWS);
  private readonly history = new Uint32Array(SEGMENT_REVIEWS);
  private readonly idRef = new Uint32Array(SEGMENT_REVIEWS);
  private readonly ids = new Uint8Array(ID_BYTES * SEGMENT_REVIEWS);
  private readonly rating = new Uint8Array(SEGMENT_REVIEWS);
  private readonly phase = new Uint8Array(SEGMENT_REVIEWS);

  /** Reviews added since the last `take`. */
  get size(): number {
    return this.n;
  }

  /** Adds a review; at most `SEGMENT_REVIEWS` before a `take`. */
  add(r: ReviewRecord): void {
    const i = this.n++;
    this.at[i] = r.at.getTime();
    this.ms[i] = r.ms;
    this.retrievability[i] = r.retrievability ?? Number.NaN;
    this.card[i] = this.names.numberOf(r.card);
    this.deck[i] = this.names.numberOf(r.deck);
    this.device[i] = this.names.numberOf(r.device);
    this.history[i] = r.history;
    this.idRef[i] = idBytes(r.id, this.ids, ID_BYTES * i) ? UUID_BYTES : this.otherIds.numberOf(r.id);
    this.rating[i] = r.rating;
    this.phase[i] = PHASE_INDEX[r.phaseBefore];
  }

  /** How many of the reviews added are at or after `time` (ms): they come last. */
  countSince(time: number): number {
    let k = this.n;
    while (k > 0 && (this.at[k - 1] as number) >= time) k--;
    return this.n - k;
  }

  /**
   * The reviews added as segments, [u32 count, u32 string bytes, strings (JSON), columns]: one, or two
   * split before the `split`th (so the last ones can be read without the string table of all); starts anew.
   */
  take(split = this.n): Buffer[] {
    const parts = [this.encode(0, split), this.encode(split, this.n)].filter((part) => part.readUInt32LE(0) > 0);
    this.n = 0;
    this.otherIds = new InternTable<string>();
    return parts;
  }

  /** Rows [from, to) as a segment with a string table of its own. */
  private encode(from: number, to: number): Buffer {
    const n = to - from;
    // The segment's own table: the builder's numbers renumbered in order of use.
    const local = new InternTable<number>();
    const remap = (column: Uint32Array) => {
      const out = new Uint32Array(n);
      for (let i = 0; i < n; i++) out[i] = local.numberOf(column[from + i] as number);
      return out;
    };
    const card = remap(this.card);
    const deck = remap(this.deck);
    const device = remap(this.device);
    const idRef = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const ref = this.idRef[from + i] as number;
      idRef[i] = ref === UUID_BYTES ? UUID_BYTES : local.numberOf(~ref);
    }
    const string = (k: number) => (k < 0 ? this.otherIds.values[~k] : this.names.values[k]);
    const table = Buffer.from(JSON.stringify(local.values.map(string)), 'utf8');
    const { offsets, size } = layout(n, table.length);
    const out = Buffer.alloc(size);
    out.writeUInt32LE(n, 0);
    out.writeUInt32LE(table.length, 4);
    table.copy(out, offsets.strings);
    const put = (column: Float64Array | Uint32Array | Uint8Array, offset: number, start: number, length: number) =>
      out.set(new Uint8Array(column.buffer, start * column.BYTES_PER_ELEMENT, length * column.BYTES_PER_ELEMENT), offset);
    put(this.at, offsets.at, from, n);
    put(this.ms, offsets.ms, from, n);
    put(this.retrievability, offsets.retrievability, from, n);
    put(card, offsets.card, 0, n);
    put(deck, offsets.deck, 0, n);
    put(device, offsets.device, 0, n);
    put(this.history, offsets.history, from, n);
    put(idRef, offsets.idRef, 0, n);
    put(this.ids, offsets.id, ID_BYTES * from, ID_BYTES * n);
    put(this.rating, offsets.rating, from, n);
    put(this.phase, offsets.phase, from, n);
    return out;
  }
}

/** Where the time column of a segment of `n` reviews ends, from its first 8 bytes (count and string bytes). */
export function segmentTimesEnd(n: number, start: Buffer): number {
  const { offsets } = layout(n, start.readUInt32LE(4));
  return offsets.at + 8 * n;
}

/** The time column of a segment, from its first `segmentTimesEnd` bytes (8-aligned in their own buffer). */
export function segmentTimes(bytes: Buffer): Float64Array {
  const n = bytes.readUInt32LE(0);
  const { offsets } = layout(n, bytes.readUInt32LE(4));
  return new Float64Array(bytes.buffer, bytes.byteOffset + offsets.at, n);
}

/**
 * Decodes the segments in `bytes` (which starts 8-aligned in its buffer) onto `into`, up to `limit`
 * reviews in all, leaving out the first `skip` reviews (columns need no decoding to be skipped).
 */
export function decodeSegments(bytes: Buffer, into: ReviewRecord[], limit: number, skip = 0): void {
  for (let start = 0; start < bytes.length && into.length < limit; ) {
    const n = bytes.readUInt32LE(start);
    const { offsets, size } = layout(n, bytes.readUInt32LE(start + 4));
    if (start + size > bytes.length) throw new Error('truncated review segment');
    const base = bytes.byteOffset + start;
    const strings = JSON.parse(bytes.toString('utf8', start + offsets.strings, start + offsets.strings + bytes.readUInt32LE(start + 4))) as string[];
    const f64 = (offset: number) => new Float64Array(bytes.buffer, base + offset, n);
    const u32 = (offset: number) => new Uint32Array(bytes.buffer, base + offset, n);
    const u8 = (offset: number, length = n) => new Uint8Array(bytes.buffer, base + offset, length);
    const [at, ms, retrievability] = [f64(offsets.at), f64(offsets.ms), f64(offsets.retrievability)];
    const [card, deck, device, history, idRef] = [u32(offsets.card), u32(offsets.deck), u32(offsets.device), u32(offsets.history), u32(offsets.idRef)];
    const [ids, rating, phase] = [u8(offsets.id, ID_BYTES * n), u8(offsets.rating), u8(offsets.phase)];
    const s = (i: number) => strings[i] as string;
    for (let i = Math.min(skip, n); i < n && into.length < limit; i++) {
      const r = retrievability[i] as number;
      into.push({
        id: idRef[i] === UUID_BYTES ? idFromBytes(ids, ID_BYTES * i) : s(idRef[i] as number),
        card: s(card[i] as number),
        deck: s(deck[i] as number),
        device: s(device[i] as number),
        at: new Date(at[i] as number),
        rating: rating[i] as Rating,
        ms: ms[i] as number,
        phaseBefore: PHASES[phase[i] as number] as Phase,
        retrievability: Number.isNaN(r) ? null : r,
        history: history[i] as number,
      });
    }
    skip = Math.max(0, skip - n);
    start += size;
  }
}
