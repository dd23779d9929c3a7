/**
 * The terminal as the interactive commands use it: the alternate screen (the app never scrolls the
 * user's terminal and leaves it as it was), and handing the terminal to an editor and back. Nothing of
 * Ink here: `recall review` paints its first frame before Ink is loaded.
 */
const ENTER_SCREEN = '\u001B[?1049h\u001B[H\u001B[2J\u001B[?25l';
const LEAVE_SCREEN = '\u001B[?25h\u001B[?1049l';
const CURSOR_HOME = '\u001B[H';

export interface Screen {
  /** Gives the main screen back (also done at exit). */
  readonly leave: () => void;
}

/**
 * Takes the alternate screen. With `frame`, it is painted there at once and the cursor put back home,
 * for the app to draw the same frame over; keys typed meanwhile wait in the terminal, unechoed (raw
 * mode), for the app to read.
 */
export function enterScreen(frame = ''): Screen {
  const restore = () => process.stdout.write(LEAVE_SCREEN);
  if (frame !== '') process.stdin.setRawMode(true);
  process.stdout.write(frame === '' ? ENTER_SCREEN : `${ENTER_SCREEN}${frame}${CURSOR_HOME}`);
  process.once('exit', restore);
  // A terminal that shrinks reflows what is on screen; starting from a clear screen keeps the next frame whole.
  const clearOnResize = () => process.stdout.write(`${CURSOR_HOME}\u001B[2J`);
  process.stdout.on('resize', clearOnResize);
  return {
    leave: () => {
      process.stdout.off('resize', clearOnResize);
      process.off('exit', restore);
      restore();
    },
  };
}

/**
 * Opens `file` at `line` in $VISUAL, else $EDITOR, else vi, with the terminal released: raw mode off
 * and the main screen back while it runs. The editor runs synchronously, so Ink cannot draw over it.
 */
export async function editFile(file: string, line: number): Promise<void> {
  const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
  // Loaded here, not with the review: only an edit needs it.
  const { spawnSync } = await import('node:child_process');
  process.stdin.setRawMode(false);
  process.stdout.write(LEAVE_SCREEN);
  // Through the shell: $EDITOR may hold arguments (`code --wait`); the file goes as an argument, unquoted nowhere.
  const result = spawnSync('/bin/sh', ['-c', `${editor} "$@"`, 'sh', `+${line}`, file], { stdio: 'inherit' });
  process.stdout.write(ENTER_SCREEN);
  process.stdin.setRawMode(true);
  if (result.error) throw new Error(`could not start the editor "${editor}": ${result.error.message}`);
}
