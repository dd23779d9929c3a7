/**
 * The review screen as lines: header, progress, the card (front, then the reserved answer area),
 * footer. Every region has a fixed height, so revealing an answer or a status message moves nothing.
 */
import type { Rating } from '../store/events.js';
import { cardFace, PART_COUNTER } from './card-face.js';
import { bindingOf, type Command } from './keys.js';
import { duration, exactly, footerLines, frameRows, keyHelpLines, rule, screenWidth, spread } from './layout.js';
import { markdownLines, truncate } from './markdown-lines.js';
import type { Paint } from './paint.js';
import { totalOf, type ReviewItem, type SessionPort, type SessionStep } from './review-item.js';
import { initialReviewState, summaryOf, type ReviewState } from './review-state.js';
import { sanitizeLine } from './sanitize.js';
import type { TerminalSize } from './terminal-size.js';
import { visibleWidth } from './wrap-styled.js';

/** Rows the review screen uses besides the card body. */
const CHROME = 7;

/** The card body's height on a screen `rows` tall. */
export const bodyHeight = (rows: number) => Math.max(rows - CHROME, 3);

/** Widest the card text gets: longer lines are hard to read on a wide terminal. */
export const textWidth = (columns: number) => screenWidth(columns) - 2;

export interface CardText {
  readonly front: readonly string[];
  readonly back: readonly string[];
}

/** The card's lines as the body shows them: the front, and after reveal a divider and the back. */
export function bodyLines(text: CardText, revealed: boolean, width: number, paint: Paint): string[] {
  if (!revealed) return [...text.front];
  const label = ' answer ';
  const side = Math.max(Math.floor((Math.min(width, 40) - label.length) / 2), 2);
  return [...text.front, '', paint.dim(`${'╌'.repeat(side)}${label}${'╌'.repeat(side)}`), '', ...text.back];
}

const SECTION_NUMBER = /^(\d+(?:\.\d+)*)\s/;

/**
 * The breadcrumb in `width` columns. The card's own node and its part counter tell the learner most,
 * so the crumbs before it give way, leading ones first: a numbered crumb keeps its number (`3 › 3.1 …`),
 * then crumbs go (`…`).
 */
function fitBreadcrumb(breadcrumb: string, width: number): string {
  const crumbs = breadcrumb.split(' › ');
  const shown: (string | null)[] = [...crumbs];
  const text = () => shown.map((c) => c ?? '…').filter((c, i, all) => c !== '…' || all[i - 1] !== '…').join(' › ');
  const before = crumbs.length - 1;
  const steps = [
    ...crumbs.slice(0, before).map((crumb, i) => () => { shown[i] = SECTION_NUMBER.exec(crumb)?.[1] ?? null; }),
    ...crumbs.slice(0, before).map((_, i) => () => { shown[i] = null; }),
  ];
  for (const step of steps) {
    if (visibleWidth(text()) <= width) break;
    step();
  }
  // Still too long: the node's title is cut, its part counter kept.
  const fitted = text();
  const part = PART_COUNTER.exec(fitted)?.[0] ?? '';
  const room = width - part.length;
  return visibleWidth(fitted) <= width || part === '' || room < 8 ? truncate(fitted, width) : `${truncate(fitted.slice(0, -part.length), room)}${part}`;
}

/** The breadcrumb and, on the right, why the card is here and its kind; the breadcrumb gets the rest of the line. */
function headerLine(item: ReviewItem, cram: boolean, columns: number, paint: Paint): string {
  const kind = cram ? paint.bold(`cram · ${item.card.kind}`) : paint.dim(`${item.queue} · ${item.card.kind}`);
  return spread(paint.dim(fitBreadcrumb(cardFace(item).breadcrumb, columns - visibleWidth(kind) - 2)), kind, columns);
}

const RATING_COMMANDS: Readonly<Record<Rating, Command>> = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };

function ratingLine(item: ReviewItem, paint: Paint): string {
  const styles: Readonly<Record<Rating, (s: string) => string>> = { 1: paint.again, 2: paint.hard, 3: paint.good, 4: paint.easy };
  return ([1, 2, 3, 4] as const)
    .map((r) => {
      const binding = bindingOf('review', RATING_COMMANDS[r]);
      const interval = item.previews ? ` ${paint.dim(item.previews[r])}` : '';
      return `${paint.bold(binding.label)} ${styles[r](binding.short)}${interval}`;
    })
    .join('   ');
}

function progressLine(state: ReviewState, width: number, paint: Paint): string {
  const answered = state.done.filter((d) => d.kind === 'answer').length;
  const left = totalOf(state.step.counts);
  const barWidth = Math.max(Math.min(30, Math.floor(width / 4)), 5);
  const filled = left + answered === 0 ? barWidth : Math.round((barWidth * answered) / (answered + left));
  const bar = `${paint.accent('█'.repeat(filled))}${paint.dim('░'.repeat(barWidth - filled))}`;
  const { counts } = state.step;
  const queues = (learning: string, review: string) =>
    `${paint.newCount(`${counts.new} new`)} · ${paint.learningCount(`${counts.learning} ${learning}`)} · ${paint.reviewCount(`${counts.review} ${review}`)}`;
  const line = `${bar} ${answered} done, ${left} left   ${queues('learning', 'review')}`;
  return visibleWidth(line) <= width ? line : `${bar} ${answered}/${answered + left}  ${queues('lrn', 'rev')}`;
}

interface ReviewLayout {
  readonly columns: number;
  readonly rows: number;
}

/** The whole review screen: exactly `rows` lines. */
function reviewFrame(state: ReviewState, text: CardText | null, session: Pick<SessionPort, 'title' | 'cram'>, layout: ReviewLayout, paint: Paint): string[] {
  const { rows } = layout;
  const columns = screenWidth(layout.columns);
  const item = state.step.item;
  const height = bodyHeight(rows);
  const header = item ? headerLine(item, session.cram, columns, paint) : paint.dim(truncate(sanitizeLine(session.title), columns));
  const content = state.help ? keyHelpLines('review', columns - 2, paint) : text ? bodyLines(text, state.stage === 'back', textWidth(columns), paint) : [];
  // A resize can make the card fit again: never leave it scrolled past its end.
  const scroll = Math.min(state.scroll, Math.max(content.length - height, 0));
  const visible = state.help ? content.slice(0, height) : content.slice(scroll, scroll + height);
  const more = !state.help && content.length > scroll + height;
  const answerLine = item && state.stage === 'back' ? ratingLine(item, paint) : footerLines('review', 'front', columns, paint, 1, (b) => b.command === 'reveal')[0] ?? '';
  // Status lines can name files and titles from notes.
  const hint = sanitizeLine(state.status) || (more || scroll > 0
    ? paint.dim(`lines ${scroll + 1}–${Math.min(scroll + height, content.length)} of ${content.length}${more ? ' · PgDn for more' : ''}`)
    : '');
  return [
    header,
    progressLine(state, columns, paint),
    rule(columns, paint),
    ...exactly(visible.map((line) => ` ${line}`), height),
    rule(columns, paint),
    answerLine,
    ...footerLines('review', 'any', columns, paint, 1, (b) => b.stage === 'any'),
    hint,
  ];
}

/** The summary after the last card or on quit: exactly `rows` lines. */
function summaryFrame(
  state: ReviewState, session: Pick<SessionPort, 'title' | 'cram'>, dueTomorrow: number, layout: ReviewLayout, paint: Paint,
): string[] {
  const s = summaryOf(state.done);
  const columns = screenWidth(layout.columns);
  const row = (label: string, value: string) => `  ${label.padEnd(22)}${paint.bold(value)}`;
  const lines = [
    paint.bold(paint.accent(state.step.item ? 'Session ended' : 'Session complete')),
    paint.dim(truncate(sanitizeLine(session.title), columns)),
    '',
    row(session.cram ? 'Cards practised' : 'Cards reviewed', String(s.reviewed)),
    row('Again rate', s.reviewed === 0 ? '–' : `${Math.round(s.againRate * 100)}%`),
    row('Time spent', duration(s.ms)),
    // Cramming leaves the schedule alone: nothing is learned in its sense.
    ...(session.cram ? [] : [row('New cards learned', String(s.newLearned))]),
    row('Reviews due tomorrow', String(dueTomorrow)),
  ];
  return [...exactly(lines, layout.rows - 3), rule(columns, paint), ...footerLines('summary', 'any', columns, paint), sanitizeLine(state.status)];
}

/** Every line of the review screen (or the summary once the session is over) on a terminal of `size`. */
export function reviewScreenLines(state: ReviewState, text: CardText | null, port: SessionPort, size: TerminalSize, paint: Paint): string[] {
  // One line less than the terminal has rows: Ink ends its output with a newline, and the terminal must never scroll.
  const layout = { columns: size.columns, rows: size.rows - 1 };
  return state.finished ? summaryFrame(state, port, port.dueTomorrow(), layout, paint) : reviewFrame(state, text, port, layout, paint);
}

/**
 * The screen ReviewScreen first draws for `first`, as text: `recall review` paints it while Ink loads,
 * and Ink then draws the same rows over it.
 */
export function firstReviewScreen(port: SessionPort, first: SessionStep, size: TerminalSize, paint: Paint, shownAt: number): string {
  const face = first.item ? cardFace(first.item) : null;
  const text = face ? { front: markdownLines(face.front, textWidth(size.columns), paint), back: [] } : null;
  return frameRows(reviewScreenLines(initialReviewState(first, shownAt), text, port, size, paint), size.columns).join('\n');
}
