/** What every aggregate and export starts from: the workspace's data, narrowed to what stats reads. */
import type { Card } from '../cards/card.js';
import type { CardState, ReviewRecord } from '../schedule/card-state.js';
import type { Settings } from '../store/settings.js';

export interface StatsInput {
  /** Cards in the notes, in note order. */
  readonly cards: readonly Card[];
  /** Replayed state per card id (cards with history only; a card without one is new). */
  readonly states: ReadonlyMap<string, CardState>;
  /** Effective reviews, oldest first. */
  readonly reviews: readonly ReviewRecord[];
  /** The text the log's `card` events recorded per card id: names cards no longer in the notes. */
  readonly texts: ReadonlyMap<string, { readonly deck: string; readonly text: string }>;
  readonly settings: Settings;
  /** FSRS retrievability of a reviewed card at `now` (the scheduler's forgetting curve). */
  readonly retrievability: (state: CardState, now: Date) => number;
}
