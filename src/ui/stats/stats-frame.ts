/** The stats screen as exactly `rows` lines: title and tabs, the current tab's body, the footer. */
import stringWidth from 'string-width';
import type { StatsReport } from '../../stats/report.js';
import { exactly, rule, spread } from '../layout.js';
import type { Paint } from '../paint.js';
import { sanitizeLine } from '../sanitize.js';
import { STATS_KEYS } from './stats-keys.js';
import type { StatsState } from './stats-state.js';
import type { StatsTab } from './stats-tabs.js';

/** Lines around the body: title, tab bar, two rules, footer. */
const CHROME = 5;

export function bodyHeight(rows: number): number {
  return Math.max(rows - CHROME, 1);
}

function tabBar(tabs: readonly StatsTab[], current: number, paint: Paint): string {
  // The current tab is bracketed as well as inverted, so it shows without colour or attributes.
  return tabs.map((tab, i) => (i === current ? paint.inverse(`[${i + 1} ${tab.name}]`) : ` ${i + 1} ${tab.name} `)).join(' ');
}

function footer(width: number, position: string, paint: Paint): string {
  const keys = STATS_KEYS.filter((b) => b.short !== '').map((b) => `${paint.bold(b.label)} ${paint.dim(b.short)}`);
  let line = '';
  for (const item of keys) {
    const next = line === '' ? item : `${line}  ${item}`;
    if (stringWidth(next) + stringWidth(position) + 2 > width) break;
    line = next;
  }
  return spread(line, paint.dim(position), width);
}

export function statsFrame(report: StatsReport, tabs: readonly StatsTab[], state: StatsState, columns: number, rows: number, paint: Paint): string[] {
  const height = bodyHeight(rows);
  const body = tabs[state.tab]?.lines ?? [];
  const offset = Math.max(0, Math.min(state.offset, body.length - height));
  const shown = body.slice(offset, offset + height);
  const filter = report.filter.length ? ` · ${sanitizeLine(report.filter.join(', '))}` : '';
  const position = body.length > height ? `${offset + 1}–${offset + shown.length} of ${body.length}` : '';
  return exactly(
    [
      `${paint.bold(paint.accent('Statistics'))}  ${paint.dim(`${report.today}${filter}`)}`,
      tabBar(tabs, state.tab, paint),
      rule(columns, paint),
      ...exactly(shown, height),
      rule(columns, paint),
      footer(columns, position, paint),
    ],
    rows,
  );
}
