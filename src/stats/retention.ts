/** True retention: the share of reviews of young and mature cards not rated Again. */
import { dayNumber } from './calendar.js';
import type { ClassifiedReview } from './classified-reviews.js';

export interface RetentionCounts {
  /** Reviews not rated Again. */
  readonly passed: number;
  readonly total: number;
  /** passed / total; null without reviews. */
  readonly rate: number | null;
}

export interface RetentionWindow {
  /** Study days counted back from today, today included (1 = today only). */
  readonly days: number;
  readonly young: RetentionCounts;
  readonly mature: RetentionCounts;
  readonly all: RetentionCounts;
}

const RETENTION_WINDOWS: readonly number[] = [1, 7, 30, 365];

function retentionCounts(passed: number, total: number): RetentionCounts {
  return { passed, total, rate: total > 0 ? passed / total : null };
}

/** True retention over `reviews`, split young / mature. */
export function retentionOf(reviews: Iterable<ClassifiedReview>): Omit<RetentionWindow, 'days'> {
  const passed = { young: 0, mature: 0 };
  const total = { young: 0, mature: 0 };
  for (const { review, maturity } of reviews) {
    if (!maturity) continue;
    total[maturity] += 1;
    if (review.rating > 1) passed[maturity] += 1;
  }
  return {
    young: retentionCounts(passed.young, total.young),
    mature: retentionCounts(passed.mature, total.mature),
    all: retentionCounts(passed.young + passed.mature, total.young + total.mature),
  };
}

/** Reviews of the last `days` study days up to `today`. */
export function reviewsWithin(reviews: readonly ClassifiedReview[], today: string, days: number): ClassifiedReview[] {
  const last = dayNumber(today);
  return reviews.filter((r) => r.dayNumber <= last && r.dayNumber > last - days);
}

/** True retention for each window (today, 7, 30, 365 days by default). */
export function retentionWindows(
  reviews: readonly ClassifiedReview[],
  today: string,
  windows: readonly number[] = RETENTION_WINDOWS,
): RetentionWindow[] {
  return windows.map((days) => ({ days, ...retentionOf(reviewsWithin(reviews, today, days)) }));
}
