/**
 * The head of the replay snapshot: what a start reads. A small JSON part (settings hash, positions,
 * where the review segments are, the string table, aliases), then the card states in typed columns, then
 * the card texts as one block of UTF-8 decoded one text at a time when asked: relinking reads a few,
 * exports all, a start none. Tens of thousands of states load in milliseconds this way; as JSON rows,
 * with the texts, they took half a second.
 */
import type { LogLines, LogPositions } from '../store/log.js';
import type { CardState, Phase } from './card-state.js';
import { StoredText } from './card-texts.js';
import { InternTable } from '../store/intern-table.js';
import { LazyMap } from './lazy-map.js';
import { align8, PHASES, PHASE_INDEX } from './review-segments.js';
import type { CardText } from './replay.js';

const SUSPENDED = 1;
const LEECH = 2;

/** What the head holds besides states and texts. */
export interface HeadMeta {
  readonly settings: string;
  readonly positions: LogPositions;
  /** Lines before `positions`. */
  readonly lines: LogLines;
  readonly lastAt: number;
  /** [byte offset, reviews] of each review segment, in order. */
  readonly segments: [number, number][];
  /** Every review from this time on is among the last `recent` ones. */
  readonly recentSince: number;
  readonly recent: number;
}

interface HeadJson extends HeadMeta {
  readonly strings: string[];
  readonly aliases: [number, number][];
  readonly states: number;
  readonly texts: number;
  readonly textBytes: number;
}

/** Lays columns of `sizes` bytes end to end from `offset`, each 8-aligned: where each starts, and where the last ends. */
function columnOffsets(offset: number, sizes: readonly number[]): { offsets: number[]; end: number } {
  const offsets: number[] = [];
  let at = offset;
  for (const size of sizes) {
    offsets.push(at);
    at = align8(at + size);
  }
  return { offsets, end: at };
}

/** Column sizes of `n` states: due, stability, difficulty, lastReview, buriedUntil (f64); card, reps, lapses, step, history (u32); phase, flags (u8). */
const stateSizes = (n: number) => [8 * n, 8 * n, 8 * n, 8 * n, 8 * n, 4 * n, 4 * n, 4 * n, 4 * n, 4 * n, n, n];
/** Column sizes of `n` texts: card, deck (u32), byte starts (u32, n + 1), then the text bytes. */
const textSizes = (n: number, bytes: number) => [4 * n, 4 * n, 4 * (n + 1), bytes];

/** The head's bytes, in parts to write one after the other (the texts are not copied into one buffer). */
export function encodeHead(
  meta: HeadMeta,
  states: ReadonlyMap<string, CardState>,
  texts: ReadonlyMap<string, CardText>,
  aliases: ReadonlyMap<string, string>,
): Buffer[] {
  const table = new InternTable<string>();
  const ref = (s: string) => table.numberOf(s);
  const n = states.size;
  const f64 = Array.from({ length: 5 }, () => new Float64Array(n));
  const u32 = Array.from({ length: 5 }, () => new Uint32Array(n));
  const u8 = Array.from({ length: 2 }, () => new Uint8Array(n));
  const [due, stability, difficulty, lastReview, buriedUntil] = f64 as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const [card, reps, lapses, step, history] = u32 as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const [phase, flags] = u8 as [Uint8Array, Uint8Array];
  let i = 0;
  for (const s of states.values()) {
    due[i] = s.due.getTime();
    stability[i] = s.stability;
    difficulty[i] = s.difficulty;
    lastReview[i] = s.lastReview?.getTime() ?? Number.NaN;
    buriedUntil[i] = s.buriedUntil?.getTime() ?? Number.NaN;
    card[i] = ref(s.card);
    reps[i] = s.reps;
    lapses[i] = s.lapses;
    step[i] = s.step;
    history[i] = s.history;
    phase[i] = PHASE_INDEX[s.phase];
    flags[i] = (s.suspended ? SUSPENDED : 0) | (s.leech ? LEECH : 0);
    i++;
  }
  const t = texts.size;
  const textCard = new Uint32Array(t);
  const textDeck = new Uint32Array(t);
  const starts = new Uint32Array(t + 1);
  const pieces: Buffer[] = [];
  let j = 0;
  let bytes = 0;
  for (const [id, text] of texts) {
    textCard[j] = ref(id);
    textDeck[j] = ref(text.deck);
    const piece = text instanceof StoredText ? text.bytes() : Buffer.from(text.text, 'utf8');
    pieces.push(piece);
    starts[j] = bytes;
    bytes += piece.length;
    j++;
  }
  starts[t] = bytes;
  const json: HeadJson = {
    ...meta,
    aliases: [...aliases].map(([from, to]) => [ref(from), ref(to)]),
    strings: table.values,
    states: n,
    texts: t,
    textBytes: bytes,
  };
  const jsonBytes = Buffer.from(JSON.stringify(json), 'utf8');
  const stateColumns = columnOffsets(align8(8 + jsonBytes.length), stateSizes(n));
  const textColumns = columnOffsets(stateColumns.end, textSizes(t, bytes));
  const textsAt = textColumns.offsets[3] as number;
  const out = Buffer.alloc(textsAt);
  out.writeUInt32LE(jsonBytes.length, 0);
  jsonBytes.copy(out, 8);
  const put = (column: ArrayBufferView, offset: number) => out.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), offset);
  [...f64, ...u32, ...u8].forEach((column, k) => put(column, stateColumns.offsets[k] as number));
  [textCard, textDeck, starts].forEach((column, k) => put(column, textColumns.offsets[k] as number));
  return [out, ...pieces, Buffer.alloc(textColumns.end - textsAt - bytes)];
}

export interface DecodedHead {
  readonly meta: HeadMeta;
  readonly states: Map<string, CardState>;
  readonly texts: Map<string, CardText>;
  readonly aliases: Map<string, string>;
}

/** Decodes a head; `bytes` must start 8-aligned in its own buffer. */
export function decodeHead(bytes: Buffer): DecodedHead {
  const jsonLength = bytes.readUInt32LE(0);
  const json = JSON.parse(bytes.toString('utf8', 8, 8 + jsonLength)) as HeadJson;
  const { strings, states: n, texts: t } = json;
  const s = (i: number) => strings[i] as string;
  const stateColumns = columnOffsets(align8(8 + jsonLength), stateSizes(n));
  const textColumns = columnOffsets(stateColumns.end, textSizes(t, json.textBytes));
  if (textColumns.end > bytes.length) throw new Error('truncated snapshot head');
  const base = bytes.byteOffset;
  const o = stateColumns.offsets;
  const f64 = (k: number) => new Float64Array(bytes.buffer, base + (o[k] as number), n);
  const u32 = (k: number) => new Uint32Array(bytes.buffer, base + (o[k] as number), n);
  const u8 = (k: number) => new Uint8Array(bytes.buffer, base + (o[k] as number), n);
  const [due, stability, difficulty, lastReview, buriedUntil] = [f64(0), f64(1), f64(2), f64(3), f64(4)];
  const [card, reps, lapses, step, history] = [u32(5), u32(6), u32(7), u32(8), u32(9)];
  const [phase, flags] = [u8(10), u8(11)];
  const date = (time: number) => (Number.isNaN(time) ? null : new Date(time));
  const states = new Map<string, CardState>();
  for (let i = 0; i < n; i++) {
    const id = s(card[i] as number);
    states.set(id, {
      card: id,
      phase: PHASES[phase[i] as number] as Phase,
      due: new Date(due[i] as number),
      stability: stability[i] as number,
      difficulty: difficulty[i] as number,
      reps: reps[i] as number,
      lapses: lapses[i] as number,
      step: step[i] as number,
      lastReview: date(lastReview[i] as number),
      suspended: ((flags[i] as number) & SUSPENDED) !== 0,
      buriedUntil: date(buriedUntil[i] as number),
      leech: ((flags[i] as number) & LEECH) !== 0,
      history: history[i] as number,
    });
  }
  const to = textColumns.offsets;
  const textCard = new Uint32Array(bytes.buffer, base + (to[0] as number), t);
  const textDeck = new Uint32Array(bytes.buffer, base + (to[1] as number), t);
  const starts = new Uint32Array(bytes.buffer, base + (to[2] as number), t + 1);
  const block = bytes.subarray(to[3] as number, (to[3] as number) + json.textBytes);
  const texts = new LazyMap<string, CardText>(function* () {
    for (let j = 0; j < t; j++) yield [s(textCard[j] as number), new StoredText(s(textDeck[j] as number), block, starts[j] as number, starts[j + 1] as number)];
  });
  const aliases = new Map(json.aliases.map(([from, into]) => [s(from), s(into)]));
  const { settings, positions, lines, lastAt, segments, recentSince, recent } = json;
  return { meta: { settings, positions, lines, lastAt, segments, recentSince, recent }, states, texts, aliases };
}
