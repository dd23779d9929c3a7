/**
 * Loading decks: folders are walked for `*.md` notes, each file is read and decoded, then run through
 * `cardsFromFile`. A bad file never stops the others: it becomes a problem naming the file.
 * Identical cards across decks are kept once, the first in path order (parse-notes composes the library).
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { Settings } from '../store/settings.js';
import type { Library } from './card.js';
import type { LintFinding } from './deck.js';
import { NoteStamps, ParseCache } from './parse-cache.js';
import type { NoteRead, NoteSource, ParseIo } from './parse-notes.js';

export type CardOptions = Pick<Settings, 'maxCardChars' | 'maxCardItems' | 'summaryWords' | 'skipTitles'>;

/** A library with what `recall cards --lint` reports. */
export interface LintedLibrary extends Library {
  readonly lint: readonly LintFinding[];
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
 * The notes in `folder`, each named by the path as found (the given folder joined with the relative
 * path) and keyed by its path relative to the deck folder. Walked without awaiting each folder: a hundred
 * folders' round trips through the thread pool cost more than the reads.
 */
function notesIn(folder: Folder, out: NoteSource[], problems: Problem[]): void {
  let entries;
  try {
    entries = readdirSync(folder.shown, { withFileTypes: true });
  } catch (error) {
    problems.push({ file: folder.shown, message: `cannot read this folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const { name } = entry;
    const relative = folder.relative ? `${folder.relative}/${name}` : name;
    if (entry.isDirectory()) {
      if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) notesIn({ shown: childPath(folder.shown, name), relative }, out, problems);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && /\.md$/i.test(name)) {
      out.push({ file: childPath(folder.shown, name), deckKey: relative });
    }
  }
}

/** The notes a deck path names, or the problem that stops it. */
async function noteFiles(deckPath: string, problems: Problem[]): Promise<NoteSource[]> {
  let info;
  try {
    info = await stat(deckPath);
  } catch {
    problems.push({ file: deckPath, message: 'no such file or folder; check the deck path' });
    return [];
  }
  if (!info.isDirectory()) return [{ file: deckPath, deckKey: path.basename(deckPath) }];
  const found: NoteSource[] = [];
  notesIn({ shown: path.join(deckPath, ''), relative: '' }, found, problems);
  if (found.length === 0) problems.push({ file: deckPath, message: 'no .md notes in this folder' });
  return found;
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

/** A note's stat; undefined where it cannot be statted (reading it will say why). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Every note the deck paths name, each file once (the first path naming it wins), in path order. */
async function notesOf(paths: readonly string[], problems: Problem[]): Promise<NoteSource[]> {
  // One deck path names each file once: only several can name one twice.
  if (paths.length === 1) return noteFiles(paths[0] as string, problems);
  const seenFiles = new Set<string>();
  const notes: NoteSource[] = [];
  for (const deckPath of paths) {
    for (const note of await noteFiles(deckPath, problems)) {
      // The same file named by two deck paths is read once.
      const resolved = path.resolve(note.file);
      if (seenFiles.has(resolved)) continue;
      seenFiles.add(resolved);
      notes.push(note);
    }
  }
  return notes;
}

/**
 * Reads the decks at `paths` (folders recursively, or files) into cards, outlines and problems. With
 * `io.cacheDir`, unchanged notes come from the parse cache, and an unchanged library as a whole, its
 * cards and lint read when first used; `io.progress` follows the notes parsed.
 */
export async function loadLibrary(paths: readonly string[], options: CardOptions, io: ParseIo = {}): Promise<LintedLibrary> {
  const walkProblems: Problem[] = [];
  const notes = await notesOf(paths, walkProblems);
  const cache = io.cacheDir === undefined ? undefined : ParseCache.open(io.cacheDir, options);
  const stamps = NoteStamps.of(cache ? notes.length : 0, (i) => statOf(notes[i]!.file));
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

/** `library` with the problems of walking the folders first; its cards and lint read when first asked for. */
function withWalkProblems(library: LintedLibrary, walkProblems: readonly Problem[]): LintedLibrary {
  return {
    decks: library.decks,
    problems: [...walkProblems, ...library.problems],
    get cards() {
      return library.cards;
    },
    get lint() {
      return library.lint;
    },
  };
}
