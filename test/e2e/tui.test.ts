/**
 * The real `bin/recall.js` in a real terminal (tmux, 100×30): open the home screen, pick chapter 1.2
 * in the tree, review three cards, quit, start again and see they are no longer due.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLog } from '../../src/store/log.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DECK = join(ROOT, 'test/fixtures/ui/deck.md');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `recall-e2e-${process.pid}`;
// A server of our own: other tmux users on the machine neither see nor stop it.
const socket = ['-L', session];
let home: string;

const tmux = (...args: string[]) => execFileSync('tmux', [...socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', session);
const send = (...keys: string[]) => tmux('send-keys', '-t', session, ...keys);

/** Polls the pane until `predicate` holds; fails with the pane's text after the deadline. */
async function waitForScreen(predicate: (text: string) => boolean, what: string, ms = 30_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = screen();
    if (predicate(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const waitForText = (text: string) => waitForScreen((s) => s.includes(text), JSON.stringify(text));

function start(): void {
  // The tmux server inherits vitest's environment: with VITEST set the CLI would not run its main, and
  // with CI set (as on the CI machine) Ink renders only the last frame, as for a log file.
  const command = `env -u VITEST -u CI node bin/recall.js --home '${home}' --decks '${DECK}'; echo RECALL-EXITED $?; sleep 600`;
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', '-c', ROOT,
    '-e', `XDG_CONFIG_HOME=${join(home, 'config')}`, '-e', 'EDITOR=true', command);
}

describe.skipIf(!hasTmux)('recall in tmux (skipped where tmux is missing; .ci/run installs it)', () => {
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'recall-e2e-'));
  });
  afterAll(() => {
    spawnSync('tmux', [...socket, 'kill-server']);
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

    tmux('kill-session', '-t', session);
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
