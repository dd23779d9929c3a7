/** What each rating would do to a card: the intervals the review screen shows on its keys. */
import type { Rating } from '../store/events.js';
import type { Settings } from '../store/settings.js';
import type { CardState } from './card-state.js';
import { nextCards, schedulerFor, toSchedulerCard } from './fsrs.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One decimal, without a trailing ".0" (Anki's `3.2mo`, `1y`). */
const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/** An interval formatted like Anki: `<1m`, `10m`, `1.5h`, `1d`, `3.2mo`, `1.1y` (a month is 30 days, a year 365). */
export function formatInterval(ms: number): string {
  if (ms < MINUTE) return '<1m';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${oneDecimal(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${oneDecimal(days / 30)}mo`;
  return `${oneDecimal(days / 365)}y`;
}

/** The next interval for each rating of `state` answered at `now`. */
export function previewIntervals(state: CardState, settings: Settings, now: Date): Record<Rating, string> {
  const next = nextCards(schedulerFor(settings), toSchedulerCard(state), now);
  const interval = (r: Rating) => formatInterval(next[r].due.getTime() - now.getTime());
  return { 1: interval(1), 2: interval(2), 3: interval(3), 4: interval(4) };
}
