/**
 * The real `bin/recall.js` in a real terminal (tmux, 100×30): open the home screen, pick chapter 1.2
 * in the tree, review three cards, quit, start again and see they are no longer due.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLog } from '../../src/store/log.js';
import { hasTmux, tmuxSession } from './tmux.js';

const { start: startIn, screen, send, waitForText, kill } = tmuxSession(`recall-e2e-${process.pid}`);
let home: string;
const start = () => startIn(home, '');

describe.skipIf(!hasTmux)('recall in tmux (skipped where tmux is missing; .ci/run installs it)', () => {
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'recall-e2e-'));
  });
  afterAll(() => {
    kill();
    rmSync(home, { recursive: true, force: true });
  });

  it('reviews three cards of chapter 1.2 picked in the tree; they are not due on the next start', async () => {
    start();
    await waitForText('due now');
    // Fixture Deck (open) › Chapter 1 › 1.2 Discovering RKE.
    send('j');
    send('Right');
    await waitForText('1.2 Discovering RKE');
    send('j');
    send('j');
    send('Enter');
    await waitForText('Fixture Deck › 1.2 Discovering RKE › Installing RKE');
    expect(screen()).toContain('0 done, 4 left');

    for (let n = 1; n <= 3; n++) {
      send('Space');
      await waitForText('4 Easy');
      send('4');
      await waitForText(`${n} done`);
    }
    send('q');
    await waitForText('Session ended');
    expect(screen()).toMatch(/Cards reviewed\s+3/);
    send('Enter');
    await waitForText('due now');
    send('q');
    await waitForText('RECALL-EXITED 0');

    const reviews = readLog(home).events.filter((e) => e.event.type === 'review');
    expect(reviews.map((e) => (e.event as { rating: number }).rating)).toEqual([4, 4, 4]);

    kill();
    start();
    const again = await waitForText('due now');
    // Chapter 1 is closed on a new start: open it and read the 1.2 row's counts (new, learning, due).
    send('j');
    send('Right');
    const tree = await waitForText('1.2 Discovering RKE');
    expect(tree).toMatch(/1\.2 Discovering RKE +1 +0 +0/);
    expect(again).toMatch(/Fixture Deck +3 +0 +0/);
  }, 180_000);
});
