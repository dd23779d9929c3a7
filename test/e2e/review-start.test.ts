/**
 * `recall review` in a real terminal (tmux, 100×30): its first card is painted before Ink loads and Ink
 * then takes over the same screen. Keys typed before Ink is ready are not lost, and nothing is echoed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLog } from '../../src/store/log.js';
import { hasTmux, tmuxSession } from './tmux.js';

const { start, screen, send, waitForScreen, waitForText, kill } = tmuxSession(`recall-review-${process.pid}`);
let home: string;

describe.skipIf(!hasTmux)('recall review in tmux (skipped where tmux is missing)', () => {
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'recall-review-e2e-'));
  });
  afterAll(() => {
    kill();
    rmSync(home, { recursive: true, force: true });
  });

  /** Starts `recall review` on a home with no review history. */
  function startReview(): void {
    kill();
    rmSync(join(home, 'log'), { recursive: true, force: true });
    start(home, 'review');
  }

  it('draws the first card once: Ink draws the same screen over the one painted before it loaded', async () => {
    startReview();
    const first = await waitForText('0 done, 6 left');
    // Only Ink reads keys: the help overlay coming and going shows it has the screen, and what it draws
    // for the card then is exactly what was painted before it loaded.
    send('?');
    await waitForScreen((s) => s !== first, 'the help overlay');
    send('?');
    expect(await waitForScreen((s) => s === first, 'the painted card again')).toBe(first);
    const lines = first.split('\n');
    expect(lines[0]).toMatch(/^Fixture Deck › 1\.1 Architecture .* new · section$/);
    expect(lines[2]).toBe('─'.repeat(100));
    expect(lines.filter((line) => line.includes('space show answer'))).toHaveLength(1);
    send('q');
    await waitForText('Session ended');
  }, 120_000);

  it('takes keys typed while the app loads, unechoed, and rates through Ink', async () => {
    startReview();
    await waitForText('0 done, 6 left');
    // Typed as soon as the card shows, before Ink reads the keyboard: revealed, then rated Good.
    send('Space');
    send('3');
    await waitForText('1 done, 5 left');
    send('q');
    await waitForText('Session ended');
    expect(screen()).toMatch(/Cards reviewed\s+1/);
    send('q');
    await waitForText('RECALL-EXITED 0');
    const reviews = readLog(home).events.filter((e) => e.event.type === 'review');
    expect(reviews.map((e) => (e.event as { rating: number }).rating)).toEqual([3]);
  }, 120_000);
});
