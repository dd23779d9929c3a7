/**
 * A cache of parsed notes, so re-opening unchanged decks skips the markdown pipeline.
 *
 * An entry is keyed by a hash of everything `cardsFromFile` reads: the hash of the note's text, its path
 * and deck key, the card rules and the code that parses (another build never reads this build's
 * entries). A changed note hashes differently, so its old cards cannot come back.
 *
 * Hashing needs the text, and reading ten thousand files is most of a warm start, so the cache also
 * remembers each file's text hash under its stat fingerprint (device, inode, size, mtime and ctime in
 * nanoseconds). Rewriting a file changes its ctime even when its size and mtime are kept (ctime cannot be
 * set back), and an editor's save-by-rename changes its inode. The one gap, as in git's index: a file
 * changed twice within one timestamp tick right around a save. So a fingerprint is only kept when the
 * file's ctime is clearly older than the save itself (`RACY_NS`); a newer file is read and hashed again
 * next time.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync, type BigIntStats } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { CardRules } from './candidates.js';
import type { FileCards } from './deck.js';

const FORMAT = 2;
const FILE_NAME = 'notes.v8';
/** Files changed less than this before a save are re-hashed on the next start (timestamp ticks, clock skew). */
const RACY_NS = 2_000_000_000n;

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
 */
function codeVersion(): string {
  const self = fileURLToPath(import.meta.url);
  const hash = createHash('sha256').update(readFileSync(self));
  for (const name of readdirSync(dirname(self)).sort()) hash.update(`${name}\0`);
  return hash.digest('base64url');
}

export const textHash = (text: string): string => createHash('sha256').update(text).digest('base64url');

const fingerprint = (s: BigIntStats): string => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

interface Known {
  readonly fingerprint: string;
  readonly ctimeNs: bigint;
  readonly text: string;
}

interface Stored {
  readonly format: number;
  readonly code: string;
  readonly entries: [string, FileCards][];
  readonly files: [string, Known][];
}

export class ParseCache {
  private readonly used = new Map<string, FileCards>();
  private readonly seen = new Map<string, Known>();
  private added = 0;

  private constructor(
    private readonly file: string,
    private readonly code: string,
    private readonly rules: string,
    private readonly stored: ReadonlyMap<string, FileCards>,
    private readonly files: ReadonlyMap<string, Known>,
  ) {}

  /** The cache in `dir` for these rules; a missing, unreadable or other-build cache starts empty. */
  static open(dir: string, rules: CardRules): ParseCache {
    const file = join(dir, FILE_NAME);
    const code = codeVersion();
    let stored: Stored | undefined;
    try {
      const data = deserialize(readFileSync(file)) as Stored;
      if (data.format === FORMAT && data.code === code) stored = data;
    } catch {
      // No cache yet, or a damaged one: it is rebuildable, so start over.
    }
    return new ParseCache(file, code, JSON.stringify(cardRules(rules)), new Map(stored?.entries), new Map(stored?.files));
  }

  /** The text hash of `path` when its stat fingerprint is the one remembered with it, else undefined. */
  knownText(path: string, stats: BigIntStats): string | undefined {
    const known = this.files.get(path);
    if (known?.fingerprint !== fingerprint(stats)) return undefined;
    this.seen.set(path, known);
    return known.text;
  }

  /** Remembers that `path`, as `stats` describe it, holds text of hash `text`. */
  remember(path: string, stats: BigIntStats, text: string): void {
    this.seen.set(path, { fingerprint: fingerprint(stats), ctimeNs: stats.ctimeNs, text });
  }

  /** The entry key of a note: its text hash, where it is, the rules and the code. */
  key(text: string, file: string, deckKey: string): string {
    return createHash('sha256').update(`${this.code}\0${this.rules}\0${file}\0${deckKey}\0${text}`).digest('base64url');
  }

  get(key: string): FileCards | undefined {
    const hit = this.stored.get(key) ?? this.used.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  put(key: string, value: FileCards): void {
    this.used.set(key, value);
    this.added += 1;
  }

  /**
   * Writes the cache when something was parsed or a file was hashed anew. Entries of this run are kept,
   * and older ones while they are fewer than those (so switching between two deck sets does not parse
   * everything each time).
   */
  save(): void {
    const rehashed = [...this.seen].some(([path, known]) => this.files.get(path) !== known);
    if (this.added === 0 && !rehashed) return;
    const entries = [...this.used];
    const room = Math.max(this.used.size, 1000);
    for (const entry of this.stored) {
      if (entries.length >= this.used.size + room) break;
      if (!this.used.has(entry[0])) entries.push(entry);
    }
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      // The new file's own mtime is the file system's "now": what a note's ctime must be clearly before.
      const savedNs = fstatSync(fd, { bigint: true }).mtimeNs;
      const files = [...this.seen].filter(([, known]) => known.ctimeNs < savedNs - RACY_NS);
      const data: Stored = { format: FORMAT, code: this.code, entries, files };
      writeSync(fd, serialize(data));
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }
}
