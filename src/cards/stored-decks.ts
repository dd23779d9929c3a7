/**
 * Decks as the parse cache stores them: their fields and outline nodes as columns of numbers over one
 * table of strings (see stored-columns), each deck's outline decoded when read.
 */
import type { DeckOutline, OutlineNode } from './card.js';
import { StringTable, type StringColumn } from './stored-columns.js';

export interface DeckColumns {
  readonly strings: StringColumn;
  /** Per deck: key, title, file, tag count, cards, chapter count. */
  readonly decks: Int32Array;
  readonly tags: Int32Array;
  /** Per outline node, in preorder: number (-1: none), title, line, cards, child count. */
  readonly nodes: Int32Array;
}

export function deckColumns(decks: readonly DeckOutline[]): DeckColumns {
  const table = new StringTable();
  const deckFields: number[] = [];
  const tags: number[] = [];
  const nodes: number[] = [];
  const addNodes = (list: readonly OutlineNode[]): void => {
    for (const node of list) {
      nodes.push(table.ofNumber(node.number), table.numberOf(node.title), node.line, node.cards, node.children.length);
      addNodes(node.children);
    }
  };
  for (const deck of decks) {
    deckFields.push(table.numberOf(deck.key), table.numberOf(deck.title), table.numberOf(deck.file), deck.tags.length, deck.cards, deck.chapters.length);
    for (const tag of deck.tags) tags.push(table.numberOf(tag));
    addNodes(deck.chapters);
  }
  return { strings: table.column, decks: Int32Array.from(deckFields), tags: Int32Array.from(tags), nodes: Int32Array.from(nodes) };
}

/** One empty list for every leaf: most outline nodes have no children, and ten thousand empty arrays are garbage collector work. */
const NONE: readonly never[] = Object.freeze([]);

/** The fields of a deck in DeckColumns.decks, by index. */
export const DeckField = { key: 0, title: 1, file: 2, tagCount: 3, cards: 4, chapterCount: 5 } as const;
/** The fields of an outline node in DeckColumns.nodes, by index. */
export const NodeField = { number: 0, title: 1, line: 2, cards: 3, childCount: 4 } as const;
const DECK_FIELDS = Object.keys(DeckField).length;
const NODE_FIELDS = Object.keys(NodeField).length;

/**
 * Deck columns read in place: each field by index, each string as a range of the one text (strings
 * nobody reads are never sliced), outline nodes by their index in preorder.
 */
export class DeckColumnsView {
  readonly text: string;
  /** Where each string starts in `text`; string `i` ends where `i + 1` starts. */
  readonly starts: Int32Array;
  readonly deckCount: number;

  constructor(private readonly columns: DeckColumns) {
    const { lengths } = columns.strings;
    this.text = columns.strings.text;
    this.starts = new Int32Array(lengths.length + 1);
    for (let i = 0; i < lengths.length; i++) this.starts[i + 1] = (this.starts[i] as number) + (lengths[i] as number);
    this.deckCount = columns.decks.length / DECK_FIELDS;
  }

  string(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1]);
  }

  /** Field `field` (a DeckField) of deck `d`: a number, or the index of a string (key, title, file). */
  deck(d: number, field: number): number {
    return this.columns.decks[DECK_FIELDS * d + field] as number;
  }

  /** String field `field` (key, title, file) of deck `d`. */
  deckString(d: number, field: number): string {
    return this.string(this.deck(d, field));
  }

  /** Field `field` (a NodeField) of node `n`: a number, or the index of a string (title; number, -1 for none). */
  node(n: number, field: number): number {
    return this.columns.nodes[NODE_FIELDS * n + field] as number;
  }

  /** `count` tags, the first being the `first`th of all. */
  tags(first: number, count: number): readonly string[] {
    return count === 0 ? NONE : Array.from(this.columns.tags.subarray(first, first + count), (t) => this.string(t));
  }

  /** The node after the `count` siblings at `node` and their descendants. */
  after(node: number, count: number): number {
    let next = node;
    for (let pending = count; pending > 0; next++) pending += this.node(next, NodeField.childCount) - 1;
    return next;
  }

  /** `count` sibling nodes, the first at `next.node`, and their descendants, as objects; `next` is left past them. */
  nodesAt(count: number, next: { node: number }): readonly OutlineNode[] {
    if (count === 0) return NONE;
    const list: OutlineNode[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const n = next.node++;
      const number = this.node(n, NodeField.number);
      list[i] = {
        number: number === -1 ? null : this.string(number),
        title: this.string(this.node(n, NodeField.title)),
        line: this.node(n, NodeField.line),
        cards: this.node(n, NodeField.cards),
        children: this.nodesAt(this.node(n, NodeField.childCount), next),
      };
    }
    return list;
  }
}

/**
 * A deck read from the cache, its outline decoded whenever `chapters` is read (see decksOf). `chapters`
 * is an own enumerable property like a parsed deck's, so copies, JSON and comparisons see the same
 * fields; the getter is one function shared by every deck (an object literal's getter would be a
 * closure and a hidden class of its own per deck).
 */
class StoredDeck implements DeckOutline {
  declare readonly chapters: readonly OutlineNode[];
  readonly #outlines: DeckColumnsView;
  readonly #first: number;
  readonly #count: number;

  static readonly #chapters: PropertyDescriptor = {
    enumerable: true,
    get(this: StoredDeck) {
      return this.#outlines.nodesAt(this.#count, { node: this.#first });
    },
  };

  constructor(
    readonly key: string,
    readonly title: string,
    readonly file: string,
    readonly tags: readonly string[],
    readonly cards: number,
    outlines: DeckColumnsView,
    first: number,
    count: number,
  ) {
    this.#outlines = outlines;
    this.#first = first;
    this.#count = count;
    Object.defineProperty(this, 'chapters', StoredDeck.#chapters);
  }
}

/**
 * The decks of `columns`. Each deck's outline is decoded whenever its `chapters` are read, not kept:
 * listing ten thousand decks reads each once, and fifty thousand outline nodes kept alive from the
 * start are most of the garbage collector's work on a warm start (a surviving object is copied at
 * every collection; a short-lived one costs nothing).
 */
export function decksOf(columns: DeckColumns): DeckOutline[] {
  const view = new DeckColumnsView(columns);
  const list: DeckOutline[] = new Array(view.deckCount);
  let tag = 0;
  let node = 0;
  for (let d = 0; d < list.length; d++) {
    const tagCount = view.deck(d, DeckField.tagCount);
    const tags = view.tags(tag, tagCount);
    tag += tagCount;
    const chapters = view.deck(d, DeckField.chapterCount);
    const first = node;
    node = view.after(node, chapters);
    const key = view.deckString(d, DeckField.key);
    const title = view.deckString(d, DeckField.title);
    const file = view.deckString(d, DeckField.file);
    list[d] = new StoredDeck(key, title, file, tags, view.deck(d, DeckField.cards), view, first, chapters);
  }
  return list;
}
