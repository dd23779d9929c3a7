/**
 * The queue for a moment: learning cards whose step is due, then reviews due this study day (lowest
 * retrievability first) with new cards spread among them, within the daily limits of every device.
 */
import type { Card } from '../cards/card.js';
import type { Settings } from '../store/settings.js';
import type { CardState, ReviewRecord } from './card-state.js';
import { startOfStudyDay, startOfStudyDayAfter, studyDay } from './days.js';
import { retrievabilityAt, schedulerFor } from './fsrs.js';

export type QueueKind = 'new' | 'learning' | 'review';

export interface QueueCounts {
  readonly new: number;
  readonly learning: number;
  readonly review: number;
}

export interface Queue {
  /** What to study now, in order. */
  readonly cards: readonly Card[];
  /** Why each queued card is there, by card id. */
  readonly kinds: ReadonlyMap<string, QueueKind>;
  /** How many queued cards of each kind. */
  readonly counts: QueueCounts;
  /** Answered this study day on every device: first answers of new cards, and answers of review cards. */
  readonly doneToday: { readonly new: number; readonly review: number };
  /** The next learning step due later this study day (to say "come back at"), or null. */
  readonly nextLearningDue: Date | null;
}

/** Cards whose state keeps them out of any queue now. */
function isAway(state: CardState, now: Date): boolean {
  return state.suspended || (state.buriedUntil !== null && state.buriedUntil > now);
}

/** FNV-1a: a stable per-day shuffle key for `newOrder: "random"`. */
function shuffleKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Reviews and new cards merged so that new cards sit evenly among the reviews. */
function spread(reviews: readonly Card[], fresh: readonly Card[]): Card[] {
  const out: Card[] = [];
  let r = 0;
  let n = 0;
  while (r < reviews.length || n < fresh.length) {
    // Each card has a fractional position in its own list; the smaller one goes next (reviews on ties).
    const nextNew = n < fresh.length ? (n + 0.5) / fresh.length : Infinity;
    const nextReview = r < reviews.length ? (r + 0.5) / reviews.length : Infinity;
    out.push(nextReview <= nextNew ? (reviews[r++] as Card) : (fresh[n++] as Card));
  }
  return out;
}

/** What `reviews` (sorted by time) did between the start of `now`'s study day and `now`. */
function answeredToday(reviews: readonly ReviewRecord[], now: Date, dayStartsAt: number) {
  const start = startOfStudyDay(now, dayStartsAt).getTime();
  let fresh = 0;
  let review = 0;
  for (let i = reviews.length - 1; i >= 0; i--) {
    const r = reviews[i] as ReviewRecord;
    const t = r.at.getTime();
    if (t < start) break;
    if (t > now.getTime()) continue;
    if (r.phaseBefore === 'new') fresh++;
    else if (r.phaseBefore === 'review') review++;
  }
  return { new: fresh, review };
}

/**
 * The queue at `now` for `cards` (in note order, already filtered by chapter). `reviews` are every
 * device's effective reviews, so limits count what was done anywhere today.
 */
export function buildQueue(
  cards: readonly Card[],
  states: ReadonlyMap<string, CardState>,
  reviews: readonly ReviewRecord[],
  settings: Settings,
  now: Date,
): Queue {
  const { w } = schedulerFor(settings);
  const dayEnd = startOfStudyDayAfter(now, settings.dayStartsAt).getTime();
  const doneToday = answeredToday(reviews, now, settings.dayStartsAt);
  const newLimit = Math.max(0, settings.newPerDay - doneToday.new);
  // In note order only the first `newLimit` new cards can be offered; a random order draws from all.
  const newWanted = settings.newOrder === 'random' ? Infinity : newLimit;

  const learning: { card: Card; due: number }[] = [];
  const due: { card: Card; r: number }[] = [];
  const fresh: Card[] = [];
  let nextLearning = Infinity;
  for (const card of cards) {
    const state = states.get(card.id);
    if (!state) {
      if (fresh.length < newWanted) fresh.push(card);
      continue;
    }
    if (isAway(state, now)) continue;
    const dueAt = state.due.getTime();
    switch (state.phase) {
      case 'new':
        if (fresh.length < newWanted) fresh.push(card);
        break;
      case 'learning':
      case 'relearning':
        if (dueAt <= now.getTime()) learning.push({ card, due: dueAt });
        else if (dueAt < dayEnd) nextLearning = Math.min(nextLearning, dueAt);
        break;
      case 'review':
        if (dueAt < dayEnd) due.push({ card, r: retrievabilityAt(w, state, now) });
        break;
    }
  }

  learning.sort((a, b) => a.due - b.due);
  due.sort((a, b) => a.r - b.r);
  const reviewCards = due.slice(0, Math.max(0, settings.reviewsPerDay - doneToday.review)).map((d) => d.card);
  if (settings.newOrder === 'random') {
    const day = studyDay(now, settings.dayStartsAt);
    const keys = new Map(fresh.map((c) => [c.id, shuffleKey(day + c.id)]));
    fresh.sort((a, b) => (keys.get(a.id) as number) - (keys.get(b.id) as number));
  }
  const newCards = fresh.slice(0, newLimit);

  const kinds = new Map<string, QueueKind>();
  for (const { card } of learning) kinds.set(card.id, 'learning');
  for (const card of reviewCards) kinds.set(card.id, 'review');
  for (const card of newCards) kinds.set(card.id, 'new');
  return {
    cards: [...learning.map((l) => l.card), ...spread(reviewCards, newCards)],
    kinds,
    counts: { new: newCards.length, learning: learning.length, review: reviewCards.length },
    doneToday,
    nextLearningDue: Number.isFinite(nextLearning) ? new Date(nextLearning) : null,
  };
}
