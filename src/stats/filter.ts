/** Narrowing the stats input to a deck / chapter filter (`--chapter Q`, issue 2's rule). */
import { matchesChapter } from '../cards/filter.js';
import type { StatsInput } from './input.js';

/**
 * The input restricted to cards matching `queries`, their states and their reviews. Cards no longer in
 * the notes have no chapter, so a filter leaves them out; no queries keep everything.
 */
export function filteredInput(input: StatsInput, queries: readonly string[]): StatsInput {
  if (queries.length === 0) return input;
  const cards = input.cards.filter((card) => matchesChapter(card, queries));
  const ids = new Set(cards.map((card) => card.id));
  const states = new Map([...input.states].filter(([id]) => ids.has(id)));
  const reviews = input.reviews.filter((review) => ids.has(review.card));
  return { ...input, cards, states, reviews };
}
