/**
 * The queue for a moment: learning cards whose step is due, then reviews due this study day (lowest
 * retrievability first) with new cards spread among them, within the daily limits of every device.
 */
import type { Card } from '../cards/card.js';
import type { Settings } from '../store/settings.js';
import type { CardState, ReviewRecord } from './card-state.js';
import { startOfStudyDay, startOfStudyDayAfter, studyDay } from './days.js';
import { readQueueFields, type QueueFields } from './column-states.js';
import { fnv1a } from './fnv1a.js';
import { retrievabilityAtTime, schedulerFor } from './fsrs.js';

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
  const time = now.getTime();
  // One record for every card: a snapshot's states are read from its columns, not made.
  const fields: QueueFields = { phase: 'new', due: 0, stability: 0, lastReview: Number.NaN, suspended: false, buriedUntil: Number.NaN };
  for (const card of cards) {
    if (!readQueueFields(states, card.id, fields)) {
      if (fresh.length < newWanted) fresh.push(card);
      continue;
    }
    // Suspended, or buried until a later study day.
    if (fields.suspended || fields.buriedUntil > time) continue;
    const dueAt = fields.due;
    switch (fields.phase) {
      case 'new':
        if (fresh.length < newWanted) fresh.push(card);
        break;
      case 'learning':
      case 'relearning':
        if (dueAt <= time) learning.push({ card, due: dueAt });
        else if (dueAt < dayEnd) nextLearning = Math.min(nextLearning, dueAt);
        break;
      case 'review':
        if (dueAt < dayEnd) due.push({ card, r: retrievabilityAtTime(w, fields.phase, fields.lastReview, fields.stability, time) });
        break;
    }
  }

  learning.sort((a, b) => a.due - b.due);
  due.sort((a, b) => a.r - b.r);
  const reviewCards = due.slice(0, Math.max(0, settings.reviewsPerDay - doneToday.review)).map((d) => d.card);
  if (settings.newOrder === 'random') {
    const day = studyDay(now, settings.dayStartsAt);
    // A stable per-day shuffle.
    const keys = new Map(fresh.map((c) => [c.id, fnv1a(day + c.id)]));
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
