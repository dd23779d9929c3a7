/**
 * `recall review` in a real terminal (tmux, 100×30): its first card is painted before Ink loads and Ink
 * then takes over the same screen. Keys typed before Ink is ready are not lost, and nothing is echoed.
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
const session = `recall-review-${process.pid}`;
// A server of our own: other tmux users on the machine neither see nor stop it.
const socket = ['-L', session];
let home: string;

const tmux = (...args: string[]) => execFileSync('tmux', [...socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', session);
const send = (...keys: string[]) => tmux('send-keys', '-t', session, ...keys);

async function waitForText(text: string, ms = 30_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const shown = screen();
    if (shown.includes(text)) return shown;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(text)}; the screen:\n${shown}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!hasTmux)('recall review in tmux (skipped where tmux is missing)', () => {
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'recall-review-e2e-'));
  });
  afterAll(() => {
    spawnSync('tmux', [...socket, 'kill-server']);
    rmSync(home, { recursive: true, force: true });
  });

  it('shows the first card at once, takes keys typed while the app loads, and rates through Ink', async () => {
    // Without VITEST (the CLI would not run its main) and CI (Ink would draw only its last frame).
    const command = `env -u VITEST -u CI node bin/recall.js --home '${home}' --decks '${DECK}' review; echo RECALL-EXITED $?; sleep 600`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', '-c', ROOT, '-e', `XDG_CONFIG_HOME=${join(home, 'config')}`, command);
    const first = await waitForText('0 done, 6 left');
    // Typed as soon as the card shows, before Ink reads the keyboard: revealed, then rated Good.
    send('Space');
    send('3');
    await waitForText('1 done, 5 left');
    const lines = first.split('\n');
    expect(lines[0]).toMatch(/^Fixture Deck › 1\.1 Architecture .* new · section$/);
    expect(lines[2]).toBe('─'.repeat(100));
    expect(lines.filter((line) => line.includes('space show answer'))).toHaveLength(1);
    send('q');
    await waitForText('Session ended');
    expect(screen()).toMatch(/Cards reviewed\s+1/);
    send('q');
    await waitForText('RECALL-EXITED 0');
    const reviews = readLog(home).events.filter((e) => e.event.type === 'review');
    expect(reviews.map((e) => (e.event as { rating: number }).rating)).toEqual([3]);
  }, 120_000);
});
