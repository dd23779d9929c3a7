/**
 * A cache of parsed notes, so re-opening unchanged decks skips the markdown pipeline.
 *
 * An entry is keyed by a hash of everything `cardsFromFile` reads: the hash of the note's text, its path
 * and deck key, the card rules and the code that parses (another build never reads this build's
 * entries). A changed note hashes differently, so its old cards cannot come back.
 *
 * Hashing needs the text, and reading ten thousand files is most of a warm start, so the cache also
 * remembers each file's text hash under its stat fingerprint (device, inode, size, mtime and ctime, in
 * Node's fractional milliseconds: finer than the file system's timestamp tick). Rewriting a file changes
 * its ctime even when its size and mtime are kept (ctime cannot be set back), and an editor's
 * save-by-rename changes its inode. The one gap, as in git's index: a file
 * changed twice within one timestamp tick right around a save. So a fingerprint is only kept when the
 * file's ctime is clearly older than the save itself (`RACY_MS`); a newer file is read and hashed again
 * next time.
 *
 * On top of the entries, the cache keeps the libraries last made from them (their decks, problems,
 * lint and cards) each in a file of its own, named by the entries file it reads card texts from and
 * its deck set, holding every note's path, deck key and stat, which must all be as they are now for
 * it to be served. Re-opening an unchanged library reads only that (a few MB of columns) and not one
 * entry; switching between deck sets writes a small library file, not the entries again.
 *
 * The entries file: each entry (its cards' texts, then everything else) one after the other, then the
 * index (fingerprints and where each entry is), then a footer saying where that is and naming this
 * version of the file (a library file names the entries file it reads card texts from). Card texts are
 * read when a card's front or back is (stored-card); a save writes a new file and renames it over the
 * old one, so a reader's open file never changes under it. Entries parsed in this run are written as
 * soon as they are parsed, so a first parse never holds every card's text in memory.
 */
import { fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from '../errors.js';
import { nodeCrypto } from '../node-crypto.js';
import { fnv1a } from '../schedule/fnv1a.js';
import { decodedEntry, entryCardColumns, type EncodedEntry } from './cache-entry.js';
import type { CardRules } from './candidates.js';
import type { Card, DeckOutline } from './card.js';
import type { FileCards, LintFinding } from './deck.js';
import type { LintedLibrary } from './library.js';
import type { NoteSource } from './parse-notes.js';
import { CardTexts } from './stored-card.js';
import { joinedCardColumns, storedCards, type CardColumns, type CardPart } from './stored-columns.js';
import { deckColumns, decksOf, type DeckColumns } from './stored-decks.js';

const FORMAT = 8;
const FILE_NAME = 'notes.v8';
/** The file's last bytes: what tells a cache file from anything else. */
const MAGIC = Buffer.from('\nrecall parse cache\n');
/** The footer is small JSON; this bounds what is read to find it. */
const FOOTER_MAX = 16 * 1024;
/** Bytes copied at once from the old entries file to the new. */
const COPY_CHUNK = 4 * 1024 * 1024;
/** The entries file is compacted when entries no longer used take more than this beside twice the used ones. */
const COMPACT_SLACK = 16 * 1024 * 1024;
/** Library files kept: the deck sets last opened (the newest win). */
const LIBRARIES_KEPT = 4;
/** Files changed less than this before a save are re-hashed on the next start (timestamp ticks, clock skew). */
const RACY_MS = 2000;

/**
 * The card rules alone, out of whatever settings object was passed: other settings never invalidate the
 * cache. Typed as every field of CardRules, so a rule added there cannot be left out of the key.
 */
export function cardRules(o: CardRules): Required<CardRules> {
  return { maxCardChars: o.maxCardChars, maxCardItems: o.maxCardItems, summaryWords: o.summaryWords, skipTitles: o.skipTitles };
}

/**
 * The identity of the parsing code: this module's own bytes and the names of the files beside it (in
 * the bundle, chunk names carry a hash of their content, so any change to the pipeline renames one).
 * Hashed with FNV, not SHA-256: a warm start then never loads node:crypto.
 */
function codeVersion(): string {
  const self = fileURLToPath(import.meta.url);
  const text = readFileSync(self, 'latin1');
  const names = readdirSync(dirname(self)).sort().join('\0');
  return [fnv1a(text), text.length, fnv1a(names), names.length].map((n) => n.toString(36)).join('.');
}

/** SHA-256 of `text`, base64url. */
export const textHash = (text: string): string => nodeCrypto().createHash('sha256').update(text).digest('base64url');

/** What the cache keeps of a file's stat: its fingerprint, and its ctime to tell a file changed around a save. */
export interface FileStamp {
  readonly fingerprint: string;
  readonly ctimeMs: number;
}

const STAMP_FIELDS = 5;

/**
 * The stats of a list of notes as numbers (device, inode, size, mtime, ctime; NaN where a note could not
 * be statted): ten thousand of them are compared, as a whole, as these bytes. Each stat is
 * added as its note is found and dropped at once: ten thousand stats kept are garbage collector work.
 */
export class NoteStamps {
  private values = new Float64Array(STAMP_FIELDS * 256);
  private count = 0;

  /** Adds the stamp of the next note from its stat (undefined: it could not be statted). */
  add(s: Stats | undefined): void {
    if (STAMP_FIELDS * (this.count + 1) > this.values.length) {
      const larger = new Float64Array(2 * this.values.length);
      larger.set(this.values);
      this.values = larger;
    }
    const at = STAMP_FIELDS * this.count++;
    if (!s) {
      this.values.fill(NaN, at, at + STAMP_FIELDS);
      return;
    }
    this.values[at] = s.dev;
    this.values[at + 1] = s.ino;
    this.values[at + 2] = s.size;
    this.values[at + 3] = s.mtimeMs;
    this.values[at + 4] = s.ctimeMs;
  }

  get bytes(): Uint8Array {
    return new Uint8Array(this.values.buffer, 0, 8 * STAMP_FIELDS * this.count);
  }

  /** The stamp of the `i`th note; undefined when it could not be statted. */
  stamp(i: number): FileStamp | undefined {
    const v = this.values.subarray(STAMP_FIELDS * i, STAMP_FIELDS * (i + 1));
    if (Number.isNaN(v[0])) return undefined;
    return { fingerprint: v.join(':'), ctimeMs: v[4] as number };
  }

  /** Whether every note was statted and changed before `ms`. */
  allBefore(ms: number): boolean {
    for (let at = 4; at < STAMP_FIELDS * this.count; at += STAMP_FIELDS) if (!((this.values[at] as number) < ms)) return false;
    return true;
  }
}

interface Known extends FileStamp {
  readonly text: string;
}

/** Bytes of the file: offset and length. */
type Section = readonly [at: number, bytes: number];

/** Where an entry is: its card texts from `at`, then its meta (v8). */
interface Place {
  readonly at: number;
  readonly textBytes: number;
  readonly metaBytes: number;
}

interface Index {
  readonly files: [string, Known][];
  readonly entries: [string, Place][];
}

interface Footer {
  readonly format: number;
  readonly code: string;
  /** Names this version of the entries file. */
  readonly generation: string;
}

interface NotesFooter extends Footer {
  readonly index: Section;
}

/** Which notes a library was made of: each one's path and deck key, and their stamps. */
interface LibraryNotes {
  readonly names: string;
  readonly stamps: Uint8Array;
}

interface LibraryFooter extends Footer {
  readonly rules: string;
  /** Which notes it was made of (LibraryNotes). */
  readonly notes: Section;
  readonly decks: Section;
  readonly problems: Section;
  readonly lint: Section;
  /** Their texts are in the entries file of `generation`. */
  readonly cards: Section;
}

/**
 * An entry in use: where it is (in the file read, or the one being written). Its cards are decoded from
 * there whenever asked for, not kept: ten thousand notes' cards held through a first parse were most of
 * its memory, and the library made from them keeps its own.
 */
interface Entry {
  readonly texts: CardTexts;
  readonly place: Place;
}

/** What a library made from notes is, for the cache: the notes' part of it, and which entries' cards it lists. */
export interface LibraryRecord {
  readonly decks: readonly DeckOutline[];
  /** Problems of the notes (not of walking folders). */
  readonly problems: readonly Problem[];
  readonly lint: readonly LintFinding[];
  /** The entries whose cards the library lists, in order, with which of their cards it keeps (null: all). */
  readonly parts: readonly { readonly key: string; readonly kept: readonly boolean[] | null }[];
}

/** The file being written: appended to, and readable for the card texts already in it. */
class CacheWriter {
  readonly texts: CardTexts;
  /** The file system's "now" when the save began: what a note's ctime must be clearly before. */
  readonly startedMs: number;
  private end = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fd = openSync(path, 'w+', 0o600);
    this.texts = new CardTexts(fd);
    this.startedMs = fstatSync(fd).mtimeMs;
  }

  /** Appends `buffer`; where it went. */
  append(buffer: Uint8Array): Section {
    const at = this.end;
    for (let done = 0; done < buffer.length; ) done += writeSync(this.texts.fd, buffer, done, buffer.length - done, at + done);
    this.end += buffer.length;
    return [at, buffer.length];
  }

  /** Appends an entry (its texts and meta). */
  appendEntry({ bytes, textBytes }: EncodedEntry): Place {
    const [at] = this.append(bytes);
    return { at, textBytes, metaBytes: bytes.length - textBytes };
  }

  /** Copies an entry from the file `from` is reading. */
  copy(from: CardTexts, place: Place): Place {
    const [at] = this.append(from.bytes(place.at, place.textBytes + place.metaBytes));
    return { ...place, at };
  }

  /** Appends the first `bytes` bytes of the file `from` reads, a few MB at a time. */
  copyStart(from: CardTexts, bytes: number): void {
    for (let at = 0; at < bytes; at += COPY_CHUNK) this.append(from.bytes(at, Math.min(COPY_CHUNK, bytes - at)));
  }

  get size(): number {
    return this.end;
  }
}

/** The bytes of an entry's meta (everything but its cards' texts), read from its file. */
const metaBytes = ({ texts, place }: Entry): Buffer => texts.bytes(place.at + place.textBytes, place.metaBytes);

/** An entry's cards, read from its file, and where each card's texts are in it. */
const decoded = (entry: Entry) => decodedEntry(metaBytes(entry), entry.texts, entry.place.at);

const readSection = <T>(texts: CardTexts, [at, bytes]: Section): T => deserialize(texts.bytes(at, bytes)) as T;

/** The footer of the file `texts` reads, or undefined when it is not a cache file of this format and code. */
function footerOf<T extends Footer>(texts: CardTexts, code: string): T | undefined {
  const size = fstatSync(texts.fd).size;
  const tail = texts.bytes(Math.max(0, size - FOOTER_MAX), Math.min(size, FOOTER_MAX));
  if (tail.length < MAGIC.length + 4 || !tail.subarray(tail.length - MAGIC.length).equals(MAGIC)) return undefined;
  const jsonEnd = tail.length - MAGIC.length - 4;
  const jsonBytes = tail.readUInt32LE(jsonEnd);
  if (jsonBytes > jsonEnd) return undefined;
  const footer = JSON.parse(tail.toString('utf8', jsonEnd - jsonBytes, jsonEnd)) as T;
  return footer.format === FORMAT && footer.code === code ? footer : undefined;
}

/** Ends the file `writer` writes with `footer` and puts it in place of `path`. */
function finish<T extends Footer>(writer: CacheWriter, footer: T, path: string): void {
  const json = Buffer.from(JSON.stringify(footer));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  writer.append(Buffer.concat([json, length, MAGIC]));
  renameSync(writer.path, path);
}

export class ParseCache {
  private readonly used = new Map<string, Entry>();
  private readonly seen = new Map<string, Known>();
  private added = 0;
  private index?: { readonly files: ReadonlyMap<string, Known>; readonly entries: ReadonlyMap<string, Place> };
  /** The file being written (created on the first entry parsed or at the save); null: writing failed. */
  private writer?: CacheWriter | null;
  /** The library of this run: its file's name, which notes it is of, and what it is once made. */
  private library?: { readonly name: string; readonly names: string; readonly stamps: NoteStamps; record?: LibraryRecord };

  private constructor(
    private readonly file: string,
    private readonly code: string,
    private readonly rules: string,
    /** The file as it was when opened, and its footer; absent: no usable cache. */
    private readonly stored?: { readonly texts: CardTexts; readonly footer: NotesFooter },
  ) {}

  /** The cache in `dir` for these rules; a missing, unreadable or other-build cache starts empty. */
  static open(dir: string, rules: CardRules): ParseCache {
    const file = join(dir, FILE_NAME);
    const code = codeVersion();
    const ruleKey = JSON.stringify(cardRules(rules));
    let texts: CardTexts;
    try {
      texts = new CardTexts(openSync(file, 'r'));
    } catch {
      return new ParseCache(file, code, ruleKey);
    }
    let footer: NotesFooter | undefined;
    try {
      footer = footerOf<NotesFooter>(texts, code);
    } catch {
      // A damaged cache: it is rebuildable, so start over.
    }
    return new ParseCache(file, code, ruleKey, footer ? { texts, footer } : undefined);
  }

  /**
   * The library last made from exactly these notes (same paths, deck keys and stats, the `i`th stamp
   * being that of `notes[i]`), or undefined. Either way, what `keepLibrary` then keeps is filed
   * under these notes. Its decks' columns and problems are read now, its decks, cards and lint when
   * first asked for.
   */
  storedLibrary(notes: readonly NoteSource[], stamps: NoteStamps): LintedLibrary | undefined {
    const names = notes.map((note) => `${note.file}\0${note.deckKey}\n`).join('');
    const name = this.libraryName(notes);
    this.library = { name, names, stamps };
    const notesFile = this.stored;
    if (!notesFile) return undefined;
    let texts: CardTexts;
    try {
      texts = new CardTexts(openSync(this.libraryFile(notesFile.footer.generation, name), 'r'));
    } catch {
      return undefined;
    }
    try {
      const footer = footerOf<LibraryFooter>(texts, this.code);
      if (footer?.rules !== this.rules || footer.generation !== notesFile.footer.generation) return undefined;
      // Compared in full, not by a hash of them: a stale library is impossible, and nothing is hashed.
      const madeOf = readSection<LibraryNotes>(texts, footer.notes);
      if (madeOf.names !== names || Buffer.compare(madeOf.stamps, stamps.bytes) !== 0) return undefined;
      const deckColumns = readSection<DeckColumns>(texts, footer.decks);
      const problems = readSection<Problem[]>(texts, footer.problems);
      let decks: DeckOutline[] | undefined;
      let cards: Card[] | undefined;
      let lint: LintFinding[] | undefined;
      return {
        deckColumns,
        problems,
        get decks() {
          return (decks ??= decksOf(deckColumns));
        },
        get cards() {
          return (cards ??= storedCards(readSection<CardColumns>(texts, footer.cards), notesFile.texts, 0));
        },
        get lint() {
          return (lint ??= readSection<LintFinding[]>(texts, footer.lint));
        },
      };
    } catch {
      return undefined;
    }
  }

  /**
   * The name of the library of `notes`, made cheaply of the rules, how many notes, the first and the last:
   * deck sets that share a name only replace each other's file (which notes a file is of is checked in full).
   */
  private libraryName(notes: readonly NoteSource[]): string {
    return fnv1a(`${this.rules}\0${notes.length}\0${notes[0]?.file ?? ''}\0${notes.at(-1)?.file ?? ''}`).toString(36);
  }

  private libraryFile(generation: string, name: string): string {
    return join(dirname(this.file), `library-${generation}-${name}.v8`);
  }

  /** Keeps `record` as the library of the notes last given to `storedLibrary`, to save with the entries. */
  keepLibrary(record: LibraryRecord): void {
    if (this.library) this.library.record = record;
  }

  private get known() {
    if (!this.index) {
      let stored: Index = { files: [], entries: [] };
      try {
        if (this.stored) stored = readSection<Index>(this.stored.texts, this.stored.footer.index);
      } catch {
        // A damaged index: every note is read and parsed again.
      }
      this.index = { files: new Map(stored.files), entries: new Map(stored.entries) };
    }
    return this.index;
  }

  /** The text hash of `path` when its stat fingerprint is the one remembered with it, else undefined. */
  knownText(path: string, stamp: FileStamp): string | undefined {
    const known = this.known.files.get(path);
    if (known?.fingerprint !== stamp.fingerprint) return undefined;
    this.seen.set(path, known);
    return known.text;
  }

  /** Remembers that `path`, as `stamp` describes it, holds text of hash `text`. */
  remember(path: string, stamp: FileStamp, text: string): void {
    this.seen.set(path, { ...stamp, text });
  }

  /** The entry key of a note: its text hash, where it is, the rules and the code. */
  key(text: string, file: string, deckKey: string): string {
    return textHash(`${this.code}\0${this.rules}\0${file}\0${deckKey}\0${text}`);
  }

  /**
   * The cards of the entry under `key`, decoded from the cache file (it is then kept by the next save);
   * undefined when there is none or it cannot be read.
   */
  get(key: string): FileCards | undefined {
    const place = this.known.entries.get(key);
    const entry = this.used.get(key) ?? (place && this.stored && { texts: this.stored.texts, place });
    if (!entry) return undefined;
    let cards: FileCards;
    try {
      cards = decoded(entry).cards;
    } catch {
      return undefined;
    }
    this.used.set(key, entry);
    return cards;
  }

  /**
   * Whether entries can be written: opens the new cache file on first use. A note parsed while it cannot
   * be is not filed (`put`), and nothing is saved.
   */
  writable(): boolean {
    return this.writing() !== undefined;
  }

  /**
   * Files a note just parsed, as `entry`, under `key`, writing it to the new cache file at once (`get`
   * reads its cards from there). Throws when the file cannot be written (it is then dropped:
   * nothing more can be filed, and `writable` says so).
   */
  put(key: string, entry: EncodedEntry): void {
    const writer = this.writing();
    if (!writer) throw new Error('the parse cache is not being written');
    try {
      this.used.set(key, { texts: writer.texts, place: writer.appendEntry(entry) });
      this.added += 1;
    } catch (error) {
      this.abandonWriting();
      throw error;
    }
  }

  /** The new cache file, created on first use; undefined once writing it has failed. */
  private writing(): CacheWriter | undefined {
    if (this.writer === undefined) {
      try {
        this.writer = new CacheWriter(`${this.file}.${process.pid}.tmp`);
        // Entries already stored keep their places: the new file starts as a copy of them.
        if (this.stored) this.writer.copyStart(this.stored.texts, this.stored.footer.index[0]);
      } catch {
        this.abandonWriting();
      }
    }
    return this.writer ?? undefined;
  }

  private abandonWriting(): void {
    if (this.writer) rmSync(this.writer.path, { force: true });
    this.writer = null;
  }

  /**
   * Writes the entries when something was parsed or a file was hashed anew (older entries are kept, so
   * switching between deck sets does not parse everything each time, until compacting keeps only this
   * run's and as many others), and the library kept, unless a note changed around the save.
   */
  save(): void {
    const rehashed = [...this.seen].some(([path, known]) => this.known.files.get(path) !== known);
    let entries: { readonly generation: string; readonly placed?: ReadonlyMap<string, Place> } | undefined = this.stored?.footer;
    if (this.added > 0 || rehashed) {
      const writer = this.writing();
      if (!writer) return;
      try {
        entries = this.writeEntries(writer);
      } catch (error) {
        this.abandonWriting();
        throw error;
      }
      this.writer = null;
    }
    if (!entries) return;
    if (this.library?.record) this.writeLibrary(this.library, this.library.record, entries);
    this.pruneLibraries(entries.generation);
  }

  /**
   * Ends the entries file `appended` (the old entries, then this run's) with the index, or, when most of
   * it is entries no longer used, writes a compacted one instead.
   */
  private writeEntries(appended: CacheWriter): { generation: string; placed: ReadonlyMap<string, Place> } {
    const live = [...this.used.values()].reduce((sum, { place }) => sum + place.textBytes + place.metaBytes, 0);
    let writer = appended;
    let placed: Map<string, Place>;
    if (appended.size > 2 * live + COMPACT_SLACK) {
      writer = new CacheWriter(`${this.file}.${process.pid}.compact.tmp`);
      try {
        placed = this.copiedEntries(writer);
      } catch (error) {
        rmSync(writer.path, { force: true });
        throw error;
      }
      rmSync(appended.path, { force: true });
    } else {
      placed = new Map(this.known.entries);
      for (const [key, entry] of this.used) placed.set(key, entry.place);
    }
    const files = [...this.seen].filter(([, known]) => known.ctimeMs < writer.startedMs - RACY_MS);
    const index = writer.append(serialize({ files, entries: [...placed] } satisfies Index));
    const generation = nodeCrypto().randomBytes(12).toString('base64url');
    finish(writer, { format: FORMAT, code: this.code, generation, index } satisfies NotesFooter, this.file);
    return { generation, placed };
  }

  /** Copies the entries of this run, and older ones while they are fewer than those, to `writer`. */
  private copiedEntries(writer: CacheWriter): Map<string, Place> {
    const placed = new Map<string, Place>();
    for (const [key, entry] of this.used) placed.set(key, writer.copy(entry.texts, entry.place));
    const room = this.used.size + Math.max(this.used.size, 1000);
    for (const [key, place] of this.known.entries) {
      if (placed.size >= room) break;
      if (!placed.has(key) && this.stored) placed.set(key, writer.copy(this.stored.texts, place));
    }
    return placed;
  }

  /**
   * Writes the library file, its card texts where the entries file of `generation` has them (`placed`
   * when it was just written, else where they were read from); not when a note changed around the save.
   */
  private writeLibrary(
    { name, names, stamps }: { readonly name: string; readonly names: string; readonly stamps: NoteStamps },
    record: LibraryRecord,
    { generation, placed }: { readonly generation: string; readonly placed?: ReadonlyMap<string, Place> },
  ): void {
    const parts: CardPart[] = [];
    for (const { key: entryKey, kept } of record.parts) {
      const entry = this.used.get(entryKey);
      const place = placed ? placed.get(entryKey) : entry?.texts === this.stored?.texts ? entry?.place : undefined;
      if (!entry || !place) return;
      // Each entry's card columns are read when joined, one after the other: no card is decoded.
      parts.push({
        get columns() {
          return entryCardColumns(metaBytes(entry));
        },
        kept,
        base: place.at,
      });
    }
    const path = this.libraryFile(generation, name);
    const writer = new CacheWriter(`${path}.${process.pid}.tmp`);
    try {
      if (!stamps.allBefore(writer.startedMs - RACY_MS)) {
        rmSync(writer.path, { force: true });
        return;
      }
      const footer: LibraryFooter = {
        format: FORMAT,
        code: this.code,
        generation,
        rules: this.rules,
        // A copy: the stamps' own bytes are a view of a larger buffer, which serialize would write whole.
        notes: writer.append(serialize({ names, stamps: stamps.bytes.slice() } satisfies LibraryNotes)),
        decks: writer.append(serialize(deckColumns(record.decks))),
        problems: writer.append(serialize(record.problems)),
        lint: writer.append(serialize(record.lint)),
        cards: writer.append(serialize(joinedCardColumns(parts))),
      };
      finish(writer, footer, path);
    } catch (error) {
      rmSync(writer.path, { force: true });
      throw error;
    }
  }

  /**
   * Removes the library files of other entries files (never served again) and all but the newest of
   * this one's (a reader keeps reading a file it has open).
   */
  private pruneLibraries(generation: string): void {
    const dir = dirname(this.file);
    const names = readdirSync(dir).filter((name) => /^library-.*\.v8$/.test(name));
    const current = `library-${generation}-`;
    const kept = names
      .filter((name) => name.startsWith(current))
      .map((name) => ({ name, ms: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, LIBRARIES_KEPT)
      .map(({ name }) => name);
    for (const name of names) if (!kept.includes(name)) rmSync(join(dir, name), { force: true });
  }
}
