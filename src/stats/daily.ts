/** Per-study-day aggregates: what `recall export stats` writes and the activity charts draw. */
import { addDays, datesEndingOn, daysBetween } from './calendar.js';
import type { ClassifiedReview } from './classified-reviews.js';

export interface DayTotals {
  /** Study day, `YYYY-MM-DD`. */
  readonly date: string;
  readonly reviews: number;
  /** Reviews rated Again. */
  readonly again: number;
  /** Time spent answering, milliseconds. */
  readonly ms: number;
  /** Cards seen for the first time (their first review, or the first after a forget). */
  readonly newLearned: number;
  /** True retention of the day: reviews of young and mature cards, and those not rated Again. */
  readonly retentionPassed: number;
  readonly retentionTotal: number;
}

/** One entry per study day with reviews, oldest first. */
export function dailyTotals(reviews: readonly ClassifiedReview[]): DayTotals[] {
  const days = new Map<string, { -readonly [K in keyof DayTotals]: DayTotals[K] }>();
  for (const { review, day, maturity } of reviews) {
    let t = days.get(day);
    if (!t) {
      t = { date: day, reviews: 0, again: 0, ms: 0, newLearned: 0, retentionPassed: 0, retentionTotal: 0 };
      days.set(day, t);
    }
    t.reviews += 1;
    t.ms += review.ms;
    if (review.rating === 1) t.again += 1;
    if (review.phaseBefore === 'new') t.newLearned += 1;
    if (maturity) {
      t.retentionTotal += 1;
      if (review.rating > 1) t.retentionPassed += 1;
    }
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export interface DayValue {
  readonly date: string;
  readonly value: number;
}

/** `count` days ending today, each with `pick` of its totals (0 on a day without reviews). */
export function lastDays(
  totals: readonly DayTotals[],
  today: string,
  count: number,
  pick: (t: DayTotals) => number,
): DayValue[] {
  const byDate = new Map(totals.map((t) => [t.date, t]));
  return datesEndingOn(today, count).map((date) => {
    const t = byDate.get(date);
    return { date, value: t ? pick(t) : 0 };
  });
}

export interface Streaks {
  /** Consecutive days with reviews up to today; a day without reviews yet today does not break it. */
  readonly current: number;
  readonly longest: number;
}

export function streaks(totals: readonly DayTotals[], today: string): Streaks {
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const { date } of totals) {
    // A review dated after today (another device's clock ahead) is no part of a streak yet.
    if (daysBetween(date, today) < 0) continue;
    run = previous !== null && daysBetween(previous, date) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = date;
  }
  const alive = previous === today || (previous !== null && previous === addDays(today, -1));
  return { current: alive ? run : 0, longest };
}
