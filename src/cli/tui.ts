/**
 * Running the Ink app in a terminal: the alternate screen (the review never scrolls
 * the user's terminal and leaves it as it was), and handing the terminal to an editor and back.
 */
import { spawnSync } from 'node:child_process';
import { render } from 'ink';
import type { ReactElement } from 'react';

const ENTER_SCREEN = '\u001B[?1049h\u001B[H\u001B[2J\u001B[?25l';
const LEAVE_SCREEN = '\u001B[?25h\u001B[?1049l';

/**
 * Opens `file` at `line` in $VISUAL, else $EDITOR, else vi, with the terminal released: raw mode off
 * and the main screen back while it runs. The editor runs synchronously, so Ink cannot draw over it.
 */
export async function editFile(file: string, line: number): Promise<void> {
  const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
  process.stdin.setRawMode(false);
  process.stdout.write(LEAVE_SCREEN);
  // Through the shell: $EDITOR may hold arguments (`code --wait`); the file goes as an argument, unquoted nowhere.
  const result = spawnSync('/bin/sh', ['-c', `${editor} "$@"`, 'sh', `+${line}`, file], { stdio: 'inherit' });
  process.stdout.write(ENTER_SCREEN);
  process.stdin.setRawMode(true);
  if (result.error) throw new Error(`could not start the editor "${editor}": ${result.error.message}`);
}

/** Renders `app` on the alternate screen until it exits; the terminal is restored whatever happens. */
export async function runTui(app: ReactElement): Promise<void> {
  const restore = () => process.stdout.write(LEAVE_SCREEN);
  process.stdout.write(ENTER_SCREEN);
  process.once('exit', restore);
  // A terminal that shrinks reflows what is on screen; starting from a clear screen keeps the next frame whole.
  const clearOnResize = () => process.stdout.write('\u001B[H\u001B[2J');
  process.stdout.on('resize', clearOnResize);
  const instance = render(app, { exitOnCtrlC: true, patchConsole: false });
  try {
    await instance.waitUntilExit();
  } finally {
    process.stdout.off('resize', clearOnResize);
    process.off('exit', restore);
    restore();
  }
}
