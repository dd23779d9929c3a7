/** The per-chapter table: where the weak chapters are. */
import type { Card } from '../cards/card.js';
import type { CardState } from '../schedule/card-state.js';
import type { ClassifiedReview } from './classified-reviews.js';
import { dueInDays } from './forecast.js';
import { chapterLabel } from './labels.js';
import { retentionOf, reviewsWithin, type RetentionCounts } from './retention.js';

/** Chapter retention is measured over this many recent study days: recent weakness is what matters. */
export const CHAPTER_RETENTION_DAYS = 30;

export interface ChapterRow {
  readonly deck: string;
  /** Chapter label ("2 Networking"); empty for cards of the deck node itself. */
  readonly chapter: string;
  readonly cards: number;
  readonly new: number;
  /** Due today, overdue included. */
  readonly due: number;
  /** True retention over the last CHAPTER_RETENTION_DAYS study days. */
  readonly retention: RetentionCounts;
}

/** One row per deck chapter, in note order. */
export function chapterTable(
  cards: readonly Card[],
  states: ReadonlyMap<string, CardState>,
  reviews: readonly ClassifiedReview[],
  now: Date,
  today: string,
  dayStartsAt: number,
): ChapterRow[] {
  interface Group { deck: string; chapter: string; cards: number; new: number; due: number; reviews: ClassifiedReview[] }
  const groups = new Map<string, Group>();
  const groupOfCard = new Map<string, Group>();
  for (const card of cards) {
    const chapter = chapterLabel(card);
    const key = `${card.deck}\u0000${chapter}`;
    let group = groups.get(key);
    if (!group) {
      group = { deck: card.deck, chapter, cards: 0, new: 0, due: 0, reviews: [] };
      groups.set(key, group);
    }
    groupOfCard.set(card.id, group);
    group.cards += 1;
    const state = states.get(card.id);
    if (!state || (state.phase === 'new' && !state.suspended)) group.new += 1;
    if (dueInDays(state, now, dayStartsAt) === 0) group.due += 1;
  }
  for (const review of reviewsWithin(reviews, today, CHAPTER_RETENTION_DAYS)) {
    groupOfCard.get(review.review.card)?.reviews.push(review);
  }
  return [...groups.values()].map(({ reviews: own, ...row }) => ({ ...row, retention: retentionOf(own).all }));
}
