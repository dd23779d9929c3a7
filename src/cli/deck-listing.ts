/**
 * `recall decks --json`, written straight from the decks into UTF-8: the bytes of
 * `JSON.stringify(decks.map(…), null, 2)`, without the 50 000 objects that call needed (a deck, its
 * chapters, their sections), its generic walk of them, or the text it made (two-byte as soon as one
 * title has a CJK character, which made encoding it slow).
 */
import type { DeckOutline, OutlineNode } from '../cards/card.js';
import { JsonBytes } from './json-bytes.js';

const utf8 = (text: string): Uint8Array => Buffer.from(text);

/** The fixed parts between the fields, as bytes once: indents, keys, brackets. */
const EMPTY_LIST = utf8('[]');
const SECTION = {
  first: utf8('[\n          {\n            "number": '),
  next: utf8('\n          },\n          {\n            "number": '),
  title: utf8(',\n            "title": '),
  cards: utf8(',\n            "cards": '),
  last: utf8('\n          }\n        ]'),
};
const CHAPTER = {
  first: utf8('[\n      {\n        "number": '),
  next: utf8('\n      },\n      {\n        "number": '),
  title: utf8(',\n        "title": '),
  cards: utf8(',\n        "cards": '),
  sections: utf8(',\n        "sections": '),
  last: utf8('\n      }\n    ]'),
};
const DECK = {
  first: utf8('[\n  {\n    "key": '),
  next: utf8('\n  },\n  {\n    "key": '),
  title: utf8(',\n    "title": '),
  file: utf8(',\n    "file": '),
  cards: utf8(',\n    "cards": '),
  chapters: utf8(',\n    "chapters": '),
  last: utf8('\n  }\n]\n'),
};
const NO_DECKS = utf8('[]\n');

function writeSections(out: JsonBytes, sections: readonly OutlineNode[]): void {
  if (sections.length === 0) return out.bytes(EMPTY_LIST);
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i] as OutlineNode;
    out.bytes(i === 0 ? SECTION.first : SECTION.next);
    out.stringOrNull(section.number);
    out.bytes(SECTION.title);
    out.string(section.title);
    out.bytes(SECTION.cards);
    out.number(section.cards);
  }
  out.bytes(SECTION.last);
}

function writeChapters(out: JsonBytes, chapters: readonly OutlineNode[]): void {
  if (chapters.length === 0) return out.bytes(EMPTY_LIST);
  for (let i = 0; i < chapters.length; i++) {
    const chapter = chapters[i] as OutlineNode;
    out.bytes(i === 0 ? CHAPTER.first : CHAPTER.next);
    out.stringOrNull(chapter.number);
    out.bytes(CHAPTER.title);
    out.string(chapter.title);
    out.bytes(CHAPTER.cards);
    out.number(chapter.cards);
    out.bytes(CHAPTER.sections);
    writeSections(out, chapter.children);
  }
  out.bytes(CHAPTER.last);
}

/** Bytes a piece starts with room for: 256 decks of the corpus take about 170 KB. */
const PIECE_BYTES = 256 * 1024;

/** The listing's JSON and a newline, in pieces of `perPiece` decks. */
export function* decksJsonPieces(decks: readonly DeckOutline[], perPiece: number): Generator<Buffer> {
  const out = new JsonBytes(PIECE_BYTES);
  if (decks.length === 0) out.bytes(NO_DECKS);
  for (let d = 0; d < decks.length; d++) {
    const deck = decks[d] as DeckOutline;
    out.bytes(d === 0 ? DECK.first : DECK.next);
    out.string(deck.key);
    out.bytes(DECK.title);
    out.string(deck.title);
    out.bytes(DECK.file);
    out.string(deck.file);
    out.bytes(DECK.cards);
    out.number(deck.cards);
    out.bytes(DECK.chapters);
    writeChapters(out, deck.chapters);
    if ((d + 1) % perPiece === 0) yield out.take();
  }
  if (decks.length > 0) out.bytes(DECK.last);
  yield out.take();
}
