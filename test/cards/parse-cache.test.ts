import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, type BigIntStats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/cards/library.js';
import { ParseCache } from '../../src/cards/parse-cache.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const note = (word: string) =>
  `# Storage\n\n## 1.1 Volumes\n\nA persistent volume keeps its ${word} data when the pod that uses it is deleted.\n`;

describe('parse cache', () => {
  let root: string;
  let cacheDir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'recall-parse-cache-'));
    cacheDir = join(root, 'cache');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const open = (progress?: (done: number) => void) =>
    loadLibrary([join(root, 'decks.md')], DEFAULT_SETTINGS, { cacheDir, ...(progress ? { progress } : {}) });
  const backs = async () => (await open()).cards.map((c) => c.back).join('\n');

  it('re-opening unchanged notes parses nothing and gives the same cards', async () => {
    writeFileSync(join(root, 'decks.md'), note('alpha'));
    const parsed: number[] = [];
    const cold = await open((done) => parsed.push(done));
    expect(parsed).toEqual([1]);
    expect(readdirSync(cacheDir)).toEqual(['notes.v8']);

    const again: number[] = [];
    const warm = await open((done) => again.push(done));
    expect(again).toEqual([]);
    expect(warm.cards).toEqual(cold.cards);
    expect(warm.decks).toEqual(cold.decks);
  });

  it('never serves a stale card: a rewrite keeping size and mtime is seen', async () => {
    const file = join(root, 'decks.md');
    // Whole seconds: utimes cannot restore an mtime finer than that exactly.
    const mtime = new Date('2026-01-02T03:04:05Z');
    writeFileSync(file, note('alpha'));
    utimesSync(file, mtime, mtime);
    const before = statSync(file);
    expect(await backs()).toContain('alpha data');

    writeFileSync(file, note('bravo'));
    utimesSync(file, mtime, mtime);
    const after = statSync(file);
    expect(after.size).toBe(before.size);
    expect(after.mtimeMs).toBe(before.mtimeMs);

    const text = await backs();
    expect(text).toContain('bravo data');
    expect(text).not.toContain('alpha');
  });

  it('a damaged cache file is rebuilt, not trusted', async () => {
    writeFileSync(join(root, 'decks.md'), note('alpha'));
    await open();
    writeFileSync(join(cacheDir, 'notes.v8'), 'not a cache');
    const parsed: number[] = [];
    const library = await open((done) => parsed.push(done));
    expect(parsed).toEqual([1]);
    expect(library.cards.map((c) => c.back).join('\n')).toContain('alpha data');
  });

  it('different card rules do not share entries', async () => {
    writeFileSync(join(root, 'decks.md'), note('alpha'));
    await open();
    const parsed: number[] = [];
    await loadLibrary([join(root, 'decks.md')], { ...DEFAULT_SETTINGS, maxCardChars: 200 }, { cacheDir, progress: (d) => parsed.push(d) });
    expect(parsed).toEqual([1]);
  });
});

describe('parse cache stat fingerprints', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'recall-parse-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const stats = (fields: Partial<Record<'ino' | 'size' | 'mtimeNs' | 'ctimeNs', bigint>>) =>
    ({ dev: 1n, ino: 2n, size: 300n, mtimeNs: 10n ** 18n, ctimeNs: 10n ** 18n, ...fields }) as unknown as BigIntStats;
  const savedWith = (remembered: BigIntStats) => {
    const cache = ParseCache.open(dir, DEFAULT_SETTINGS);
    cache.remember('/notes/a.md', remembered, 'hash-a');
    cache.save();
    return ParseCache.open(dir, DEFAULT_SETTINGS);
  };

  it('knows a file by its exact fingerprint only', () => {
    const old = stats({});
    const cache = savedWith(old);
    expect(cache.knownText('/notes/a.md', stats({}))).toBe('hash-a');
    // Rewritten keeping size and mtime: the ctime moved.
    expect(cache.knownText('/notes/a.md', stats({ ctimeNs: old.ctimeNs + 1n }))).toBeUndefined();
    // Replaced by rename (an editor's atomic save): another inode.
    expect(cache.knownText('/notes/a.md', stats({ ino: 3n }))).toBeUndefined();
    expect(cache.knownText('/notes/b.md', stats({}))).toBeUndefined();
  });

  it('does not keep the fingerprint of a file changed around the save (racy)', () => {
    const now = statSync(dir, { bigint: true }).ctimeNs;
    const cache = savedWith(stats({ ctimeNs: now, mtimeNs: now }));
    expect(cache.knownText('/notes/a.md', stats({ ctimeNs: now, mtimeNs: now }))).toBeUndefined();
  });
});
