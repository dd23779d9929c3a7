/**
 * `recall decks --json`, written straight from the decks into UTF-8: the bytes of
 * `JSON.stringify(decks.map(…), null, 2)`, without the 50 000 objects that call needed (a deck, its
 * chapters, their sections), its generic walk of them, or the text it made (two-byte as soon as one
 * title has a CJK character, which made encoding it slow).
 */
import type { DeckOutline, OutlineNode } from '../cards/card.js';
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

function writeNodes(out: JsonBytes, nodes: readonly OutlineNode[], bytes: NodeBytes): void {
  if (nodes.length === 0) return out.bytes(EMPTY_LIST);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as OutlineNode;
    out.bytes(i === 0 ? bytes.first : bytes.next);
    out.stringOrNull(node.number);
    out.bytes(bytes.title);
    out.string(node.title);
    out.bytes(bytes.cards);
    out.number(node.cards);
    if (bytes.children) {
      out.bytes(bytes.children.key);
      writeNodes(out, node.children, bytes.children.nodes);
    }
  }
  out.bytes(bytes.last);
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
    writeNodes(out, deck.chapters, CHAPTERS);
    if ((d + 1) % perPiece === 0) yield out.take();
  }
  if (decks.length > 0) out.bytes(DECK.last);
  yield out.take();
}
