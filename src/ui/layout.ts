/** Small helpers for building fixed-size frames out of lines. */
import { cutStyled, visibleWidth } from './wrap-styled.js';
import { appliesAt, KEY_TABLE, keysText, type Binding, type Screen, type Stage } from './keys.js';
import { truncate } from './markdown-lines.js';
import type { Paint } from './paint.js';

/** Widest a screen gets: on a wide terminal, a row's counts far from its label are hard to match up. */
const MAX_COLUMNS = 110;

/** The columns a screen uses on a terminal `columns` wide. */
export const screenWidth = (columns: number) => Math.min(columns, MAX_COLUMNS);

/** `lines` cut or padded with empty lines to exactly `height`. */
export function exactly(lines: readonly string[], height: number): string[] {
  const out = lines.slice(0, Math.max(height, 0));
  while (out.length < height) out.push('');
  return out;
}

/** The rows a screen's `lines` become on a terminal `width` wide: each cut to fit, an empty one a space (Ink drops empty texts). */
export const frameRows = (lines: readonly string[], width: number): string[] =>
  lines.map((line) => (line === '' ? ' ' : cutStyled(line, width)));

/** `left` and `right` on one line of `width` columns, right-aligned; `left` is expected to fit. */
export function spread(left: string, right: string, width: number): string {
  const gap = width - visibleWidth(left) - visibleWidth(right);
  return gap >= 1 ? `${left}${' '.repeat(gap)}${right}` : left;
}

/** The footer's `key word` pairs for `screen` at `stage`, wrapped into at most `lines` lines of `width`. */
export function footerLines(
  screen: Screen, stage: Stage, width: number, paint: Paint, lines = 1, only?: (b: Binding) => boolean,
): string[] {
  const items = KEY_TABLE[screen]
    .filter((binding) => binding.short !== '' && appliesAt(binding, stage))
    .filter((binding) => only?.(binding) ?? true)
    .map((binding) => `${paint.bold(binding.label)} ${paint.dim(binding.short)}`);
  const out: string[] = [''];
  for (const item of items) {
    const last = out[out.length - 1] as string;
    const next = last === '' ? item : `${last}  ${item}`;
    if (visibleWidth(next) <= width) out[out.length - 1] = next;
    else if (out.length < lines) out.push(item);
    else break;
  }
  return exactly(out, lines);
}

/** The help overlay's heading and one line per binding of `screen` (every key, its description), each `indent`ed. */
export function keyHelpLines(screen: Screen, width: number, paint: Paint, indent = ''): string[] {
  const bindings = KEY_TABLE[screen];
  const keyWidth = Math.max(...bindings.map((b) => visibleWidth(keysText(b))));
  return [
    `${paint.bold('Keys')}  ${paint.dim('(any key closes this help)')}`,
    ...bindings.map((b) => truncate(`${indent}${keysText(b).padEnd(keyWidth)}  ${b.description}`, width)),
  ];
}

export const rule = (width: number, paint: Paint) => paint.dim('─'.repeat(Math.max(width, 0)));

/** Minutes and seconds, or hours and minutes: `4m 05s`, `1h 12m`. */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor(s / 60) % 60).padStart(2, '0')}m`;
}
