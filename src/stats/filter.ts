/** Narrowing the stats input to what the learner asked about: the loaded decks, or a chapter filter. */
import { matchesChapter } from '../cards/filter.js';
import type { StatsInput } from './input.js';

/**
 * The input restricted to the cards matching `queries`, with their states and reviews. Without
 * queries: the loaded decks (`--decks`, else the configured ones), including the history of their
 * cards no longer in the notes, which a chapter filter cannot place and leaves out.
 */
export function filteredInput(input: StatsInput, queries: readonly string[]): StatsInput {
  const cards = queries.length === 0 ? input.cards : input.cards.filter((card) => matchesChapter(card, queries));
  const ids = new Set(cards.map((card) => card.id));
  const decks = new Set(queries.length === 0 ? cards.map((card) => card.deck) : []);
  const kept = (id: string, deck: string | undefined) => ids.has(id) || (deck !== undefined && decks.has(deck));
  const states = new Map([...input.states].filter(([id]) => kept(id, input.texts.get(id)?.deck)));
  const reviews = input.reviews.filter((review) => kept(review.card, review.deck));
  return { ...input, cards, states, reviews };
}
