import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress-bar.js';

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, isTTY, write: (chunk: string) => written.push(chunk) > 0 };
};

describe('progressBar', () => {
  it('redraws one line in place on a terminal, only when it changes, and erases it', () => {
    const s = stream(true);
    const bar = progressBar(s);
    bar.note('Reading…');
    bar.update('Fitting', 0, 0);
    bar.update('Fitting', 50, 100);
    bar.update('Fitting', 50, 100);
    bar.update('Fitting', 100, 100);
    bar.clear();
    expect(s.written).toEqual([
      '\rReading…\u001B[K',
      `\rFitting [${'-'.repeat(24)}]   0%\u001B[K`,
      `\rFitting [${'#'.repeat(12)}${'-'.repeat(12)}]  50%\u001B[K`,
      `\rFitting [${'#'.repeat(24)}] 100%\u001B[K`,
      '\r\u001B[K',
    ]);
  });

  it('writes nothing when the stream is not a terminal', () => {
    const s = stream(false);
    const bar = progressBar(s);
    bar.note('Reading…');
    bar.update('Fitting', 1, 2);
    bar.clear();
    expect(s.written).toEqual([]);
  });
});
