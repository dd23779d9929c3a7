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

/** The strings and outline nodes of deck columns, decoded when read. */
class StoredOutlines {
  /** Where each string starts in the column's text: strings nobody reads are never sliced. */
  private readonly starts: Int32Array;
  private readonly text: string;

  constructor(
    strings: StringColumn,
    private readonly nodes: Int32Array,
  ) {
    this.text = strings.text;
    this.starts = new Int32Array(strings.lengths.length + 1);
    for (let i = 0; i < strings.lengths.length; i++) this.starts[i + 1] = (this.starts[i] as number) + (strings.lengths[i] as number);
  }

  string(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1]);
  }

  /** `count` sibling nodes, the first at `next.node` (preorder), and their descendants; `next` is left past them. */
  nodesAt(count: number, next: { node: number }): readonly OutlineNode[] {
    if (count === 0) return NONE;
    const { nodes } = this;
    const list: OutlineNode[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const at = 5 * next.node++;
      const number = nodes[at] as number;
      list[i] = {
        number: number === -1 ? null : this.string(number),
        title: this.string(nodes[at + 1] as number),
        line: nodes[at + 2] as number,
        cards: nodes[at + 3] as number,
        children: this.nodesAt(nodes[at + 4] as number, next),
      };
    }
    return list;
  }

  /** The node after the `count` siblings at `node` and their descendants. */
  after(node: number, count: number): number {
    let next = node;
    for (let pending = count; pending > 0; next++) pending += (this.nodes[5 * next + 4] as number) - 1;
    return next;
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
  readonly #outlines: StoredOutlines;
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
    outlines: StoredOutlines,
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
  const { decks, tags } = columns;
  const outlines = new StoredOutlines(columns.strings, columns.nodes);
  const list: DeckOutline[] = new Array(decks.length / 6);
  let tag = 0;
  let node = 0;
  for (let d = 0; d < list.length; d++) {
    const at = 6 * d;
    const tagCount = decks[at + 3] as number;
    const deckTags = tagCount === 0 ? NONE : Array.from(tags.subarray(tag, (tag += tagCount)), (t) => outlines.string(t));
    const chapters = decks[at + 5] as number;
    const first = node;
    node = outlines.after(node, chapters);
    const key = outlines.string(decks[at] as number);
    const title = outlines.string(decks[at + 1] as number);
    const file = outlines.string(decks[at + 2] as number);
    list[d] = new StoredDeck(key, title, file, deckTags, decks[at + 4] as number, outlines, first, chapters);
  }
  return list;
}
