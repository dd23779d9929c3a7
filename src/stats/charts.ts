/**
 * Charts as plain text lines of Unicode blocks: the shape reads without colour (NO_COLOR, a pipe, a
 * screen reader's braille line), and the same lines serve `--plain` and the stats screen.
 */
import { weekday } from './calendar.js';
import type { DayValue } from './daily.js';

/** Heatmap shades, none to most. */
const SHADES = ['·', '░', '▒', '▓', '█'] as const;
const EIGHTHS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_LABELS = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];
const LABEL_WIDTH = 4;

/** 0 for no reviews, else 1–4 by the share of the busiest day. */
export function shadeLevel(value: number, max: number): number {
  return value <= 0 || max <= 0 ? 0 : Math.min(4, Math.ceil((4 * value) / max));
}

/**
 * A calendar heatmap: one column per week (Monday on top), one shade per day, months named above.
 * Days are spaced out when the width allows it; the oldest weeks are left out when it does not fit all.
 */
export function heatmap(days: readonly DayValue[], width: number): string[] {
  const first = days[0];
  if (!first) return [];
  const offset = weekday(first.date);
  const columns = Math.ceil((days.length + offset) / 7);
  const cell = width - LABEL_WIDTH >= 2 * columns ? 2 : 1;
  const shown = Math.max(1, Math.min(columns, Math.floor((width - LABEL_WIDTH) / cell)));
  const skipped = columns - shown;
  const grid = Array.from({ length: 7 }, () => new Array<string>(shown).fill(' '));
  const monthAt = new Array<string>(shown).fill('');
  const max = Math.max(0, ...days.map((d) => d.value));
  const monthOf = (date: string) => MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  days.forEach((day, i) => {
    const column = Math.floor((i + offset) / 7) - skipped;
    if (column < 0) return;
    const row = grid[weekday(day.date)];
    if (row) row[column] = SHADES[shadeLevel(day.value, max)] ?? ' ';
    // Each month is named over the week of its 1st; the first column over its first day.
    if (day.date.endsWith('-01') || (column === 0 && !monthAt[0])) monthAt[column] = monthOf(day.date);
  });
  let header = ' '.repeat(LABEL_WIDTH);
  monthAt.forEach((month, column) => {
    // A month name needs its three columns free; a crowded one is left out rather than overlapping.
    const at = LABEL_WIDTH + column * cell;
    if (month && header.length <= at) header = header.padEnd(at) + month;
  });
  const rows = grid.map((cells, i) => (WEEKDAY_LABELS[i] ?? '').padEnd(LABEL_WIDTH) + cells.map((c) => c.padEnd(cell)).join(''));
  const scale = max > 0 ? `(${SHADES[4]} = up to ${max} a day)` : '(no reviews yet)';
  const legend = `${' '.repeat(LABEL_WIDTH)}less ${SHADES.join(' ')} more   ${scale}`;
  return [header.trimEnd(), ...rows.map((r) => r.trimEnd()), legend];
}

export interface BarMark {
  /** Index of the bar the label sits under. */
  readonly at: number;
  readonly text: string;
}

/**
 * A vertical bar chart `height` rows tall with eighth-block tops, a scale on the left, and `marks`
 * under their bars, the scale's numbers written by `format`. Bars widen to fill `width` (up to 3
 * columns each).
 */
export function barChart(
  values: readonly number[],
  width: number,
  height: number,
  marks: readonly BarMark[],
  format: (value: number) => string = String,
): string[] {
  const max = Math.max(0, ...values);
  const scale = Math.max(format(max).length, format(0).length);
  const column = Math.max(1, Math.min(3, Math.floor((width - scale - 2) / Math.max(1, values.length))));
  const bar = column > 1 ? column - 1 : 1;
  const eighths = values.map((v) => (max > 0 ? Math.ceil((v / max) * height * 8) : 0));
  const lines: string[] = [];
  for (let row = height - 1; row >= 0; row -= 1) {
    const label = row === height - 1 ? format(max) : '';
    const cells = eighths
      .map((e) => {
        const fill = Math.max(0, Math.min(8, e - row * 8));
        return (fill === 0 ? ' ' : EIGHTHS[fill - 1] ?? '█').repeat(bar).padEnd(column);
      })
      .join('');
    lines.push(`${label.padStart(scale)} ┤${cells}`.trimEnd());
  }
  let axis = ' '.repeat(scale + 2);
  for (const mark of marks) {
    const position = scale + 2 + mark.at * column;
    if (axis.length <= position) axis = axis.padEnd(position) + mark.text + ' ';
  }
  lines.push(`${format(0).padStart(scale)} └${'─'.repeat(values.length * column)}`, axis.trimEnd());
  return lines;
}
