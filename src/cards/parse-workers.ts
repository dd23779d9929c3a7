/**
 * Parsing notes on every core: `cardsFromFile` is a pure function of a note, so worker threads run it
 * on batches of notes while the main thread waits. A worker loads this very module (in the bundle: the
 * chunk that holds it) and, seeing its worker data, serves parse requests.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { CardRules } from './candidates.js';
import { cardsFromFile, type FileCards } from './deck.js';

export interface NoteJob {
  readonly text: string;
  readonly file: string;
  readonly deckKey: string;
}

interface Request {
  readonly batch: number;
  readonly jobs: readonly NoteJob[];
  readonly rules: CardRules;
}

interface Reply {
  readonly batch: number;
  readonly results: FileCards[];
}

const WORKER_FLAG = 'recallParseWorker';

/**
 * `cardsFromFile`, with each dedupe key (a card's prompt and back: as long as the card) replaced by its
 * hash: dedupe only compares them, and the parse cache stays about a third smaller.
 */
export function parsedNote(job: NoteJob, rules: CardRules): FileCards {
  const result = cardsFromFile(job.text, job.file, job.deckKey, rules);
  return { ...result, dedupeKeys: result.dedupeKeys.map((k) => createHash('sha256').update(k).digest('base64url')) };
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  parentPort?.on('message', ({ batch, jobs, rules }: Request) => {
    const results = jobs.map((j) => parsedNote(j, rules));
    parentPort?.postMessage({ batch, results } satisfies Reply);
  });
}

/**
 * Whether worker threads can load this module: only from the built bundle (plain JavaScript), not from
 * TypeScript sources under a test runner.
 */
export function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.js') && availableParallelism() > 1;
}

/** Batches of about `bytes` characters of text each, in order. */
function batches(jobs: readonly NoteJob[], bytes: number): NoteJob[][] {
  const out: NoteJob[][] = [];
  let current: NoteJob[] = [];
  let size = 0;
  for (const job of jobs) {
    current.push(job);
    size += job.text.length;
    if (size >= bytes) {
      out.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Parses `jobs` on one worker per core; `onParsed(index, result)` is called as each note is done (for
 * progress, caching and the caller's results). Resolves when every note is done.
 */
export async function cardsInWorkers(
  jobs: readonly NoteJob[],
  rules: CardRules,
  onParsed: (index: number, result: FileCards) => void,
): Promise<void> {
  const parts = batches(jobs, 256 * 1024);
  const starts: number[] = [];
  parts.reduce((start, part) => (starts.push(start), start + part.length), 0);
  const threads = Math.min(availableParallelism(), parts.length);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next === parts.length) return resolve();
        const batch = next++;
        worker.postMessage({ batch, jobs: parts[batch] as NoteJob[], rules } satisfies Request);
      };
      worker.on('message', ({ batch, results: parsed }: Reply) => {
        parsed.forEach((result, i) => onParsed((starts[batch] as number) + i, result));
        send();
      });
      worker.on('error', reject);
      send();
    });
  const workers = Array.from(
    { length: threads },
    () => new Worker(`import(${JSON.stringify(import.meta.url)})`, { eval: true, workerData: { [WORKER_FLAG]: true } }),
  );
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
