/**
 * Cards as the parse cache stores them (decks: stored-decks): columns of numbers over one table of strings, which
 * `v8.deserialize` reads about ten times faster than the same data as objects (a typed array is copied,
 * not parsed field by field), and cards without their texts (those stay in the file, see stored-card).
 */
import { InternTable } from '../store/intern-table.js';
import type { Card, CardKind, OutlineRef } from './card.js';
import { StoredCard, type CardTexts } from './stored-card.js';

/** Strings as one text and each one's length: one string for `v8.deserialize` to copy, not one per title. */
export interface StringColumn {
  readonly text: string;
  readonly lengths: Int32Array;
}

export const stringColumn = (strings: readonly string[]): StringColumn => ({ text: strings.join(''), lengths: Int32Array.from(strings, (s) => s.length) });

export function stringsOf({ text, lengths }: StringColumn): string[] {
  const strings: string[] = new Array(lengths.length);
  let at = 0;
  for (let i = 0; i < strings.length; i++) strings[i] = text.slice(at, (at += lengths[i] as number));
  return strings;
}

/** Each distinct string once, by index. */
export class StringTable extends InternTable<string> {
  /** The index of a section number, or -1 for none. */
  ofNumber(number: string | null): number {
    return number === null ? -1 : this.numberOf(number);
  }

  get column(): StringColumn {
    return stringColumn(this.values);
  }
}

const numberOf = (strings: readonly string[], at: number): string | null => (at === -1 ? null : (strings[at] as string));

export interface CardColumns {
  /** Per card, its id (unique: not worth a table entry each). */
  readonly ids: StringColumn;
  readonly strings: StringColumn;
  /** Per card: deck, kind, chapter (a ref, -1: none), path, source file, source line. */
  readonly cards: Int32Array;
  /** Per outline ref: number (-1: none), title. */
  readonly refs: Int32Array;
  /** Per path: its length, then its refs. */
  readonly paths: Int32Array;
  /** Per card: where its front starts in the file (from some base), the front's and the back's UTF-8 bytes. */
  readonly texts: Float64Array;
}

const CARD_FIELDS = 6;

/** `cards` as columns; `texts` holds where each card's text is (see CardColumns.texts). */
export function cardColumns(cards: readonly Card[], texts: Float64Array): CardColumns {
  const table = new StringTable();
  const refs: number[] = [];
  const paths: number[] = [];
  // Cards of one note share their path lists and outline refs: known by identity first, then by value.
  const refByObject = new Map<OutlineRef, number>();
  const refByValue = new Map<string, number>();
  const pathByObject = new Map<readonly OutlineRef[], number>();
  const pathByValue = new Map<string, number>();
  const refOf = (ref: OutlineRef): number => {
    let at = refByObject.get(ref);
    if (at !== undefined) return at;
    const number = table.ofNumber(ref.number);
    const title = table.numberOf(ref.title);
    const key = `${number},${title}`;
    at = refByValue.get(key);
    if (at === undefined) {
      at = refs.length / 2;
      refs.push(number, title);
      refByValue.set(key, at);
    }
    refByObject.set(ref, at);
    return at;
  };
  const pathOf = (path: readonly OutlineRef[]): number => {
    let at = pathByObject.get(path);
    if (at !== undefined) return at;
    const members = path.map(refOf);
    const key = members.join(',');
    at = pathByValue.get(key);
    if (at === undefined) {
      at = paths.length;
      paths.push(members.length, ...members);
      pathByValue.set(key, at);
    }
    pathByObject.set(path, at);
    return at;
  };
  // A note's cards share their deck and file: looked up once per run of equal strings.
  let deck = '';
  let deckAt = -1;
  let file = '';
  let fileAt = -1;
  const fields = new Int32Array(CARD_FIELDS * cards.length);
  cards.forEach((card, i) => {
    const at = CARD_FIELDS * i;
    if (deckAt === -1 || card.deck !== deck) {
      deck = card.deck;
      deckAt = table.numberOf(deck);
    }
    if (fileAt === -1 || card.source.file !== file) {
      file = card.source.file;
      fileAt = table.numberOf(file);
    }
    fields[at] = deckAt;
    fields[at + 1] = table.numberOf(card.kind);
    fields[at + 2] = card.chapter ? refOf(card.chapter) : -1;
    fields[at + 3] = pathOf(card.path);
    fields[at + 4] = fileAt;
    fields[at + 5] = card.source.line;
  });
  return { ids: stringColumn(cards.map((card) => card.id)), strings: table.column, cards: fields, refs: Int32Array.from(refs), paths: Int32Array.from(paths), texts };
}

/** Some cards already in columns (a parse cache entry's): which of them to keep (null: all), and what their text positions are offsets from. */
export interface CardPart {
  readonly columns: CardColumns;
  readonly kept: readonly boolean[] | null;
  readonly base: number;
}

/**
 * The cards kept of each part, in order, as one set of columns: what `cardColumns` makes of the same
 * cards, joined number by number, without making a card object (a library of a hundred thousand cards
 * as objects, then as columns, was the peak of a first parse).
 */
export function joinedCardColumns(parts: Iterable<CardPart>): CardColumns {
  const table = new StringTable();
  const refs: number[] = [];
  const paths: number[] = [];
  const refByValue = new Map<string, number>();
  const pathByValue = new Map<string, number>();
  // Each part's rows kept as arrays of its own, copied into one at the end: growing one array of
  // every card leaves each outgrown copy behind as garbage.
  const fields: Int32Array[] = [];
  const texts: Float64Array[] = [];
  const idTexts: string[] = [];
  const idLengths: Int32Array[] = [];
  for (const { columns, kept, base } of parts) {
    const stringAt = stringsOf(columns.strings).map((string) => table.numberOf(string));
    const refAt = new Int32Array(columns.refs.length / 2);
    for (let r = 0; r < refAt.length; r++) {
      const number = columns.refs[2 * r] as number;
      const ref = [number === -1 ? -1 : (stringAt[number] as number), stringAt[columns.refs[2 * r + 1] as number] as number] as const;
      const key = `${ref[0]},${ref[1]}`;
      let at = refByValue.get(key);
      if (at === undefined) {
        at = refs.length / 2;
        refs.push(...ref);
        refByValue.set(key, at);
      }
      refAt[r] = at;
    }
    const pathAt = new Map<number, number>();
    for (let p = 0; p < columns.paths.length; p += 1 + (columns.paths[p] as number)) {
      const members = Array.from(columns.paths.subarray(p + 1, p + 1 + (columns.paths[p] as number)), (r) => refAt[r] as number);
      const key = members.join(',');
      let at = pathByValue.get(key);
      if (at === undefined) {
        at = paths.length;
        paths.push(members.length, ...members);
        pathByValue.set(key, at);
      }
      pathAt.set(p, at);
    }
    const { cards, ids } = columns;
    const count = kept ? kept.filter(Boolean).length : ids.lengths.length;
    const partFields = new Int32Array(CARD_FIELDS * count);
    const partTexts = new Float64Array(3 * count);
    const partLengths = new Int32Array(count);
    let row = 0;
    let idAt = 0;
    for (let i = 0; i < ids.lengths.length; i++) {
      const idLength = ids.lengths[i] as number;
      idAt += idLength;
      if (kept && !kept[i]) continue;
      const at = CARD_FIELDS * i;
      const chapter = cards[at + 2] as number;
      partFields.set(
        [
          stringAt[cards[at] as number] as number,
          stringAt[cards[at + 1] as number] as number,
          chapter === -1 ? -1 : (refAt[chapter] as number),
          pathAt.get(cards[at + 3] as number) as number,
          stringAt[cards[at + 4] as number] as number,
          cards[at + 5] as number,
        ],
        CARD_FIELDS * row,
      );
      partTexts.set([base + (columns.texts[3 * i] as number), columns.texts[3 * i + 1] as number, columns.texts[3 * i + 2] as number], 3 * row);
      partLengths[row] = idLength;
      if (kept) idTexts.push(ids.text.slice(idAt - idLength, idAt));
      row += 1;
    }
    if (!kept) idTexts.push(ids.text);
    fields.push(partFields);
    texts.push(partTexts);
    idLengths.push(partLengths);
  }
  return {
    ids: { text: idTexts.join(''), lengths: joined(Int32Array, idLengths) },
    strings: table.column,
    cards: joined(Int32Array, fields),
    refs: Int32Array.from(refs),
    paths: Int32Array.from(paths),
    texts: joined(Float64Array, texts),
  };
}

/** The arrays `parts`, one after the other, as one. */
function joined<T extends Int32Array | Float64Array>(Type: { new (length: number): T }, parts: readonly T[]): T {
  const all = new Type(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** The cards of `columns`, their texts read from `texts` at `base` plus each card's offset. */
export function storedCards(columns: CardColumns, texts: CardTexts, base: number): StoredCard[] {
  const { cards, refs, paths } = columns;
  const ids = stringsOf(columns.ids);
  const strings = stringsOf(columns.strings);
  const refList: OutlineRef[] = new Array(refs.length / 2);
  for (let r = 0; r < refList.length; r++) refList[r] = { number: numberOf(strings, refs[2 * r] as number), title: strings[refs[2 * r + 1] as number] as string };
  const pathAt = new Map<number, readonly OutlineRef[]>();
  for (let at = 0; at < paths.length; at += 1 + (paths[at] as number)) {
    pathAt.set(at, Array.from(paths.subarray(at + 1, at + 1 + (paths[at] as number)), (r) => refList[r] as OutlineRef));
  }
  const list: StoredCard[] = new Array(ids.length);
  for (let i = 0; i < list.length; i++) {
    const at = CARD_FIELDS * i;
    const chapter = cards[at + 2] as number;
    list[i] = new StoredCard(
      ids[i] as string,
      strings[cards[at] as number] as string,
      strings[cards[at + 1] as number] as CardKind,
      chapter === -1 ? null : (refList[chapter] as OutlineRef),
      pathAt.get(cards[at + 3] as number) as readonly OutlineRef[],
      { file: strings[cards[at + 4] as number] as string, line: cards[at + 5] as number },
      texts,
      base + (columns.texts[3 * i] as number),
      columns.texts[3 * i + 1] as number,
      columns.texts[3 * i + 2] as number,
    );
  }
  return list;
}

/** The fronts and backs of `cards` as UTF-8, one after the other, and where each card's are (CardColumns.texts, from 0). */
export function cardTextBytes(cards: readonly Card[]): { bytes: Buffer; texts: Float64Array } {
  const texts = new Float64Array(3 * cards.length);
  let total = 0;
  cards.forEach((card, i) => {
    const front = Buffer.byteLength(card.front);
    const back = Buffer.byteLength(card.back);
    texts.set([total, front, back], 3 * i);
    total += front + back;
  });
  const bytes = Buffer.allocUnsafe(total);
  cards.forEach((card, i) => {
    const at = texts[3 * i] as number;
    bytes.write(card.front, at);
    bytes.write(card.back, at + (texts[3 * i + 1] as number));
  });
  return { bytes, texts };
}
