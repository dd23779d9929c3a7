/**
 * Notes → cards for a whole library: unchanged notes come from the parse cache (without even reading
 * them when their stat fingerprint is known), the rest are parsed on worker threads when there is enough
 * of them to pay for starting threads, else on this one.
 */
import type { CardRules } from './candidates.js';
import type { Problem } from '../errors.js';
import type { Card, DeckOutline } from './card.js';
import { countedDeck, type FileCards, type LintFinding } from './deck.js';
import type { LintedLibrary } from './library.js';
import { cardRules, textHash, type LibraryRecord, type NoteStamps, type ParseCache } from './parse-cache.js';
import { deckColumns } from './stored-decks.js';
import { canUseWorkers, noteResult, ParsePool, type NoteJob, type NoteResult } from './parse-workers.js';

/** Below this much text to parse, starting worker threads costs more than it saves. */
const WORKER_MIN_CHARS = 512 * 1024;

export interface NoteSource {
  readonly file: string;
  /** Path relative to the deck folder. */
  readonly deckKey: string;
}

/** What reading a note gives: its text, or why it is not a note. */
export type NoteRead = { readonly text: string } | { readonly problem: string };

/** A note's cards (and, with a cache, the entry they are filed under), or why it has none. */
export type NoteOutcome = { readonly cards: FileCards; readonly key?: string } | { readonly problem: string };

export interface ParseIo {
  /** Folder of the parse cache (the data home's cache folder); absent: read and parse everything. */
  readonly cacheDir?: string;
  /** Called as notes are parsed: notes done, notes to parse (cache hits not counted). */
  readonly progress?: (done: number, total: number) => void;
}

/** The cache and each note's stamp (stat before reading: a change after the stat is a newer fingerprint next time). */
export interface NotesCache {
  readonly cache: ParseCache;
  readonly stamps: NoteStamps;
}

/**
 * The outcome of a note just filed in the cache under `key`: its cards are decoded from the cache file
 * when read (once, by composedLibrary), so that a first parse holds no note's cards while it parses.
 */
function filed(cache: ParseCache, key: string): NoteOutcome {
  return {
    key,
    get cards(): FileCards {
      const cards = cache.get(key);
      if (!cards) throw new Error('a parse cache entry written in this run cannot be read back');
      return cards;
    },
  };
}

/** Reads at once: a few, so that the thread pool's reads overlap the main thread's hashing. */
const READS_IN_FLIGHT = 4;

/**
 * The outcome of each note, in the order of `notes`; `read` reads one note. Notes are handed to the
 * parse workers as they are read, and neither their texts nor (with a cache) their cards' texts stay
 * in this thread: the workers send back cache entries, written to the cache file as they come.
 */
export async function cardsFromNotes(
  notes: readonly NoteSource[],
  read: (file: string) => Promise<NoteRead>,
  rules: CardRules,
  cached: NotesCache | undefined,
  progress?: ParseIo['progress'],
): Promise<NoteOutcome[]> {
  const cache = cached?.cache;
  const outcomes: NoteOutcome[] = new Array(notes.length);
  const unread: number[] = [];
  notes.forEach(({ file, deckKey }, i) => {
    const stamp = cached?.stamps.stamp(i);
    const known = stamp && cache?.knownText(file, stamp);
    const knownKey = known === undefined ? undefined : cache?.key(known, file, deckKey);
    const knownHit = knownKey === undefined ? undefined : cache?.get(knownKey);
    if (knownHit) outcomes[i] = { cards: knownHit, key: knownKey };
    else unread.push(i);
  });
  if (unread.length === 0) return outcomes;

  // Notes to parse: unread ones, less those read and found in the cache or unreadable.
  let total = unread.length;
  let done = 0;
  let encode: boolean | undefined;
  const parser = new NoteParser(cardRules(rules), () => (encode ??= cache?.writable() ?? false));
  let unwritten = false;
  const parsed = (i: number, key: string | undefined, result: NoteResult) => {
    if (!('entry' in result)) outcomes[i] = { cards: result.cards };
    else {
      try {
        (cache as ParseCache).put(key as string, result.entry);
        outcomes[i] = filed(cache as ParseCache, key as string);
      } catch {
        unwritten = true;
      }
    }
    progress?.(++done, total);
  };
  const readNote = async (i: number) => {
    const { file, deckKey } = notes[i] as NoteSource;
    const note = await read(file);
    if ('problem' in note) {
      outcomes[i] = note;
      total -= 1;
      return;
    }
    let key: string | undefined;
    if (cache) {
      const hash = textHash(note.text);
      const stamp = cached?.stamps.stamp(i);
      if (stamp) cache.remember(file, stamp, hash);
      key = cache.key(hash, file, deckKey);
      const hit = cache.get(key);
      if (hit) {
        outcomes[i] = { cards: hit, key };
        total -= 1;
        return;
      }
    }
    await parser.parse({ text: note.text, file, deckKey }, (result) => parsed(i, key, result));
  };
  let next = 0;
  const reader = async () => {
    while (next < unread.length) await readNote(unread[next++] as number);
  };
  try {
    await Promise.all(Array.from({ length: READS_IN_FLIGHT }, reader));
    await parser.finished();
  } finally {
    await parser.close();
  }
  // The cache file stopped being writable (a full disk): the cards of the notes it lost are not kept
  // anywhere else, so parse again without the cache.
  if (unwritten) return cardsFromNotes(notes, read, rules, undefined, progress);
  return outcomes;
}

/**
 * Parses the notes given on worker threads once they add up to enough text to pay for starting
 * threads, else (or without workers) on this one. `encode` says, when first asked, whether results
 * come as cache entries.
 */
class NoteParser {
  private held: { job: NoteJob; then: (result: NoteResult) => void }[] = [];
  private heldChars = 0;
  private pool?: ParsePool;
  private readonly parses: Promise<void>[] = [];

  constructor(
    private readonly rules: CardRules,
    private readonly encode: () => boolean,
  ) {}

  /** Resolves once `job` is taken (reading waits when the workers are behind); `then` gets its result. */
  async parse(job: NoteJob, then: (result: NoteResult) => void): Promise<void> {
    if (!this.pool) {
      this.held.push({ job, then });
      this.heldChars += job.text.length;
      if (this.heldChars < WORKER_MIN_CHARS || this.held.length < 2 || !canUseWorkers()) return;
      this.pool = new ParsePool(this.rules, this.encode());
      for (const h of this.held.splice(0)) this.track(this.pool.parse(h.job).then(h.then));
    } else {
      await this.pool.room();
      this.track(this.pool.parse(job).then(then));
    }
  }

  /** Kept for `finished`, which reports the first failure; handled now, as a failure can come before that. */
  private track(parse: Promise<void>): void {
    parse.catch(() => undefined);
    this.parses.push(parse);
  }

  /** Resolves when every note given is parsed (and its `then` called). */
  async finished(): Promise<void> {
    if (this.pool) {
      this.pool.end();
      await Promise.all(this.parses);
      return;
    }
    const encode = this.held.length > 0 && this.encode();
    for (const { job, then } of this.held.splice(0)) then(noteResult(job, this.rules, encode));
  }

  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }
}

/**
 * Decks, cards, problems and lint from each note's outcome. Identical cards across decks are kept once,
 * the first in path order; `parts` says which cached entries' cards it lists. The cards are gathered
 * when first read: a note just filed in the cache decodes its cards again then, so that saving the
 * library (which reads them from the cache itself) never holds two sets of every card.
 */
export function composedLibrary(notes: readonly NoteSource[], outcomes: readonly NoteOutcome[]): { library: LintedLibrary; parts: LibraryRecord['parts'] } {
  const problems: Problem[] = [];
  const decks: DeckOutline[] = [];
  const lint: LintFinding[] = [];
  const parts: { key: string; kept: boolean[] | null }[] = [];
  /** Per note listed: its outcome and which of its cards are listed (null: all). */
  const listed: { outcome: NoteOutcome & { readonly cards: FileCards }; kept: boolean[] | null }[] = [];
  const seen = new Set<string>();
  outcomes.forEach((outcome, n) => {
    if ('problem' in outcome) {
      problems.push({ file: notes[n]!.file, message: outcome.problem });
      return;
    }
    const result = outcome.cards;
    problems.push(...result.problems);
    lint.push(...result.lint);
    if (!result.deck) return;
    const kept = result.dedupeKeys.map((key) => {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const all = kept.every(Boolean);
    listed.push({ outcome, kept: all ? null : kept });
    if (outcome.key !== undefined) parts.push({ key: outcome.key, kept: all ? null : kept });
    // Counts are of the cards listed: a card kept once is counted in the deck that keeps it.
    decks.push(all ? result.deck : countedDeck(result.deck, result.cardNodes, (i) => kept[i]!));
  });
  let cards: Card[] | undefined;
  const library: LintedLibrary = {
    decks,
    problems,
    lint,
    get deckColumns() {
      return deckColumns(decks);
    },
    get cards() {
      return (cards ??= listed.flatMap(({ outcome, kept }) => (kept ? outcome.cards.cards.filter((_, i) => kept[i]) : outcome.cards.cards)));
    },
  };
  return { library, parts };
}
