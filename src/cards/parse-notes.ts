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
import { canUseWorkers, cardsInWorkers, parsedNote, type NoteJob } from './parse-workers.js';

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

/** The outcome of each note, in the order of `notes`; `read` reads one note. */
export async function cardsFromNotes(
  notes: readonly NoteSource[],
  read: (file: string) => Promise<NoteRead>,
  rules: CardRules,
  cached: NotesCache | undefined,
  progress?: ParseIo['progress'],
): Promise<NoteOutcome[]> {
  const cache = cached?.cache;
  const outcomes: NoteOutcome[] = new Array(notes.length);
  const pending: { index: number; job: NoteJob; key: string | undefined }[] = [];
  for (let i = 0; i < notes.length; i++) {
    const { file, deckKey } = notes[i] as NoteSource;
    const stamp = cached?.stamps.stamp(i);
    const known = stamp && cache?.knownText(file, stamp);
    const knownKey = known === undefined ? undefined : cache?.key(known, file, deckKey);
    const knownHit = knownKey === undefined ? undefined : cache?.get(knownKey);
    if (knownHit) {
      outcomes[i] = { cards: knownHit, key: knownKey };
      continue;
    }
    const note = await read(file);
    if ('problem' in note) {
      outcomes[i] = note;
      continue;
    }
    let key: string | undefined;
    if (cache) {
      const hash = textHash(note.text);
      if (stamp) cache.remember(file, stamp, hash);
      key = cache.key(hash, file, deckKey);
      const hit = cache.get(key);
      if (hit) {
        outcomes[i] = { cards: hit, key };
        continue;
      }
    }
    pending.push({ index: i, job: { text: note.text, file, deckKey }, key });
  }

  let done = 0;
  const onParsed = (k: number, result: FileCards) => {
    const { index, key } = pending[k] as (typeof pending)[number];
    outcomes[index] = cache && key !== undefined ? { cards: cache.put(key, result), key } : { cards: result };
    progress?.(++done, pending.length);
  };
  const jobs = pending.map((p) => p.job);
  const chars = jobs.reduce((sum, job) => sum + job.text.length, 0);
  if (canUseWorkers() && jobs.length > 1 && chars >= WORKER_MIN_CHARS) await cardsInWorkers(jobs, cardRules(rules), onParsed);
  else jobs.forEach((job, k) => onParsed(k, parsedNote(job, rules)));
  return outcomes;
}

/**
 * Decks, cards, problems and lint from each note's outcome. Identical cards across decks are kept once,
 * the first in path order; `parts` says which cached entries' cards it lists.
 */
export function composedLibrary(notes: readonly NoteSource[], outcomes: readonly NoteOutcome[]): { library: LintedLibrary; parts: LibraryRecord['parts'] } {
  const problems: Problem[] = [];
  const decks: DeckOutline[] = [];
  const cards: Card[] = [];
  const lint: LintFinding[] = [];
  const parts: { key: string; kept: boolean[] | null }[] = [];
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
    const kept = result.cards.map((card, i) => {
      const key = result.dedupeKeys[i]!;
      if (seen.has(key)) return false;
      seen.add(key);
      cards.push(card);
      return true;
    });
    const all = kept.every(Boolean);
    if (outcome.key !== undefined) parts.push({ key: outcome.key, kept: all ? null : kept });
    // Counts are of the cards listed: a card kept once is counted in the deck that keeps it.
    decks.push(all ? result.deck : countedDeck(result.deck, result.cardNodes, (i) => kept[i]!));
  });
  return { library: { decks, cards, problems, lint }, parts };
}
