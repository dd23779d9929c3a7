/**
 * Worker-thread parsing (the built CLI, over 512 KB of notes) gives exactly the cards of parsing in one
 * thread, also for a note parsed alone (over 1 MB) and one that runs a pool worker out of memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs bench scripts carry no types
import { corpus } from '../../bench/gen-corpus.mjs';
import { loadLibrary } from '../../src/cards/library.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'recall-parse-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (home: string, notesDir: string) =>
  spawnSync(process.execPath, ['bin/recall.js', '--home', home, '--decks', notesDir, 'cards', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, VITEST: '', XDG_CONFIG_HOME: home },
  });

/** The cards of a cold start (parsed on workers) and of a warm one, beside those of a parse in this thread. */
async function cardsOfRuns(notesDir: string, home: string) {
  const cold = run(home, notesDir);
  expect(cold.status).toBe(0);
  // The parse cache was written by that run: the workers' results are what later starts read.
  expect(readdirSync(join(home, 'cache'))).toContain('notes.v8');
  const warm = run(home, notesDir);
  const inThread = await loadLibrary([notesDir], DEFAULT_SETTINGS);
  return { cold: JSON.parse(cold.stdout), warm: JSON.parse(warm.stdout), expected: JSON.parse(JSON.stringify(inThread.cards)) };
}

describe('parsing on worker threads', () => {
  it('gives the cards, decks and order of a single-thread parse', async () => {
    const notes = corpus(join(dir, 'corpus'), { seed: 5, files: 160, hugeBytes: 1024 });
    expect(notes.bytes).toBeGreaterThan(600 * 1024);
    const { cold, warm, expected } = await cardsOfRuns(notes.notesDir, join(dir, 'home'));
    expect(expected.length).toBeGreaterThan(1000);
    expect(cold).toEqual(expected);
    expect(warm).toEqual(expected);
  }, 120_000);

  it('gives the same cards for a long note parsed alone and a note too large for a pool worker', async () => {
    // The corpus folder holds the notes and, in huge/, one long note.
    const root = join(dir, 'corpus-huge');
    corpus(root, { seed: 6, files: 120, hugeBytes: 1100 * 1024 });
    // 40 KB, yet (a list of 4 000 items, the last with an unclosed `**`) its parse needs more heap than a pool worker has.
    writeFileSync(join(root, 'long-list.md'), `# Items\n\n${'- **a** b\n'.repeat(3999)}- **a`);
    const { cold, warm, expected } = await cardsOfRuns(root, join(dir, 'home-huge'));
    const cardsOf = (deck: string) => expected.filter((c: { deck: string }) => c.deck === deck).length;
    expect(cardsOf('huge/lifetime-notes.md')).toBeGreaterThan(1000);
    expect(cardsOf('long-list.md')).toBeGreaterThan(0);
    expect(cold).toEqual(expected);
    expect(warm).toEqual(expected);
  }, 120_000);
});
