// Bad input (issue 2): each bad file becomes one problem naming the file (and line), and the other
// decks still load; odd but valid input (CRLF, BOM, odd names, huge or deep notes) parses like plain input.
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardsFromFile } from '../../src/cards/deck.js';
import { loadLibrary } from '../../src/cards/library.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const GOOD = '# Good deck\n\n## Section\n\nThis section has more than enough words to make a card.\n';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'recall-cards-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function load(...paths: string[]) {
  return loadLibrary(paths, DEFAULT_SETTINGS);
}

const cardsOf = (text: string) => cardsFromFile(text, 'note.md', 'note.md', DEFAULT_SETTINGS);

describe('bad input', () => {
  it('names a missing path and still loads the others', async () => {
    const good = folder({ 'good.md': GOOD });
    const missing = path.join(good, 'nope');
    const library = await load(missing, good);
    expect(library.problems).toEqual([{ file: missing, message: 'no such file or folder; check the deck path' }]);
    expect(library.decks).toHaveLength(1);
  });

  it('names a folder with no notes', async () => {
    const empty = folder({ 'readme.txt': 'not a note' });
    const library = await load(empty);
    expect(library.problems).toEqual([{ file: empty, message: 'no .md notes in this folder' }]);
  });

  it('reads a file named by two deck paths once, as the first names it, cached or not', async () => {
    const dir = folder({ 'a.md': GOOD, 'sub/b.md': GOOD.replace('Good deck', 'Second deck') });
    const b = path.join(dir, 'sub', 'b.md');
    const cacheDir = path.join(dir, '.cache');
    for (const io of [{}, { cacheDir }, { cacheDir }]) {
      const library = await loadLibrary([b, dir, path.join(dir, 'sub')], DEFAULT_SETTINGS, io);
      expect(library.decks.map((d) => [d.key, d.title])).toEqual([
        ['b.md', 'Second deck'],
        ['a.md', 'Good deck'],
      ]);
      expect(library.problems).toEqual([]);
    }
  });

  it('names invalid frontmatter with its line, and loads the next file', async () => {
    const dir = folder({ 'a.md': '---\ntitle: ok\ncommand: `rke up`\n---\n# A\n\nBody with enough words for a card.\n', 'b.md': GOOD });
    const library = await load(dir);
    expect(library.problems).toHaveLength(1);
    expect(library.problems[0]).toMatchObject({ file: path.join(dir, 'a.md'), line: 3 });
    expect(library.problems[0]!.message).toMatch(/^invalid frontmatter: .*fix the YAML/);
    expect(library.decks.map((d) => d.key)).toEqual(['b.md']);
  });

  it('names binary, non-UTF-8 and empty files', async () => {
    const dir = folder({
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'latin1.md': Buffer.from('# Caf\xe9\n\nUn caf\xe9 cr\xe8me avec beaucoup de mots ici.\n', 'latin1'),
      'empty.md': '',
      'utf16.md': Buffer.from('\ufeff# Notes\n', 'utf16le'),
      'good.md': GOOD,
    });
    const library = await load(dir);
    expect(library.problems.map((p) => [path.basename(p.file), p.message])).toEqual([
      ['binary.md', 'binary file, not a markdown note'],
      ['empty.md', 'empty note: nothing to make cards from'],
      ['latin1.md', 'not UTF-8 text; save it as UTF-8'],
      ['utf16.md', 'UTF-16 text; save it as UTF-8'],
    ]);
    expect(library.decks.map((d) => d.key)).toEqual(['good.md']);
  });

  it.skipIf(process.getuid?.() === 0)('names an unreadable file', async () => {
    const dir = folder({ 'secret.md': GOOD, 'good.md': GOOD.replace('Good deck', 'Other deck') });
    chmodSync(path.join(dir, 'secret.md'), 0o000);
    const library = await load(dir);
    expect(library.problems).toEqual([{ file: path.join(dir, 'secret.md'), message: 'cannot read: permission denied' }]);
    expect(library.decks).toHaveLength(1);
  });

  it('names a broken link to a note', async () => {
    const dir = folder({ 'good.md': GOOD });
    symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'broken.md'));
    const library = await load(dir);
    expect(library.problems).toEqual([{ file: path.join(dir, 'broken.md'), message: 'cannot read: a broken link, or the file went away' }]);
    expect(library.decks).toHaveLength(1);
  });

  it('excludes a file with recall: false, without a problem', async () => {
    const library = await load(folder({ 'private.md': `---\nrecall: false\n---\n${GOOD}` }));
    expect(library.problems).toEqual([]);
    expect(library.decks).toEqual([]);
  });
});

describe('a note the pipeline cannot handle', () => {
  it('becomes a problem naming the file instead of stopping the load', () => {
    const broken = { ...DEFAULT_SETTINGS, skipTitles: null as unknown as string[] };
    const result = cardsFromFile(GOOD, 'odd.md', 'odd.md', broken);
    expect(result.deck).toBeNull();
    expect(result.problems).toEqual([{ file: 'odd.md', message: expect.stringMatching(/^recall could not make cards from this note \(.+\); please report it$/) }]);
  });
});

describe('odd but valid input', () => {
  it('parses CRLF line endings and a BOM like LF', () => {
    const lf = `---\ntitle: T\n---\n${GOOD}\n## Other\n\n- one point here\n- two points here\n`;
    const crlf = `\ufeff${lf.replace(/\n/g, '\r\n')}`;
    const strip = (r: ReturnType<typeof cardsOf>) => r.cards.map((c) => ({ ...c, source: { ...c.source } }));
    expect(strip(cardsOf(crlf))).toEqual(strip(cardsOf(lf)));
    expect(cardsOf(crlf).cards[0]!.source.line).toBe(8);
  });

  it('reads file names with spaces, colons and newlines, keyed by their relative path', async () => {
    const names = ['with space.md', 'a:colon.md', 'new\nline.md', 'sub dir/2018-03-12-dated note.md'];
    const note = '## Section\n\nThis section has more than enough words to make a card.\n\n## Another\n\nAnd one more section with words.\n';
    const dir = folder(Object.fromEntries(names.map((n) => [n, note])));
    const library = await load(dir);
    expect(library.problems).toEqual([]);
    expect(library.decks.map((d) => d.key).sort()).toEqual([...names].sort());
    expect(library.decks.find((d) => d.key.startsWith('sub dir'))!.title).toBe('dated note');
  });

  it('keeps headings with no body in the outline and makes no card for them', () => {
    const result = cardsOf('# Deck\n\n## Empty\n\n## Also empty\n### Nested empty\n\n## Full\n\nThis one has enough words for a card.\n');
    expect(result.deck!.chapters.map((c) => [c.title, c.cards])).toEqual([['Empty', 0], ['Also empty', 0], ['Full', 1]]);
    expect(result.cards).toHaveLength(1);
  });

  // Generous timeouts: the machine is shared, and these measure correctness, not speed.
  it('handles 10 000 headings in one file', { timeout: 120_000 }, () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `## Heading ${i}\n\nBody text number ${i} with enough words.\n`).join('\n');
    const result = cardsOf(text);
    expect(result.deck!.chapters).toHaveLength(10_000);
    expect(result.cards).toHaveLength(10_000);
    expect(result.cards[9_999]!.source.line).toBe(9_999 * 4 + 3);
  });

  it('handles deeply nested lists', { timeout: 120_000 }, () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- level ${i} item text`).join('\n');
    const result = cardsOf(`## Deep\n\n${deep}\n`);
    expect(result.problems).toEqual([]);
    expect(result.cards.length).toBeGreaterThan(0);
    expect(result.cards.map((c) => c.back).join('\n')).toContain('level 199 item text');
  });
});
