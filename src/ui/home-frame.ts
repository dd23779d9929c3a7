/** The home screen as lines: a title with today's totals, the tree with counts, the footer. */
import type { TreeRow } from './deck-tree.js';
import type { VisibleRow } from './home-state.js';
import { exactly, footerLines, keyHelpLines, rule, screenWidth, spread } from './layout.js';
import { truncate } from './markdown-lines.js';
import type { Paint } from './paint.js';
import { totalOf, type QueueCounts } from './review-item.js';
import { sanitizeLine } from './sanitize.js';

const COUNT_WIDTH = 7;

function countCells(row: TreeRow, paint: Paint): string {
  const cell = (n: number, style: (s: string) => string) => {
    const text = String(n).padStart(COUNT_WIDTH);
    return n === 0 ? paint.dim(text) : style(text);
  };
  return `${cell(row.counts.new, paint.newCount)}${cell(row.counts.learning, paint.learningCount)}${cell(row.counts.review, paint.reviewCount)}`;
}

function rowLine(visible: VisibleRow, isOpen: boolean, selected: boolean, width: number, paint: Paint): string {
  const { row, depth } = visible;
  const marker = row.children.length === 0 ? ' ' : isOpen ? '▾' : '▸';
  const counts = countCells(row, paint);
  const room = width - 3 * COUNT_WIDTH - 2 * depth - 4;
  const label = truncate(sanitizeLine(row.label), Math.max(room, 4));
  const left = `${'  '.repeat(depth)}${marker} ${selected ? paint.inverse(` ${label} `) : ` ${label} `}`;
  const styled = depth === 0 ? paint.bold(left) : left;
  return spread(styled, counts, width) || styled;
}

export interface HomeView {
  readonly rows: readonly VisibleRow[];
  readonly open: ReadonlySet<string>;
  readonly selected: number;
  readonly help: boolean;
  readonly status: string;
  readonly problems: number;
  /** What `r` gives now (the deck rows may add up to more: each has the day's limits to itself). */
  readonly total: QueueCounts;
}

const COUNTS_HELP = '  Counts are what entering a row gives now, within today\'s limits.';

/** The home screen: exactly `rows` lines. */
export function homeFrame(view: HomeView, terminalColumns: number, rows: number, paint: Paint): string[] {
  const columns = screenWidth(terminalColumns);
  const due = totalOf(view.total);
  const title = spread(
    `${paint.bold(paint.accent('recall'))}  ${paint.dim(due === 0 ? 'nothing due now' : `${due} due now`)}`,
    paint.dim(`${'new'.padStart(COUNT_WIDTH)}${'learn'.padStart(COUNT_WIDTH)}${'due'.padStart(COUNT_WIDTH)}`),
    columns,
  );
  const height = Math.max(rows - 6, 1);
  const top = Math.max(0, Math.min(view.selected - Math.floor(height / 2), view.rows.length - height));
  const body = view.help
    ? [...keyHelpLines('home', columns, paint, '  '), '', paint.dim(truncate(COUNTS_HELP, columns))]
    : view.rows.length === 0
      ? ['', '  No cards found. Point recall at your notes: recall config set decks <folder>']
      : view.rows.slice(top, top + height).map((r, i) => rowLine(r, view.open.has(r.row.id), top + i === view.selected, columns, paint));
  const status = sanitizeLine(view.status) || (view.problems > 0 ? paint.dim(`${view.problems} problem${view.problems === 1 ? '' : 's'} reading the notes or the log: listed when you quit`) : '');
  return [title, rule(columns, paint), ...exactly(body, height), rule(columns, paint), ...footerLines('home', 'any', columns, paint, 2), status];
}
