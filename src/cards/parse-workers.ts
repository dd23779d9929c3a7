/**
 * Parsing notes on every core: `cardsFromFile` is a pure function of a note, so worker threads run it
 * on batches of notes, handed to them as the main thread reads them. A worker loads this very module
 * (in the bundle: the chunk that holds it) and, seeing its worker data, serves parse requests.
 *
 * Memory: each worker has a heap of its own, and V8 grows a heap to suit the largest thing it has held,
 * then lets garbage pile up to that size. So pool workers get small heaps, and a note too large for one
 * is parsed alone, by a worker of its own with a larger heap, the pool's workers ended meanwhile: a
 * 5 MB note needs some 150 MB of heap while it is parsed, and nothing after.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';
import { encodedEntry, type EncodedEntry } from './cache-entry.js';
import type { CardRules } from './candidates.js';
import { cardsFromFile, type FileCards } from './deck.js';

export interface NoteJob {
  readonly text: string;
  readonly file: string;
  readonly deckKey: string;
}

/** A note's cards, or (for the parse cache) its entry's bytes. */
export type NoteResult = { readonly cards: FileCards } | { readonly entry: EncodedEntry };

interface Request {
  readonly batch: number;
  readonly jobs: readonly NoteJob[];
  readonly rules: CardRules;
  readonly encode: boolean;
}

interface Reply {
  readonly batch: number;
  readonly results: NoteResult[];
}

const WORKER_FLAG = 'recallParseWorker';

/** Characters of notes sent to a worker at once. */
const BATCH_CHARS = 128 * 1024;
/** Batches sent to a worker before it answers the first: it never waits for the next. */
const BATCHES_AHEAD = 2;
/** Characters of notes read but not yet sent: past this, reading waits for the workers. */
const QUEUED_CHARS = 2 * 1024 * 1024;
/** A note this long is parsed alone (its parse needs some 40 bytes of heap per character). */
const ALONE_CHARS = 1024 * 1024;
/**
 * Heap limits of a pool worker, then of a worker parsing a note alone, then none: a note that runs a
 * worker out of memory is parsed again alone, with the next limits. A smaller young generation keeps
 * each heap's semi-spaces small at little cost in speed.
 */
const HEAP_LIMITS: readonly ResourceLimits[] = [
  { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 12 },
  { maxOldGenerationSizeMb: 176, maxYoungGenerationSizeMb: 12 },
  {},
];
const ALONE = 1;

/**
 * `cardsFromFile`, with each dedupe key (a card's prompt and back: as long as the card) replaced by its
 * hash: dedupe only compares them, and the parse cache stays about a third smaller.
 */
export function parsedNote(job: NoteJob, rules: CardRules): FileCards {
  const result = cardsFromFile(job.text, job.file, job.deckKey, rules);
  return { ...result, dedupeKeys: result.dedupeKeys.map((k) => createHash('sha256').update(k).digest('base64url')) };
}

/** The note parsed, as cards or (`encode`) as its parse cache entry. */
export function noteResult(job: NoteJob, rules: CardRules, encode: boolean): NoteResult {
  const cards = parsedNote(job, rules);
  return encode ? { entry: encodedEntry(cards) } : { cards };
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  parentPort?.on('message', ({ batch, jobs, rules, encode }: Request) => {
    const results = jobs.map((job) => noteResult(job, rules, encode));
    const transfer = results.flatMap((r) => ('entry' in r ? [r.entry.bytes.buffer as ArrayBuffer] : []));
    parentPort?.postMessage({ batch, results } satisfies Reply, transfer);
  });
}

/**
 * Whether worker threads can load this module: only from the built bundle (plain JavaScript), not from
 * TypeScript sources under a test runner.
 */
export function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.js') && availableParallelism() > 1;
}

interface Task {
  readonly job: NoteJob;
  /** Index into HEAP_LIMITS of the worker that parses it. */
  readonly limits: number;
  readonly done: (result: NoteResult) => void;
  readonly failed: (error: unknown) => void;
}

/** A worker and the batches it has not answered yet. */
interface Running {
  readonly worker: Worker;
  readonly batches: Map<number, Task[]>;
}

const chars = (tasks: readonly Task[]) => tasks.reduce((sum, t) => sum + t.job.text.length, 0);

/**
 * Worker threads parsing the notes given to `parse`, in batches, one worker per core; a long note
 * alone (see the module comment). `room` paces the reader; `close` ends the workers.
 */
export class ParsePool {
  private readonly queue: Task[] = [];
  private queuedChars = 0;
  private readonly pool: (Running | undefined)[];
  private alone?: Running;
  private nextBatch = 0;
  private ended = false;
  private failure?: unknown;
  private roomWaiters: (() => void)[] = [];

  constructor(
    private readonly rules: CardRules,
    private readonly encode: boolean,
  ) {
    this.pool = new Array(availableParallelism()).fill(undefined);
  }

  /** The note parsed on a worker; rejects if a worker fails (not for lack of memory: then it is parsed again, alone). */
  parse(job: NoteJob): Promise<NoteResult> {
    return new Promise((done, failed) => {
      if (this.failure !== undefined) return failed(this.failure);
      this.queue.push({ job, limits: job.text.length >= ALONE_CHARS ? ALONE : 0, done, failed });
      this.queuedChars += job.text.length;
      this.dispatch();
    });
  }

  /** Resolves when the notes given but not yet sent to a worker are few enough to read more. */
  room(): Promise<void> {
    if (this.queuedChars < QUEUED_CHARS || this.failure !== undefined) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** No more notes come: what is queued is sent without waiting to fill a batch. */
  end(): void {
    this.ended = true;
    this.dispatch();
  }

  async close(): Promise<void> {
    const workers = [...this.pool, this.alone].flatMap((r) => (r ? [r.worker] : []));
    this.pool.fill(undefined);
    this.alone = undefined;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    if (this.alone || this.failure !== undefined) return;
    const head = this.queue[0];
    if (head && head.limits >= ALONE) {
      // Alone: once the pool's batches are answered, its workers end (their heaps with them).
      if (this.pool.some((r) => r && r.batches.size > 0)) return;
      void Promise.all(this.pool.map((r) => r?.worker.terminate()));
      this.pool.fill(undefined);
      this.alone = this.started(head.limits);
      this.send(this.alone, this.taken(1));
      return;
    }
    for (let i = 0; i < this.pool.length; i++) {
      while (this.queue.length > 0 && (this.pool[i]?.batches.size ?? 0) < BATCHES_AHEAD) {
        const idle = (this.pool[i]?.batches.size ?? 0) === 0;
        if (!idle && !this.ended && this.queuedChars < BATCH_CHARS) break;
        const count = this.batchLength();
        if (count === 0) break;
        const running = (this.pool[i] ??= this.started(0));
        this.send(running, this.taken(count));
      }
    }
  }

  /** How many queued notes make the next batch: up to BATCH_CHARS, and never a note to be parsed alone. */
  private batchLength(): number {
    let count = 0;
    let size = 0;
    for (const task of this.queue) {
      if (task.limits >= ALONE || (count > 0 && size + task.job.text.length > BATCH_CHARS)) break;
      count += 1;
      size += task.job.text.length;
    }
    return count;
  }

  private taken(count: number): Task[] {
    const tasks = this.queue.splice(0, count);
    this.queuedChars -= chars(tasks);
    if (this.queuedChars < QUEUED_CHARS) for (const wake of this.roomWaiters.splice(0)) wake();
    return tasks;
  }

  private send(running: Running, tasks: Task[]): void {
    const batch = this.nextBatch++;
    running.batches.set(batch, tasks);
    running.worker.postMessage({ batch, jobs: tasks.map((t) => t.job), rules: this.rules, encode: this.encode } satisfies Request);
  }

  private started(limits: number): Running {
    const worker = new Worker(`import(${JSON.stringify(import.meta.url)})`, {
      eval: true,
      workerData: { [WORKER_FLAG]: true },
      resourceLimits: HEAP_LIMITS[limits] as ResourceLimits,
    });
    const running: Running = { worker, batches: new Map() };
    worker.on('message', ({ batch, results }: Reply) => {
      const tasks = running.batches.get(batch) as Task[];
      running.batches.delete(batch);
      if (running === this.alone) {
        this.alone = undefined;
        void worker.terminate();
      }
      results.forEach((result, i) => (tasks[i] as Task).done(result));
        this.dispatch();
    });
    worker.on('error', (error) => this.lost(running, limits, error));
    // A worker that stops without an error (or is ended by `close`) leaves nothing waiting for it.
    worker.on('exit', (code) => {
      if (running.batches.size > 0) this.lost(running, limits, new Error(`a parse worker stopped (exit code ${code})`));
    });
    return running;
  }

  /** A worker failed: its notes are parsed again alone with more memory when it ran out, else every note fails. */
  private lost(running: Running, limits: number, error: unknown): void {
    if (this.failure !== undefined) return;
    const tasks = [...running.batches.values()].flat();
    running.batches.clear();
    if (running === this.alone) this.alone = undefined;
    const slot = this.pool.indexOf(running);
    if (slot !== -1) this.pool[slot] = undefined;
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && limits + 1 < HEAP_LIMITS.length;
    if (outOfMemory) {
      this.queue.unshift(...tasks.map((t) => ({ ...t, limits: Math.max(limits + 1, ALONE) })));
      this.queuedChars += chars(tasks);
      this.dispatch();
      return;
    }
    this.failure = error;
    for (const task of [...tasks, ...this.queue.splice(0)]) task.failed(error);
    this.queuedChars = 0;
    for (const wake of this.roomWaiters.splice(0)) wake();
    void this.close();
  }
}
