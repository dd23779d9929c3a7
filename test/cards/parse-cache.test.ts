import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/cards/library.js';
import { NoteStamps, ParseCache } from '../../src/cards/parse-cache.js';
import { cardsFromNotes, composedLibrary, type NoteSource } from '../../src/cards/parse-notes.js';
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
    // As JSON: every field of every card, texts included, in the same order as a parse without a cache.
    const uncached = await loadLibrary([join(root, 'decks.md')], DEFAULT_SETTINGS);
    expect(JSON.stringify(cold.cards)).toBe(JSON.stringify(uncached.cards));
    expect(JSON.stringify(warm.cards)).toBe(JSON.stringify(uncached.cards));
    expect(warm.cards.map((c) => [c.front, c.back])).toEqual(uncached.cards.map((c) => [c.front, c.back]));
    expect(warm.decks).toEqual(cold.decks);
  });

  it('keeps the entries of other deck sets as it adds new ones', async () => {
    writeFileSync(join(root, 'a.md'), note('alpha'));
    writeFileSync(join(root, 'b.md'), note('bravo'));
    const parsedIn = async (...names: string[]) => {
      const parsed: number[] = [];
      const paths = names.map((name) => join(root, name));
      const library = await loadLibrary(paths, DEFAULT_SETTINGS, { cacheDir, progress: (done) => parsed.push(done) });
      expect(JSON.stringify(library.cards)).toBe(JSON.stringify((await loadLibrary(paths, DEFAULT_SETTINGS)).cards));
      return parsed.length;
    };
    expect(await parsedIn('a.md')).toBe(1);
    expect(await parsedIn('b.md')).toBe(1);
    expect(await parsedIn('a.md')).toBe(0);
    expect(await parsedIn('a.md', 'b.md')).toBe(0);
  });

  it('loads the decks when the cache cannot be written', async () => {
    writeFileSync(join(root, 'decks.md'), note('alpha'));
    writeFileSync(join(root, 'not-a-folder'), '');
    const library = await loadLibrary([join(root, 'decks.md')], DEFAULT_SETTINGS, { cacheDir: join(root, 'not-a-folder', 'cache') });
    expect(library.cards.map((c) => c.back).join('\n')).toContain('alpha data');
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

function stampsOf(stats: readonly (Stats | undefined)[]): NoteStamps {
  const stamps = new NoteStamps();
  for (const stat of stats) stamps.add(stat);
  return stamps;
}

describe('parse cache stat fingerprints', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'recall-parse-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const stats = (fields: Partial<Record<'ino' | 'size' | 'mtimeMs' | 'ctimeMs', number>>) =>
    stampsOf([{ dev: 1, ino: 2, size: 300, mtimeMs: 1e12, ctimeMs: 1e12, ...fields } as Stats]).stamp(0)!;
  const savedWith = (remembered: ReturnType<typeof stats>) => {
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
    expect(cache.knownText('/notes/a.md', stats({ ctimeMs: old.ctimeMs + 0.001 }))).toBeUndefined();
    // Replaced by rename (an editor's atomic save): another inode.
    expect(cache.knownText('/notes/a.md', stats({ ino: 3 }))).toBeUndefined();
    expect(cache.knownText('/notes/b.md', stats({}))).toBeUndefined();
  });

  it('does not keep the fingerprint of a file changed around the save (racy)', () => {
    const now = statSync(dir).ctimeMs;
    const cache = savedWith(stats({ ctimeMs: now, mtimeMs: now }));
    expect(cache.knownText('/notes/a.md', stats({ ctimeMs: now, mtimeMs: now }))).toBeUndefined();
  });
});

describe('parse cache of a whole library', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'recall-parse-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Notes that exist only as text here, with stat fingerprints of files settled long before the save.
  const texts: Record<string, string> = {
    '/notes/a.md': `${note('alpha')}\n## 1.2 Claims\n\nA claim asks for storage of a class.\n`,
    // Repeats a's first card: kept once, in the first deck.
    '/notes/b.md': `${note('alpha').replace('Storage', 'Other')}\n## 2. Pods\n\nA pod runs containers together on one node.\n`,
    '/notes/c.md': '',
  };
  const notes: NoteSource[] = Object.keys(texts).map((file) => ({ file, deckKey: file.slice('/notes/'.length) }));
  const stat = (ino: number, ctimeMs = 1e12) => ({ dev: 1, ino, size: 300, mtimeMs: ctimeMs, ctimeMs }) as Stats;
  const settled = notes.map((_, i) => stat(i + 1));
  const stats = stampsOf(settled);
  const read = async (file: string) => (texts[file] ? { text: texts[file] } : { problem: 'empty note: nothing to make cards from' });

  /** What loadLibrary does on a miss: parse through the cache, compose, keep the library, save. */
  const parsedAndSaved = async (statsNow: NoteStamps) => {
    const cache = ParseCache.open(dir, DEFAULT_SETTINGS);
    expect(cache.storedLibrary(notes, statsNow)).toBeUndefined();
    const outcomes = await cardsFromNotes(notes, read, DEFAULT_SETTINGS, { cache, stamps: statsNow });
    const { library, parts } = composedLibrary(notes, outcomes);
    cache.keepLibrary({ decks: library.decks, problems: library.problems, lint: library.lint, parts });
    cache.save();
    return library;
  };

  it('gives back the decks, cards, problems and lint of an unchanged library', async () => {
    const library = await parsedAndSaved(stats);
    const uncached = composedLibrary(notes, await cardsFromNotes(notes, read, DEFAULT_SETTINGS, undefined)).library;
    expect(uncached.cards.length).toBe(3);
    expect(uncached.decks.find((d) => d.key === 'b.md')?.cards).toBe(1);
    expect(uncached.problems).toHaveLength(1);

    const stored = ParseCache.open(dir, DEFAULT_SETTINGS).storedLibrary(notes, stats);
    expect(stored).toBeDefined();
    expect(stored!.decks).toEqual(uncached.decks);
    expect(stored!.problems).toEqual(uncached.problems);
    expect(stored!.lint).toEqual(uncached.lint);
    expect(JSON.stringify(stored!.cards)).toBe(JSON.stringify(uncached.cards));
    expect(JSON.stringify(library.cards)).toBe(JSON.stringify(uncached.cards));
  });

  it('is not served when any note changed, moved or went away', async () => {
    await parsedAndSaved(stats);
    const open = () => ParseCache.open(dir, DEFAULT_SETTINGS);
    // Rewritten keeping size and mtime: the ctime moved.
    const rewritten = stampsOf(settled.map((s, i) => (i === 1 ? { ...s, ctimeMs: s.ctimeMs + 0.001 } : s)));
    expect(open().storedLibrary(notes, rewritten)).toBeUndefined();
    expect(open().storedLibrary(notes.slice(0, 2), stampsOf(settled.slice(0, 2)))).toBeUndefined();
    expect(open().storedLibrary(notes.map((n) => ({ ...n, deckKey: `x/${n.deckKey}` })), stats)).toBeUndefined();
    expect(open().storedLibrary(notes, stampsOf([settled[0], undefined, settled[2]]))).toBeUndefined();
    expect(ParseCache.open(dir, { ...DEFAULT_SETTINGS, maxCardChars: 200 }).storedLibrary(notes, stats)).toBeUndefined();
    expect(open().storedLibrary(notes, stats)).toBeDefined();
  });

  it('is not kept when a note changed around the save (racy)', async () => {
    const now = statSync(dir).ctimeMs;
    const racy = stampsOf(notes.map((_, i) => stat(i + 1, now)));
    await parsedAndSaved(racy);
    expect(ParseCache.open(dir, DEFAULT_SETTINGS).storedLibrary(notes, racy)).toBeUndefined();
  });

  it('switching to another deck set writes that library alone, and both are then served', async () => {
    await parsedAndSaved(stats);
    const entries = statSync(join(dir, 'notes.v8'));
    const some = notes.slice(0, 2);
    const someStats = stampsOf(settled.slice(0, 2));
    const cache = ParseCache.open(dir, DEFAULT_SETTINGS);
    expect(cache.storedLibrary(some, someStats)).toBeUndefined();
    const parsed: number[] = [];
    const outcomes = await cardsFromNotes(some, read, DEFAULT_SETTINGS, { cache, stamps: someStats }, (done) => parsed.push(done));
    expect(parsed).toEqual([]);
    const { library, parts } = composedLibrary(some, outcomes);
    cache.keepLibrary({ decks: library.decks, problems: library.problems, lint: library.lint, parts });
    cache.save();

    const after = statSync(join(dir, 'notes.v8'));
    expect([after.ino, after.mtimeMs]).toEqual([entries.ino, entries.mtimeMs]);
    expect(readdirSync(dir).filter((name) => name.startsWith('library-'))).toHaveLength(2);
    const open = () => ParseCache.open(dir, DEFAULT_SETTINGS);
    expect(JSON.stringify(open().storedLibrary(some, someStats)?.cards)).toBe(JSON.stringify(library.cards));
    expect(open().storedLibrary(notes, stats)?.cards).toHaveLength(3);
  });

  it("keeps reading its cards' texts after another process replaced the cache file", async () => {
    const library = await parsedAndSaved(stats);
    const expected = JSON.stringify(library.cards);
    const stored = ParseCache.open(dir, DEFAULT_SETTINGS).storedLibrary(notes, stats)!;
    // Another process saves a cache for other notes over it.
    const other = ParseCache.open(dir, DEFAULT_SETTINGS);
    other.remember('/elsewhere/x.md', stampsOf([stat(9)]).stamp(0)!, 'hash-x');
    other.save();
    expect(ParseCache.open(dir, DEFAULT_SETTINGS).storedLibrary(notes, stats)).toBeUndefined();
    // Its library file, made for the entries file replaced, can never be served again.
    expect(readdirSync(dir).filter((name) => name.startsWith('library-'))).toEqual([]);
    expect(JSON.stringify(stored.cards)).toBe(expected);
  });
});
