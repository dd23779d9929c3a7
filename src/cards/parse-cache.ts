/**
 * A cache of parsed notes, so re-opening unchanged decks skips the markdown pipeline. An entry is keyed
 * by a hash of everything `cardsFromFile` reads: the note's text, its path and deck key, the card rules
 * and the code that parses (a different build never reads another build's entries). A changed note
 * hashes differently, so a stale card cannot be served whatever the file's size or mtime say.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { CardRules } from './candidates.js';
import type { FileCards } from './deck.js';

const FORMAT = 1;
const FILE_NAME = 'notes.v8';

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

interface Stored {
  readonly format: number;
  readonly code: string;
  readonly entries: [string, FileCards][];
}

export class ParseCache {
  private readonly used = new Map<string, FileCards>();
  private added = 0;

  private constructor(
    private readonly file: string,
    private readonly code: string,
    private readonly rules: string,
    private readonly stored: ReadonlyMap<string, FileCards>,
  ) {}

  /** The cache in `dir` for these rules; a missing, unreadable or other-build cache starts empty. */
  static open(dir: string, rules: CardRules): ParseCache {
    const file = join(dir, FILE_NAME);
    const code = codeVersion();
    let stored = new Map<string, FileCards>();
    try {
      const data = deserialize(readFileSync(file)) as Stored;
      if (data.format === FORMAT && data.code === code) stored = new Map(data.entries);
    } catch {
      // No cache yet, or a damaged one: it is rebuildable, so start over.
    }
    return new ParseCache(file, code, JSON.stringify(cardRules(rules)), stored);
  }

  /** The key of a note: its text, where it is, the rules and the code. */
  key(text: string, file: string, deckKey: string): string {
    return createHash('sha256')
      .update(`${this.code}\0${this.rules}\0${file}\0${deckKey}\0`)
      .update(text)
      .digest('base64url');
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
   * Writes the cache when something was parsed. Entries of this run are kept, and older ones while they
   * are fewer than those (so switching between two deck sets does not parse everything each time).
   */
  save(): void {
    if (this.added === 0) return;
    const entries = [...this.used];
    const room = Math.max(this.used.size, 1000);
    for (const entry of this.stored) {
      if (entries.length >= this.used.size + room) break;
      if (!this.used.has(entry[0])) entries.push(entry);
    }
    const data: Stored = { format: FORMAT, code: this.code, entries };
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize(data), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
