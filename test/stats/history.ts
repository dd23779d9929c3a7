/**
 * A generated history of known shape (TZ=UTC, study days start at 04:00), 90 days from 2026-01-01 to
 * today, 2026-03-31:
 * - chapter "1 Basics": cards a0–a3; on day d (not a gap day) cards a0…a(d % 4) are reviewed at 10:0k,
 *   rated Again when (d + k) % 5 === 0, else Good; each card's first review is its 'new' one;
 * - chapter "2 Routing": cards b0, b1 reviewed on days 0, 25, 50, 75 at 11:00 (intervals of 25 days:
 *   mature from day 25 on); b0 is rated Again on day 50;
 * - days 30 and 60 have no reviews at all.
 */
import type { Card, OutlineRef } from '../../src/cards/card.js';
import type { CardState, Phase, ReviewRecord } from '../../src/schedule/card-state.js';
import type { StatsInput } from '../../src/stats/input.js';
import type { Rating } from '../../src/store/events.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/store/settings.js';

export const DAYS = 90;
export const GAP_DAYS = [30, 60];
export const B_DAYS = [0, 25, 50, 75];
export const NOW = new Date('2026-03-31T12:00:00Z');
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, deviceId: 'laptop', dayStartsAt: 4 };

export const dateOf = (d: number): string => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
const at = (d: number, hour: number, minute: number) => new Date(Date.UTC(2026, 0, 1 + d, hour, minute));

export function card(id: string, chapter: OutlineRef, front = `Front of ${id}`): Card {
  return {
    id,
    deck: 'net.md',
    kind: 'section',
    chapter,
    path: [chapter, { number: null, title: 'Details' }],
    front,
    back: `Back of ${id}`,
    source: { file: 'net.md', line: 1 },
  };
}

const BASICS = { number: '1', title: 'Basics' };
const ROUTING = { number: '2', title: 'Routing' };
export const CARDS: Card[] = [
  ...['a0', 'a1', 'a2', 'a3'].map((id) => card(id, BASICS)),
  ...['b0', 'b1'].map((id) => card(id, ROUTING)),
];

export interface SpecReview {
  readonly day: number;
  readonly card: string;
  readonly rating: Rating;
  readonly ms: number;
  readonly at: Date;
  readonly mature: boolean;
}

/** The history, as the spec above states it, oldest first. */
export function specReviews(): SpecReview[] {
  const out: SpecReview[] = [];
  for (let d = 0; d < DAYS; d += 1) {
    if (GAP_DAYS.includes(d)) continue;
    for (let k = 0; k <= d % 4; k += 1) {
      out.push({ day: d, card: `a${k}`, rating: (d + k) % 5 === 0 ? 1 : 3, ms: 1000 * (k + 1), at: at(d, 10, k), mature: false });
    }
    if (B_DAYS.includes(d)) {
      for (const id of ['b0', 'b1']) {
        out.push({ day: d, card: id, rating: id === 'b0' && d === 50 ? 1 : 3, ms: 5000, at: at(d, 11, 0), mature: d > 0 });
      }
    }
  }
  return out;
}

export function reviewRecords(spec: readonly SpecReview[] = specReviews()): ReviewRecord[] {
  const seen = new Set<string>();
  return spec.map((r, i) => {
    const phaseBefore: Phase = seen.has(r.card) ? 'review' : 'new';
    seen.add(r.card);
    return {
      id: `e${i}`,
      card: r.card,
      deck: 'net.md',
      device: i % 2 ? 'phone' : 'laptop',
      at: r.at,
      rating: r.rating,
      ms: r.ms,
      phaseBefore,
      retrievability: phaseBefore === 'new' ? null : 0.9,
      history: 0,
    };
  });
}

export function state(cardId: string, fields: Partial<CardState>): CardState {
  return {
    card: cardId,
    phase: 'review',
    due: NOW,
    stability: 10,
    difficulty: 5,
    reps: 3,
    lapses: 0,
    step: 0,
    lastReview: new Date('2026-03-30T10:00:00Z'),
    suspended: false,
    buriedUntil: null,
    leech: false,
    ...fields,
  } as CardState;
}

const dueIn = (days: number, hour = 10) => new Date(Date.UTC(2026, 2, 31 + days, hour));

/**
 * States for the forecast: a0 overdue (due yesterday), a1 due later today, a2 in 10 days, a3 suspended
 * (never counted), b0 in 29 days (the window's last day), b1 in 30 days (outside it).
 */
export const STATES = new Map<string, CardState>([
  ['a0', state('a0', { due: dueIn(-1), stability: 2 })],
  ['a1', state('a1', { due: dueIn(0, 20), phase: 'learning', stability: 1 })],
  ['a2', state('a2', { due: dueIn(10), stability: 12 })],
  ['a3', state('a3', { due: dueIn(1), suspended: true, stability: 5 })],
  ['b0', state('b0', { due: dueIn(29), stability: 40 })],
  ['b1', state('b1', { due: dueIn(30), stability: 41 })],
]);

export function statsInput(fields: Partial<StatsInput> = {}): StatsInput {
  return {
    cards: CARDS,
    states: STATES,
    reviews: reviewRecords(),
    texts: new Map(),
    settings: SETTINGS,
    retrievability: (s) => (s.stability > 20 ? 0.95 : 0.85),
    ...fields,
  };
}
