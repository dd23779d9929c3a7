/**
 * The head of the replay snapshot: what a start reads. A small JSON part (settings hash, positions,
 * where the review segments are, aliases), the string table, a hash table of the card ids, the card
 * states in typed columns, then the card texts as one block of UTF-8 decoded one text at a time when
 * asked: relinking reads a few, exports all, a start none. Loading decodes nothing: a start after a day
 * reads the states of the few hundred cards it folds and the queue's fields, from the columns (made
 * as objects at load, tens of thousands of states took most of the start).
 */
import type { LogLines, LogPositions } from '../store/log.js';
import type { CardState } from './card-state.js';
import { StoredText } from './card-texts.js';
import { ColumnStates } from './column-states.js';
import { InternTable } from '../store/intern-table.js';
import { LazyMap } from './lazy-map.js';
import { align8 } from './review-segments.js';
import type { CardText } from './replay.js';
import { COLUMN_WIDTHS, StateColumns } from './state-columns.js';
import { encodeStrings, findRow, rowSlots, StoredStrings } from './stored-strings.js';

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
  readonly aliases: [number, number][];
  /** How many strings, and their code units in all. */
  readonly strings: number;
  readonly stringUnits: number;
  /** Slots of the card ids' hash table. */
  readonly slots: number;
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

/**
 * Column sizes after the JSON: the string table (starts, u32, one more than the strings; UTF-16 block),
 * the hash table of card ids (u32 slots), the states (`COLUMN_WIDTHS`), then the texts: card, deck
 * (u32), byte starts (u32, one more than the texts), the UTF-8 block.
 */
const columnSizes = ({ strings, stringUnits, slots, states, texts, textBytes }: HeadJson) => [
  4 * (strings + 1),
  2 * stringUnits,
  4 * slots,
  ...COLUMN_WIDTHS.map((width) => width * states),
  4 * texts,
  4 * texts,
  4 * (texts + 1),
  textBytes,
];
const STATES_AT = 3;
const TEXTS_AT = STATES_AT + COLUMN_WIDTHS.length;

/** The head's bytes, in parts to write one after the other (the texts are not copied into one buffer). */
export function encodeHead(
  meta: HeadMeta,
  states: ReadonlyMap<string, CardState>,
  texts: ReadonlyMap<string, CardText>,
  aliases: ReadonlyMap<string, string>,
): Buffer[] {
  const table = new InternTable<string>();
  const ref = (s: string) => table.numberOf(s);
  const columns = new StateColumns(states.size);
  const ids: string[] = [];
  const row = (id: string) => ref(ids[ids.push(id) - 1] as string);
  // A loaded snapshot's rows nothing changed are copied as they are, without making their states.
  if (states instanceof ColumnStates) {
    const from = states.rowColumns;
    for (const [id, s] of states.rowsOrStates()) {
      if (typeof s === 'number') columns.copy(ids.length, from, s, row(id));
      else columns.write(ids.length, s, row(id));
    }
  } else {
    for (const [id, s] of states) columns.write(ids.length, s, row(id));
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
  const aliasRefs = [...aliases].map(([from, to]): [number, number] => [ref(from), ref(to)]);
  const strings = encodeStrings(table.values);
  const slots = rowSlots(ids);
  const json: HeadJson = {
    ...meta,
    aliases: aliasRefs,
    strings: table.values.length,
    stringUnits: strings.block.length / 2,
    slots: slots.length,
    states: columns.size,
    texts: t,
    textBytes: bytes,
  };
  const jsonBytes = Buffer.from(JSON.stringify(json), 'utf8');
  const { offsets, end } = columnOffsets(align8(8 + jsonBytes.length), columnSizes(json));
  const textsAt = offsets[TEXTS_AT + 3] as number;
  const out = Buffer.alloc(textsAt);
  out.writeUInt32LE(jsonBytes.length, 0);
  jsonBytes.copy(out, 8);
  const view = (column: ArrayBufferView) => new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
  [strings.starts, strings.block, slots, ...columns.bytes(), textCard, textDeck, starts].forEach((column, k) => out.set(view(column), offsets[k] as number));
  return [out, ...pieces, Buffer.alloc(end - textsAt - bytes)];
}

export interface DecodedHead {
  readonly meta: HeadMeta;
  readonly states: ColumnStates;
  readonly texts: Map<string, CardText>;
  readonly aliases: Map<string, string>;
}

/** Bytes [from, to) of a head, 8-aligned in a buffer of their own. */
export type HeadReader = (from: number, to: number) => Buffer;

/**
 * Decodes the head of `length` bytes that `read` reads. Nothing is decoded that is not asked for, and
 * the texts (most of the head's bytes) are read only when the texts are: `read` must work until then.
 */
export function decodeHead(read: HeadReader, length: number): DecodedHead {
  const jsonLength = read(0, 8).readUInt32LE(0);
  const json = JSON.parse(read(8, 8 + jsonLength).toString('utf8')) as HeadJson;
  const { offsets, end } = columnOffsets(align8(8 + jsonLength), columnSizes(json));
  if (end > length) throw new Error('truncated snapshot head');
  const blockAt = offsets[TEXTS_AT + 3] as number;
  // The columns only: the JSON before them was read above.
  const columnsAt = offsets[0] as number;
  const bytes = read(columnsAt, blockAt);
  const at = (k: number) => bytes.byteOffset + (offsets[k] as number) - columnsAt;
  const u32 = (k: number, count: number) => new Uint32Array(bytes.buffer, at(k), count);
  const stringsAt = (offsets[1] as number) - columnsAt;
  const strings = new StoredStrings(bytes.subarray(stringsAt, stringsAt + 2 * json.stringUnits), u32(0, json.strings + 1));
  const s = (i: number) => strings.at(i);
  const slots = u32(2, json.slots);
  const columns = new StateColumns(json.states, { buffer: bytes.buffer, offsets: COLUMN_WIDTHS.map((_, k) => at(STATES_AT + k)) });
  const idAt = (row: number) => s(columns.card[row] as number);
  const isId = (row: number, id: string) => strings.equals(columns.card[row] as number, id);
  const states = new ColumnStates(columns, idAt, (id) => findRow(slots, id, isId));
  const t = json.texts;
  const textCard = u32(TEXTS_AT, t);
  const textDeck = u32(TEXTS_AT + 1, t);
  const starts = u32(TEXTS_AT + 2, t + 1);
  const texts = new LazyMap<string, CardText>(function* () {
    const block = read(blockAt, blockAt + json.textBytes);
    for (let j = 0; j < t; j++) yield [s(textCard[j] as number), new StoredText(s(textDeck[j] as number), block, starts[j] as number, starts[j + 1] as number)];
  });
  const aliases = new Map(json.aliases.map(([from, into]) => [s(from), s(into)]));
  const { settings, positions, lines, lastAt, segments, recentSince, recent } = json;
  return { meta: { settings, positions, lines, lastAt, segments, recentSince, recent }, states, texts, aliases };
}
