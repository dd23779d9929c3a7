/** Worker-thread parsing (the built CLI, over 512 KB of notes) gives exactly the cards of parsing in one thread. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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

describe('parsing on worker threads', () => {
  it('gives the cards, decks and order of a single-thread parse', async () => {
    const notes = corpus(join(dir, 'corpus'), { seed: 5, files: 160, hugeBytes: 1024 });
    expect(notes.bytes).toBeGreaterThan(600 * 1024);
    const run = (home: string) =>
      spawnSync(process.execPath, ['bin/recall.js', '--home', home, '--decks', notes.notesDir, 'cards', '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, VITEST: '', XDG_CONFIG_HOME: home },
      });
    const home = join(dir, 'home');
    const cold = run(home);
    expect(cold.status).toBe(0);
    // The parse cache was written by that run: the workers' results are what later starts read.
    expect(readdirSync(join(home, 'cache'))).toContain('notes.v8');
    const warm = run(home);

    const inThread = await loadLibrary([notes.notesDir], DEFAULT_SETTINGS);
    const expected = JSON.parse(JSON.stringify(inThread.cards));
    expect(expected.length).toBeGreaterThan(1000);
    expect(JSON.parse(cold.stdout)).toEqual(expected);
    expect(JSON.parse(warm.stdout)).toEqual(expected);
  }, 120_000);
});
