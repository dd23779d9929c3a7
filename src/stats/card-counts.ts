/** Cards by state, and the memory averages of the reviewed ones. */
import type { Card } from '../cards/card.js';
import type { CardState } from '../schedule/card-state.js';

export interface CardCounts {
  readonly total: number;
  readonly new: number;
  readonly learning: number;
  readonly review: number;
  readonly relearning: number;
  /** Suspended cards, whatever their phase (not counted in the phases). */
  readonly suspended: number;
}

export function cardsByState(cards: readonly Card[], states: ReadonlyMap<string, CardState>): CardCounts {
  const counts = { total: cards.length, new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 };
  for (const card of cards) {
    const state = states.get(card.id);
    if (state?.suspended) counts.suspended += 1;
    else counts[state?.phase ?? 'new'] += 1;
  }
  return counts;
}

export interface MemoryAverages {
  /** Cards with a memory state (reviewed at least once since their last forget). */
  readonly cards: number;
  /** Mean FSRS stability, days; null without such cards. */
  readonly stability: number | null;
  /** Mean probability of recall now. */
  readonly retrievability: number | null;
}

export function memoryAverages(
  cards: readonly Card[],
  states: ReadonlyMap<string, CardState>,
  now: Date,
  retrievability: (state: CardState, now: Date) => number,
): MemoryAverages {
  let count = 0;
  let stability = 0;
  let recall = 0;
  for (const card of cards) {
    const state = states.get(card.id);
    if (!state || state.phase === 'new') continue;
    count += 1;
    stability += state.stability;
    recall += retrievability(state, now);
  }
  return count === 0
    ? { cards: 0, stability: null, retrievability: null }
    : { cards: count, stability: stability / count, retrievability: recall / count };
}
