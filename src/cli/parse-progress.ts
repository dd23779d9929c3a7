/**
 * The progress bar of a first index: parsing thousands of notes takes seconds, and a silent terminal
 * looks hung. Drawn on stderr only when it is a terminal and there are many notes to parse (a cache hit
 * or a single edited note draws nothing).
 */

/** Fewer notes than this parse in well under a second: no bar. */
const MIN_NOTES = 100;
/** Redraw at most this often. */
const FRAME_MS = 80;
const WIDTH = 30;

export function parseProgress(stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let drawnAt = -Infinity;
  return (done, total) => {
    if (total < MIN_NOTES) return;
    const now = performance.now();
    if (done < total && now - drawnAt < FRAME_MS) return;
    drawnAt = now;
    const filled = Math.round((WIDTH * done) / total);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    // \r and erase-line: the bar redraws in place and leaves nothing behind when done.
    stream.write(done < total ? `\r\u001B[2K${bar} ${done}/${total} notes indexed` : '\r\u001B[2K');
  };
}
