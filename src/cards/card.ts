/** The domain types of markdown → cards. Defined once, used everywhere. */

export type CardKind = 'section' | 'summary' | 'explicit';

/** One node of a deck's outline as it appears in a card's path or breadcrumb. */
export interface OutlineRef {
  /** Section number as written ("1.2", "4"), or null for an unnumbered node. */
  readonly number: string | null;
  readonly title: string;
}

export interface SourceRef {
  /** Path of the note file (as given / found on disk). */
  readonly file: string;
  /** 1-based line of the block the card comes from. */
  readonly line: number;
}

export interface Card {
  /** Short stable hash: deck key + kind + normalised source text (+ occurrence). */
  readonly id: string;
  /** Deck key: frontmatter `id`, else the path relative to the deck folder. */
  readonly deck: string;
  readonly kind: CardKind;
  /** The top-level outline node the card lives under (null: the deck node itself). */
  readonly chapter: OutlineRef | null;
  /** Outline nodes from the chapter down to the card's own node. */
  readonly path: readonly OutlineRef[];
  /**
   * Markdown. Its first line is always the breadcrumb (the path as the card shows it, with "(k/n)" on a
   * part), then a blank line, then the question. Exports keep it so a card stands alone; a screen that
   * draws the path itself drops exactly that first line.
   */
  readonly front: string;
  /** Markdown. */
  readonly back: string;
  readonly source: SourceRef;
}

/** A node of a deck's outline, with the number of cards it and its descendants hold. */
export interface OutlineNode extends OutlineRef {
  readonly line: number;
  /** Cards of this node and everything under it. */
  readonly cards: number;
  readonly children: readonly OutlineNode[];
}

export interface DeckOutline {
  readonly key: string;
  readonly title: string;
  readonly file: string;
  readonly tags: readonly string[];
  /** All cards of the deck. */
  readonly cards: number;
  /** Top-level nodes. */
  readonly chapters: readonly OutlineNode[];
}

/** What loading decks gives: every card in note order, the outlines, and what could not be read. */
export interface Library {
  readonly decks: readonly DeckOutline[];
  readonly cards: readonly Card[];
  readonly problems: readonly import('../errors.js').Problem[];
}
