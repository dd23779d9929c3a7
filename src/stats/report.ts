/** Everything the stats screen, `recall stats --plain` and `--json` show, computed once. */
import { studyDay } from '../schedule/days.js';
import { calibration, parametersInUse, type Calibration, type ParametersInUse } from './calibration.js';
import { cardsByState, memoryAverages, type CardCounts, type MemoryAverages } from './card-counts.js';
import { chapterTable, type ChapterRow } from './chapters.js';
import { classifyReviews } from './classified-reviews.js';
import { dailyTotals, lastDays, streaks, type DayValue, type Streaks } from './daily.js';
import { filteredInput } from './filter.js';
import { dueForecast } from './forecast.js';
import type { StatsInput } from './input.js';
import { retentionWindows, type RetentionWindow } from './retention.js';

const CALENDAR_DAYS = 365;
const FORECAST_DAYS = 30;
const TIME_DAYS = 30;

export interface StatsReport {
  /** Today's study day. */
  readonly today: string;
  /** The `--chapter` queries the report is narrowed to (empty: everything). */
  readonly filter: readonly string[];
  readonly desiredRetention: number;
  readonly cards: CardCounts;
  readonly memory: MemoryAverages;
  /** True retention for today, 7, 30 and 365 days. */
  readonly retention: readonly RetentionWindow[];
  readonly streak: Streaks;
  /** Reviews per study day, the last CALENDAR_DAYS days, oldest first. */
  readonly calendar: readonly DayValue[];
  /** Cards due per study day from today (overdue included in today). */
  readonly forecast: readonly DayValue[];
  /** Milliseconds answering per study day, the last TIME_DAYS days. */
  readonly time: readonly DayValue[];
  readonly chapters: readonly ChapterRow[];
  /** Predicted retrievability against actual recall, over the filter's reviews. */
  readonly calibration: Calibration;
  /** The FSRS parameters the schedule runs on. */
  readonly parameters: ParametersInUse;
  /** All effective reviews in the filter, and their time. */
  readonly totals: { readonly reviews: number; readonly ms: number };
}

export function statsReport(input: StatsInput, queries: readonly string[], now: Date): StatsReport {
  const { cards, states, reviews, settings } = filteredInput(input, queries);
  const { dayStartsAt } = settings;
  const today = studyDay(now, dayStartsAt);
  const classified = classifyReviews(reviews, dayStartsAt);
  const daily = dailyTotals(classified);
  return {
    today,
    filter: [...queries],
    desiredRetention: settings.desiredRetention,
    cards: cardsByState(cards, states),
    memory: memoryAverages(cards, states, now, input.retrievability),
    retention: retentionWindows(classified, today),
    streak: streaks(daily, today),
    calendar: lastDays(daily, today, CALENDAR_DAYS, (t) => t.reviews),
    forecast: dueForecast(cards, states, now, dayStartsAt, FORECAST_DAYS),
    time: lastDays(daily, today, TIME_DAYS, (t) => t.ms),
    chapters: chapterTable(cards, states, classified, now, today, dayStartsAt),
    calibration: calibration(reviews),
    parameters: parametersInUse(settings),
    totals: { reviews: reviews.length, ms: reviews.reduce((sum, r) => sum + r.ms, 0) },
  };
}
