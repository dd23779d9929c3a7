/**
 * Loading decks: folders are walked for `*.md` notes, each file is read and decoded, then run through
 * `cardsFromFile`. A bad file never stops the others: it becomes a problem naming the file.
 * Identical cards across decks are kept once, the first in path order (parse-notes composes the library).
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { Settings } from '../store/settings.js';
import type { Library } from './card.js';
import type { LintFinding } from './deck.js';
import { NoteStamps, ParseCache } from './parse-cache.js';
import type { NoteRead, NoteSource, ParseIo } from './parse-notes.js';
import type { DeckColumns } from './stored-decks.js';

export type CardOptions = Pick<Settings, 'maxCardChars' | 'maxCardItems' | 'summaryWords' | 'skipTitles'>;

/** A library with what `recall cards --lint` reports, and its decks as columns (what a listing is written from). */
export interface LintedLibrary extends Library {
  readonly lint: readonly LintFinding[];
  readonly deckColumns: DeckColumns;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.obsidian', '.trash']);

/** `path.join(dir, name)` for a normalised `dir` and a name read from it (no separators, never `.` or `..`), without join's cost per file. */
const childPath = (dir: string, name: string): string => (dir === '.' ? name : dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);

/** A folder being walked: as given joined with the relative path, and relative to the deck folder. */
interface Folder {
  readonly shown: string;
  readonly relative: string;
}

/**
 * The notes found, in path order, and their stamps when asked for: each note is statted as it is found,
 * right after its folder is read, while the folder's entries are fresh in the kernel's caches.
 */
class FoundNotes {
  readonly notes: NoteSource[] = [];
  readonly problems: Problem[] = [];
  /** Files already found: only several deck paths can name one twice. */
  private readonly seen: Set<string> | undefined;

  constructor(
    readonly stamps: NoteStamps | undefined,
    deckPaths: number,
  ) {
    this.seen = deckPaths > 1 ? new Set() : undefined;
  }

  add(note: NoteSource): void {
    if (this.seen) {
      // The same file named by two deck paths is read once, the first path naming it wins.
      const resolved = path.resolve(note.file);
      if (this.seen.has(resolved)) return;
      this.seen.add(resolved);
    }
    this.notes.push(note);
    this.stamps?.add(statOf(note.file));
  }
}

/**
 * Adds the notes in `folder` to `found`, each named by the path as found (the given folder joined with
 * the relative path) and keyed by its path relative to the deck folder; returns how many there were.
 */
function notesIn(folder: Folder, found: FoundNotes): number {
  let entries;
  try {
    entries = readdirSync(folder.shown, { withFileTypes: true });
  } catch (error) {
    found.problems.push({ file: folder.shown, message: `cannot read this folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return 0;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let count = 0;
  for (const entry of entries) {
    const { name } = entry;
    const relative = folder.relative ? `${folder.relative}/${name}` : name;
    if (entry.isDirectory()) {
      if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) count += notesIn({ shown: childPath(folder.shown, name), relative }, found);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && /\.md$/i.test(name)) {
      found.add({ file: childPath(folder.shown, name), deckKey: relative });
      count++;
    }
  }
  return count;
}

/** Adds the notes a deck path names to `found`, or the problem that stops it. */
function addNotesOf(deckPath: string, found: FoundNotes): void {
  const info = statOf(deckPath);
  if (!info) found.problems.push({ file: deckPath, message: 'no such file or folder; check the deck path' });
  else if (!info.isDirectory()) found.add({ file: deckPath, deckKey: path.basename(deckPath) });
  else if (notesIn({ shown: path.join(deckPath, ''), relative: '' }, found) === 0) found.problems.push({ file: deckPath, message: 'no .md notes in this folder' });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's text, or the problem that keeps it from being a note. */
async function noteTextOf(file: string): Promise<NoteRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { problem: 'cannot read: permission denied' };
    if (code === 'ENOENT') return { problem: 'cannot read: a broken link, or the file went away' };
    return { problem: `cannot read (${code ?? 'error'})` };
  }
  if (bytes.length === 0 || /^\s*$/.test(bytes.toString('latin1'))) return { problem: 'empty note: nothing to make cards from' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { problem: 'UTF-16 text; save it as UTF-8' };
  if (bytes.includes(0)) return { problem: 'binary file, not a markdown note' };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { problem: 'not UTF-8 text; save it as UTF-8' };
  }
}

/** A file's stat; undefined where it cannot be statted (reading a note will say why). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Reads the decks at `paths` (folders recursively, or files) into cards, outlines and problems. With
 * `io.cacheDir`, unchanged notes come from the parse cache, and an unchanged library as a whole, its
 * cards and lint read when first used; `io.progress` follows the notes parsed.
 */
export async function loadLibrary(paths: readonly string[], options: CardOptions, io: ParseIo = {}): Promise<LintedLibrary> {
  const cache = io.cacheDir === undefined ? undefined : ParseCache.open(io.cacheDir, options);
  const found = new FoundNotes(cache && new NoteStamps(), paths.length);
  for (const deckPath of paths) addNotesOf(deckPath, found);
  const { notes, stamps = new NoteStamps(), problems: walkProblems } = found;
  const stored = cache?.storedLibrary(notes, stamps);
  if (stored) return withWalkProblems(stored, walkProblems);
  // The pipeline (markdown, YAML) is loaded only when the library is not in the cache as a whole.
  const { cardsFromNotes, composedLibrary } = await import('./parse-notes.js');
  const outcomes = await cardsFromNotes(notes, noteTextOf, options, cache && { cache, stamps }, io.progress);
  const { library, parts } = composedLibrary(notes, outcomes);
  if (cache && io.cacheDir !== undefined) {
    cache.keepLibrary({ decks: library.decks, problems: library.problems, lint: library.lint, parts });
    try {
      cache.save();
      // Served as a warm start serves it: the library made here (every card and outline decoded, and
      // what parsing left behind) is dropped rather than kept for the whole run.
      const saved = ParseCache.open(io.cacheDir, options).storedLibrary(notes, stamps);
      if (saved) return withWalkProblems(saved, walkProblems);
    } catch {
      // The cache only saves time; a read-only or full disk must not stop the decks from loading.
    }
  }
  return withWalkProblems(library, walkProblems);
}

/** `library` with the problems of walking the folders first; its decks, cards and lint read when first asked for. */
function withWalkProblems(library: LintedLibrary, walkProblems: readonly Problem[]): LintedLibrary {
  return {
    problems: [...walkProblems, ...library.problems],
    get decks() {
      return library.decks;
    },
    get deckColumns() {
      return library.deckColumns;
    },
    get cards() {
      return library.cards;
    },
    get lint() {
      return library.lint;
    },
  };
}
