/** The stats report as titled blocks of text lines: printed by `--plain`, paged by the stats screen. */
import { barChart, heatmap, type BarMark } from './charts.js';
import { CHAPTER_RETENTION_DAYS, type ChapterRow } from './chapters.js';
import { MATURE_DAYS } from './classified-reviews.js';
import type { DayValue } from './daily.js';
import { days, duration, percent } from './format.js';
import type { StatsReport } from './report.js';
import type { RetentionCounts } from './retention.js';
import { fit } from './text-fit.js';

export type SectionId = 'cards' | 'retention' | 'calendar' | 'time' | 'forecast' | 'chapters' | 'calibration';

export interface Section {
  readonly id: SectionId;
  readonly title: string;
  readonly lines: readonly string[];
}

const CHART_HEIGHT = 6;

function cardLines(report: StatsReport): string[] {
  const { cards, memory, streak, totals } = report;
  const row = (label: string, value: string) => `${label.padEnd(24)}${value}`;
  return [
    row('Total', String(cards.total)),
    ...(['new', 'learning', 'review', 'relearning', 'suspended'] as const).map((phase) =>
      row(`  ${phase}`, String(cards[phase]).padStart(String(cards.total).length)),
    ),
    row('Average stability', days(memory.stability)),
    row('Average retrievability', `${percent(memory.retrievability)}  (${memory.cards} reviewed cards)`),
    row('Streak', `${streak.current} ${streak.current === 1 ? 'day' : 'days'} (longest ${streak.longest})`),
    row('Reviews', `${totals.reviews} (${duration(totals.ms)})`),
  ];
}

const WINDOW_NAMES: Readonly<Record<number, string>> = { 1: 'Today', 7: '7 days', 30: '30 days', 365: '365 days' };

function counts(c: RetentionCounts): string {
  return c.total === 0 ? '—' : `${percent(c.rate).padStart(6)} (${c.passed}/${c.total})`;
}

function retentionLines(report: StatsReport): string[] {
  const cell = 19;
  return [
    `${''.padEnd(10)}${fit('Young', cell)}${fit('Mature', cell)}All`,
    ...report.retention.map((w) =>
      `${(WINDOW_NAMES[w.days] ?? `${w.days} days`).padEnd(10)}${fit(counts(w.young), cell)}${fit(counts(w.mature), cell)}${counts(w.all)}`.trimEnd(),
    ),
    `Desired retention ${percent(report.desiredRetention)}; mature = interval of ${MATURE_DAYS} days or more.`,
  ];
}

/** Labels under a chart of days: every 7th day counted from day `from`, named by `name`. */
function weekMarks(series: readonly DayValue[], from: number, name: (i: number, date: string) => string): BarMark[] {
  return series.flatMap((d, i) => ((i - from) % 7 === 0 ? [{ at: i, text: name(i, d.date) }] : []));
}

function forecastLines(report: StatsReport, width: number): string[] {
  const values = report.forecast.map((d) => d.value);
  const sum = (n: number) => values.slice(0, n).reduce((a, b) => a + b, 0);
  const marks = weekMarks(report.forecast, 0, (i) => (i === 0 ? 'today' : `+${i}d`));
  return [
    `today ${sum(1)} · tomorrow ${values[1] ?? 0} · 7 days ${sum(7)} · ${values.length} days ${sum(values.length)}`,
    ...barChart(values, width, CHART_HEIGHT, marks),
  ];
}

function timeLines(report: StatsReport, width: number): string[] {
  const total = report.time.reduce((a, d) => a + d.value, 0);
  const active = report.time.filter((d) => d.value > 0).length;
  const last = report.time.length - 1;
  const marks = weekMarks(report.time, last % 7, (i, date) => (i === last ? 'today' : date.slice(5)));
  return [
    `${duration(total)} in ${report.time.length} days · ${duration(active ? total / active : 0)} a study day`,
    ...barChart(report.time.map((d) => d.value), width, CHART_HEIGHT, marks, duration),
  ];
}

function calendarLines(report: StatsReport, width: number): string[] {
  const total = report.calendar.reduce((a, d) => a + d.value, 0);
  const active = report.calendar.filter((d) => d.value > 0).length;
  return [
    `${total} reviews on ${active} of ${report.calendar.length} days · streak ${report.streak.current} (longest ${report.streak.longest})`,
    ...heatmap(report.calendar, width),
  ];
}

function chapterLines(report: StatsReport, width: number): string[] {
  const numbers = [6, 6, 6, 10];
  const name = Math.max(12, width - numbers.reduce((a, b) => a + b, 0) - 1);
  const weak = (row: ChapterRow) => row.retention.rate !== null && row.retention.rate < report.desiredRetention;
  const line = (label: string, cells: readonly string[]) =>
    fit(label, name) + cells.map((c, i) => fit(c, numbers[i] ?? 6, true)).join('');
  const lines = [line('Chapter', ['Cards', 'New', 'Due', `Ret ${CHAPTER_RETENTION_DAYS}d`])];
  let deck: string | null = null;
  const severalDecks = new Set(report.chapters.map((c) => c.deck)).size > 1;
  for (const row of report.chapters) {
    if (severalDecks && row.deck !== deck) lines.push(fit(row.deck, width).trimEnd());
    deck = row.deck;
    const label = `${severalDecks ? '  ' : ''}${row.chapter || '(deck)'}`;
    const retention = `${percent(row.retention.rate)}${weak(row) ? ' !' : '  '}`;
    lines.push(line(label, [String(row.cards), String(row.new), String(row.due), retention]).trimEnd());
  }
  if (report.chapters.some(weak)) lines.push(`! below the desired retention (${percent(report.desiredRetention)})`);
  return lines;
}

function calibrationLines(report: StatsReport): string[] {
  const { bins, reviews, predicted, recalled } = report.calibration;
  const row = (range: string, p: string, r: string, n: string) => `${fit(range, 10)}${fit(p, 11, true)}${fit(r, 11, true)}${fit(n, 9, true)}`;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return [
    `Parameters: ${report.parameters.description}`,
    row('Predicted', 'mean', 'recalled', 'reviews'),
    ...bins.filter((b) => b.reviews > 0).map((b) => row(`${pct(b.from)}–${pct(b.to)}`, percent(b.predicted), percent(b.recalled), String(b.reviews))),
    row('All', percent(predicted), percent(recalled), String(reviews)),
    'Reviews of graduated cards, by the recall FSRS predicted for them;',
    'recalled = not rated Again. Near the mean, the schedule fits you.',
  ];
}

export function statsSections(report: StatsReport, width: number): Section[] {
  return [
    { id: 'cards', title: 'Cards', lines: cardLines(report) },
    { id: 'retention', title: 'True retention', lines: retentionLines(report) },
    { id: 'calendar', title: 'Reviews per day, last 365 days', lines: calendarLines(report, width) },
    { id: 'time', title: 'Time per day, last 30 days', lines: timeLines(report, width) },
    { id: 'forecast', title: 'Due in the next 30 days', lines: forecastLines(report, width) },
    { id: 'chapters', title: 'Chapters', lines: chapterLines(report, width) },
    { id: 'calibration', title: 'Calibration: predicted recall against actual', lines: calibrationLines(report) },
  ];
}

/** The report as plain text: every section, titled, blank line between. */
export function plainStats(report: StatsReport, width: number): string {
  const filter = report.filter.length ? ` (filter: ${report.filter.join(', ')})` : '';
  const head = `Statistics for ${report.today}${filter}`;
  return `${[head, ...statsSections(report, width).flatMap((s) => ['', s.title, ...s.lines])].join('\n')}\n`;
}
