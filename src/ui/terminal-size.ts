/** The terminal's size as the screens lay out for it; no Ink here, so a frame can be drawn before Ink loads. */
export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** `stdout`'s size, 80×24 where it does not say. */
export const terminalSize = (stdout: NodeJS.WriteStream): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
