/** The home screen's tree: decks → chapters → sections, each with what is due in its subtree. */
import type { Card, DeckOutline, OutlineNode, OutlineRef } from '../cards/card.js';
import type { QueueCounts, QueueKind } from './review-item.js';

/** Which cards a tree row stands for: a deck, or a node of it given by its path. */
export interface Selection {
  readonly deck: string;
  /** Outline nodes from the chapter down; empty for the whole deck. */
  readonly path: readonly OutlineRef[];
  /** For titles: `Rancher Certified Operator › 1.2 Discovering RKE`. */
  readonly label: string;
}

export interface TreeRow {
  readonly id: string;
  readonly label: string;
  readonly counts: QueueCounts;
  /** All cards in the subtree, due or not. */
  readonly cards: number;
  readonly selection: Selection;
  readonly children: readonly TreeRow[];
}

export interface DueCard {
  readonly card: Card;
  readonly queue: QueueKind;
}

const refKey = (ref: OutlineRef) => `${ref.number ?? ''}\u0000${ref.title}`;
/** `1.2 Discovering RKE`; an implicit chapter (a number with no heading of its own) reads `Chapter 1`. */
const refLabel = (ref: OutlineRef) =>
  ref.number ? (ref.title ? `${ref.number} ${ref.title}` : `Chapter ${ref.number}`) : ref.title;

/**
 * Whether `card` lies under the node at `path` of its deck. Nodes with no title (an implicit chapter
 * `1` made for sections `1.1`, `1.2`) may be missing from a card's path, so they are not required.
 */
export function inSelection(card: Card, selection: Pick<Selection, 'deck' | 'path'>): boolean {
  if (card.deck !== selection.deck) return false;
  const refs = [...(card.chapter ? [card.chapter] : []), ...card.path];
  const chain = refs.map(refKey);
  let at = 0;
  for (const [i, ref] of selection.path.entries()) {
    const found = chain.indexOf(refKey(ref), at);
    if (found !== -1) at = found + 1;
    else if (ref.title !== '') return false;
    // An implicit node missing from the path: the next node decides, or, when it is the last, a number under it.
    else if (i === selection.path.length - 1) return refs.some((r) => r.number?.startsWith(`${ref.number}.`) === true);
  }
  return true;
}

/** What today's limits leave: the most new cards and reviews any queue offers now. */
export interface DailyLimits {
  readonly new: number;
  readonly review: number;
}

const NO_LIMITS: DailyLimits = { new: Infinity, review: Infinity };

/** `counts` within `limits` (learning steps have no daily limit). */
export const cappedCounts = (counts: QueueCounts, limits: DailyLimits): QueueCounts => ({
  new: Math.min(counts.new, limits.new),
  learning: counts.learning,
  review: Math.min(counts.review, limits.review),
});

function countsOf(due: readonly DueCard[], limits: DailyLimits): QueueCounts {
  const counts = { new: 0, learning: 0, review: 0 };
  for (const d of due) counts[d.queue] += 1;
  return cappedCounts(counts, limits);
}

/**
 * One row per deck, with its outline below. `due` is every card that could be studied now were there
 * no daily limit; a row counts what entering it gives: its subtree's cards within today's `limits`,
 * so a later chapter offers new cards although an earlier one could use up the day's share.
 */
export function deckTree(decks: readonly DeckOutline[], due: readonly DueCard[], limits: DailyLimits = NO_LIMITS): TreeRow[] {
  return decks.map((deck) => {
    const inDeck = due.filter((d) => d.card.deck === deck.key);
    const nodeRow = (node: OutlineNode, parent: readonly OutlineRef[], id: string): TreeRow => {
      const path = [...parent, { number: node.number, title: node.title }];
      // Like a card's breadcrumb, the label leaves out an implicit chapter: `1.2` already names it.
      const selection = { deck: deck.key, path, label: [deck.title, ...path.filter((ref) => ref.title !== '' || ref === path.at(-1)).map(refLabel)].join(' › ') };
      return {
        id,
        label: refLabel(node) || '(untitled)',
        counts: countsOf(inDeck.filter((d) => inSelection(d.card, selection)), limits),
        cards: node.cards,
        selection,
        children: node.children.map((child, i) => nodeRow(child, path, `${id}/${i}`)),
      };
    };
    return {
      id: deck.key,
      label: deck.title,
      counts: countsOf(inDeck, limits),
      cards: deck.cards,
      selection: { deck: deck.key, path: [], label: deck.title },
      children: deck.chapters.map((chapter, i) => nodeRow(chapter, [], `${deck.key}/${i}`)),
    };
  });
}
