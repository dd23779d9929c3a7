/** A one-line progress bar redrawn in place on a terminal; silent when the stream is not a TTY. */
import type { WriteStream } from 'node:tty';

export interface ProgressBar {
  /** Shows `text` alone, for a step whose progress is not known. */
  note(text: string): void;
  /** Shows `label` with `done` of `total` (total 0: nothing known yet). */
  update(label: string, done: number, total: number): void;
  /** Erases the line, so the next output starts clean. */
  clear(): void;
}

const WIDTH = 24;

export function progressBar(stream: Pick<WriteStream, 'isTTY' | 'write'>): ProgressBar {
  if (!stream.isTTY) return { note: () => {}, update: () => {}, clear: () => {} };
  let shown = '';
  // Progress arrives every few milliseconds: redraw only when the line changes.
  const show = (line: string) => {
    if (line === shown) return;
    shown = line;
    stream.write(`\r${line}\u001B[K`);
  };
  return {
    note: show,
    update(label, done, total) {
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(fraction * WIDTH);
      show(`${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`);
    },
    clear() {
      if (shown) stream.write('\r\u001B[K');
      shown = '';
    },
  };
}
