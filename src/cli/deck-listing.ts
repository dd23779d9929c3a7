/**
 * `recall decks --json`, written straight from the decks' columns into UTF-8: the bytes of
 * `JSON.stringify(decks.map(…), null, 2)`, without the 50 000 objects that call needed (a deck, its
 * chapters, their sections), its generic walk of them, or the text it made (two-byte as soon as one
 * title has a CJK character, which made encoding it slow). A re-opened library has its decks as
 * columns already, so listing it makes no deck object and slices no string.
 */
import { DeckColumnsView, DeckField, NodeField, type DeckColumns } from '../cards/stored-decks.js';
import { JsonBytes } from './json-bytes.js';

const utf8 = (text: string): Uint8Array => Buffer.from(text);

/** The fixed parts between a list of outline nodes' fields, as bytes once: indents, keys, brackets. */
interface NodeBytes {
  readonly first: Uint8Array;
  readonly next: Uint8Array;
  readonly title: Uint8Array;
  readonly cards: Uint8Array;
  readonly last: Uint8Array;
  /** The key of the nodes' children and their own bytes; none: children are left out. */
  readonly children?: { readonly key: Uint8Array; readonly nodes: NodeBytes };
}

/** The bytes of outline nodes `depth` levels into a deck (chapters 1, sections 2), listing `childKey` children one level deeper. */
function nodeBytes(depth: number, childKey?: string): NodeBytes {
  const indent = ' '.repeat(4 * depth + 2);
  const field = ' '.repeat(4 * depth + 4);
  return {
    first: utf8(`[\n${indent}{\n${field}"number": `),
    next: utf8(`\n${indent}},\n${indent}{\n${field}"number": `),
    title: utf8(`,\n${field}"title": `),
    cards: utf8(`,\n${field}"cards": `),
    last: utf8(`\n${indent}}\n${' '.repeat(4 * depth)}]`),
    children: childKey === undefined ? undefined : { key: utf8(`,\n${field}"${childKey}": `), nodes: nodeBytes(depth + 1) },
  };
}

const EMPTY_LIST = utf8('[]');
const CHAPTERS = nodeBytes(1, 'sections');
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

const NULL = utf8('null');

/** Writes string `i` of `view` as a JSON string. */
const writeString = (out: JsonBytes, view: DeckColumnsView, i: number): void => out.string(view.text, view.starts[i], view.starts[i + 1]);

/** Writes the `count` sibling nodes at `first` and returns the node after them and their descendants. */
function writeNodes(out: JsonBytes, view: DeckColumnsView, first: number, count: number, bytes: NodeBytes): number {
  if (count === 0) {
    out.bytes(EMPTY_LIST);
    return first;
  }
  let node = first;
  for (let i = 0; i < count; i++) {
    const number = view.node(node, NodeField.number);
    const children = view.node(node, NodeField.childCount);
    out.bytes(i === 0 ? bytes.first : bytes.next);
    if (number === -1) out.bytes(NULL);
    else writeString(out, view, number);
    out.bytes(bytes.title);
    writeString(out, view, view.node(node, NodeField.title));
    out.bytes(bytes.cards);
    out.number(view.node(node, NodeField.cards));
    if (bytes.children) {
      out.bytes(bytes.children.key);
      node = writeNodes(out, view, node + 1, children, bytes.children.nodes);
    } else {
      node = view.after(node + 1, children);
    }
  }
  out.bytes(bytes.last);
  return node;
}

/** Bytes a piece starts with room for: 256 decks of the corpus take about 170 KB. */
const PIECE_BYTES = 256 * 1024;

/** The listing's JSON and a newline, in pieces of `perPiece` decks. */
export function* decksJsonPieces(columns: DeckColumns, perPiece: number): Generator<Buffer> {
  const view = new DeckColumnsView(columns);
  const out = new JsonBytes(PIECE_BYTES);
  if (view.deckCount === 0) out.bytes(NO_DECKS);
  let node = 0;
  for (let d = 0; d < view.deckCount; d++) {
    out.bytes(d === 0 ? DECK.first : DECK.next);
    writeString(out, view, view.deck(d, DeckField.key));
    out.bytes(DECK.title);
    writeString(out, view, view.deck(d, DeckField.title));
    out.bytes(DECK.file);
    writeString(out, view, view.deck(d, DeckField.file));
    out.bytes(DECK.cards);
    out.number(view.deck(d, DeckField.cards));
    out.bytes(DECK.chapters);
    node = writeNodes(out, view, node, view.deck(d, DeckField.chapterCount), CHAPTERS);
    if ((d + 1) % perPiece === 0) yield out.take();
  }
  if (view.deckCount > 0) out.bytes(DECK.last);
  yield out.take();
}
