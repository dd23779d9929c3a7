/** When scheduled cards come due. */
import type { Card } from '../cards/card.js';
import type { CardState } from '../schedule/card-state.js';
import { studyDay, studyDaysBetween } from '../schedule/days.js';
import { datesStartingOn } from './calendar.js';
import type { DayValue } from './daily.js';

/**
 * Study days from today until the card is due (0: due today or overdue), counting a buried card from
 * when it comes back; null for a new or suspended card, which no schedule brings back.
 */
export function dueInDays(state: CardState | undefined, now: Date, dayStartsAt: number): number | null {
  if (!state || state.phase === 'new' || state.suspended) return null;
  const due = state.buriedUntil && state.buriedUntil > state.due ? state.buriedUntil : state.due;
  return Math.max(0, studyDaysBetween(now, due, dayStartsAt));
}

/** Cards due on each of the next `days` study days, today (with the overdue ones) first. */
export function dueForecast(
  cards: readonly Card[],
  states: ReadonlyMap<string, CardState>,
  now: Date,
  dayStartsAt: number,
  days = 30,
): DayValue[] {
  const counts = new Array<number>(days).fill(0);
  for (const card of cards) {
    const inDays = dueInDays(states.get(card.id), now, dayStartsAt);
    if (inDays !== null && inDays < days) counts[inDays] = (counts[inDays] ?? 0) + 1;
  }
  const dates = datesStartingOn(studyDay(now, dayStartsAt), days);
  return counts.map((value, i) => ({ date: dates[i] ?? '', value }));
}
