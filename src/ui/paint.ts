/**
 * Styles as plain functions over strings (SGR sequences), so the markdown renderer can produce styled
 * lines that wrap-ansi and string-width understand. With colour off (NO_COLOR) only attributes that
 * carry no colour remain (bold, italic, dim, underline, inverse), as no-color.org asks.
 */
export type Style = (text: string) => string;

export interface Paint {
  readonly bold: Style;
  readonly italic: Style;
  readonly dim: Style;
  readonly underline: Style;
  readonly strike: Style;
  readonly inverse: Style;
  /** Inline code. */
  readonly code: Style;
  /** Headings, selected rows, the current screen's title. */
  readonly accent: Style;
  readonly again: Style;
  readonly hard: Style;
  readonly good: Style;
  readonly easy: Style;
  /** The new / learning / review counts. */
  readonly newCount: Style;
  readonly learningCount: Style;
  readonly reviewCount: Style;
}

const sgr = (open: number, close: number): Style => (text) => (text === '' ? '' : `\u001B[${open}m${text}\u001B[${close}m`);
const plain: Style = (text) => text;

export function createPaint(color: boolean): Paint {
  const fg = (code: number): Style => (color ? sgr(code, 39) : plain);
  return {
    bold: sgr(1, 22),
    italic: sgr(3, 23),
    dim: sgr(2, 22),
    underline: sgr(4, 24),
    strike: sgr(9, 29),
    inverse: sgr(7, 27),
    code: color ? fg(36) : sgr(1, 22),
    accent: fg(36),
    again: fg(31),
    hard: fg(33),
    good: fg(32),
    easy: fg(34),
    newCount: fg(34),
    learningCount: fg(31),
    reviewCount: fg(32),
  };
}

/** Colour is on unless NO_COLOR is set to a non-empty value (no-color.org). */
export function colorWanted(env: NodeJS.ProcessEnv): boolean {
  return !env.NO_COLOR;
}
