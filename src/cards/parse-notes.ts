/**
 * Notes → cards for a whole library: unchanged notes come from the parse cache, the rest are parsed on
 * worker threads when there is enough of them to pay for starting threads, else on this one.
 */
import type { CardRules } from './candidates.js';
import { cardsFromFile, type FileCards } from './deck.js';
import { cardRules, ParseCache } from './parse-cache.js';
import { canUseWorkers, cardsInWorkers, type NoteJob } from './parse-workers.js';

/** Below this much text to parse, starting worker threads costs more than it saves. */
const WORKER_MIN_CHARS = 512 * 1024;

export interface ParseIo {
  /** Folder of the parse cache (the data home's cache folder); absent: parse everything. */
  readonly cacheDir?: string;
  /** Called as notes are parsed: notes done, notes to parse (cache hits not counted). */
  readonly progress?: (done: number, total: number) => void;
}

/** The cards of each note, in the order of `jobs`. */
export async function cardsFromNotes(jobs: readonly NoteJob[], rules: CardRules, io: ParseIo = {}): Promise<FileCards[]> {
  const cache = io.cacheDir === undefined ? undefined : ParseCache.open(io.cacheDir, rules);
  const results: FileCards[] = new Array(jobs.length);
  const keys: string[] = [];
  const misses: number[] = [];
  jobs.forEach((job, i) => {
    const key = cache?.key(job.text, job.file, job.deckKey);
    const hit = key === undefined ? undefined : cache?.get(key);
    if (key !== undefined) keys[i] = key;
    if (hit) results[i] = hit;
    else misses.push(i);
  });
  if (misses.length === 0) return results;

  const pending = misses.map((i) => jobs[i] as NoteJob);
  let done = 0;
  const onParsed = (k: number, result: FileCards) => {
    const i = misses[k] as number;
    results[i] = result;
    if (cache) cache.put(keys[i] as string, result);
    io.progress?.(++done, pending.length);
  };
  const chars = pending.reduce((sum, job) => sum + job.text.length, 0);
  if (canUseWorkers() && pending.length > 1 && chars >= WORKER_MIN_CHARS) {
    await cardsInWorkers(pending, cardRules(rules), onParsed);
  } else {
    pending.forEach((job, k) => onParsed(k, cardsFromFile(job.text, job.file, job.deckKey, rules)));
  }
  try {
    cache?.save();
  } catch {
    // The cache only saves time; a read-only or full disk must not stop the decks from loading.
  }
  return results;
}
