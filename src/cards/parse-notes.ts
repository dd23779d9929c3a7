/**
 * Notes → cards for a whole library: unchanged notes come from the parse cache (without even reading
 * them when their stat fingerprint is known), the rest are parsed on worker threads when there is enough
 * of them to pay for starting threads, else on this one.
 */
import { statSync } from 'node:fs';
import type { CardRules } from './candidates.js';
import type { FileCards } from './deck.js';
import { cardRules, ParseCache, textHash } from './parse-cache.js';
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

export type NoteOutcome = { readonly cards: FileCards } | { readonly problem: string };

export interface ParseIo {
  /** Folder of the parse cache (the data home's cache folder); absent: read and parse everything. */
  readonly cacheDir?: string;
  /** Called as notes are parsed: notes done, notes to parse (cache hits not counted). */
  readonly progress?: (done: number, total: number) => void;
}

/** The outcome of each note, in the order of `notes`; `read` reads one note. */
export async function cardsFromNotes(
  notes: readonly NoteSource[],
  read: (file: string) => Promise<NoteRead>,
  rules: CardRules,
  io: ParseIo = {},
): Promise<NoteOutcome[]> {
  const cache = io.cacheDir === undefined ? undefined : ParseCache.open(io.cacheDir, rules);
  const outcomes: NoteOutcome[] = new Array(notes.length);
  const pending: { index: number; job: NoteJob; key: string | undefined }[] = [];
  for (let i = 0; i < notes.length; i++) {
    const { file, deckKey } = notes[i] as NoteSource;
    // Stat before reading: a change after the stat gives a newer fingerprint next time, never a stale hit.
    const stats = cache ? statOf(file) : undefined;
    const known = stats && cache?.knownText(file, stats);
    const knownHit = known === undefined ? undefined : cache?.get(cache.key(known, file, deckKey));
    if (knownHit) {
      outcomes[i] = { cards: knownHit };
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
      if (stats) cache.remember(file, stats, hash);
      key = cache.key(hash, file, deckKey);
      const hit = cache.get(key);
      if (hit) {
        outcomes[i] = { cards: hit };
        continue;
      }
    }
    pending.push({ index: i, job: { text: note.text, file, deckKey }, key });
  }

  let done = 0;
  const onParsed = (k: number, result: FileCards) => {
    const { index, key } = pending[k] as (typeof pending)[number];
    outcomes[index] = { cards: result };
    if (cache && key !== undefined) cache.put(key, result);
    io.progress?.(++done, pending.length);
  };
  const jobs = pending.map((p) => p.job);
  const chars = jobs.reduce((sum, job) => sum + job.text.length, 0);
  if (canUseWorkers() && jobs.length > 1 && chars >= WORKER_MIN_CHARS) await cardsInWorkers(jobs, cardRules(rules), onParsed);
  else jobs.forEach((job, k) => onParsed(k, parsedNote(job, rules)));
  try {
    cache?.save();
  } catch {
    // The cache only saves time; a read-only or full disk must not stop the decks from loading.
  }
  return outcomes;
}

/** A note's stat fingerprint; undefined when it cannot be statted (reading it will say why). */
function statOf(file: string) {
  try {
    return statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}
