/**
 * The full replay of the review log into a new snapshot, in this thread or on a worker thread of its own.
 *
 * A first start replays the whole log right after parsing the notes, and the fold makes garbage that
 * outlives a scavenge (a million reviews' worth): on the main thread V8 grew the heap it already had
 * from the parse by some 100 MB before collecting it. A worker with small heap limits collects it early,
 * and its heap is freed when it ends; the main thread then loads the snapshot the worker wrote, as a
 * normal start does.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';
import type { Problem } from '../errors.js';
import { replayStream, type EventSource, type Replay } from '../schedule/replay.js';
import { SnapshotWriter, type LogMark, type Snapshot, type StoredReviews } from '../schedule/snapshot.js';
import { readCompactLog } from '../store/compact-log.js';
import type { LogScan } from '../store/log.js';
import { NotInTimeOrder, streamLog } from '../store/log-stream.js';
import { cacheDir } from '../store/paths.js';
import type { Settings } from '../store/settings.js';
import { progressBar, type ProgressBar } from './progress-bar.js';

/** The schedule as the workspace holds it: the replay, and the reviews before its own (`replay.earlier`). */
export interface Schedule {
  readonly replay: Replay;
  readonly stored: StoredReviews | null;
}

export function snapshotPath(home: string): string {
  return join(cacheDir(home), 'schedule.snapshot');
}

/** A log smaller than this replays in well under a second: no progress bar. */
const PROGRESS_BYTES = 1 << 20;

/** Progress of a full replay on `bar` when the log is large; `done()` clears the bar. */
function replayProgress(bar: ProgressBar) {
  let large = false;
  const inBytes = (label: string) => (done: number, total: number) => {
    large = total >= PROGRESS_BYTES;
    if (large) bar.update(label, done, total);
  };
  return {
    /** The streamed replay, in bytes read. */
    streaming: inBytes('Replaying the review log'),
    /** Reading the log into columns, in bytes. */
    reading: inBytes('Reading the review log  '),
    /** Folding the columns, in events: shown after a large read. */
    folding: (done: number, total: number) => {
      if (large) bar.update('Replaying the review log', done, total);
    },
    done: () => bar.clear(),
  };
}

/** Folds `source` (every event to fold, in log order) into a new snapshot at `path`; `mark` says where the log ended once it is read. */
function replayedInto(path: string, settings: Settings, source: EventSource, mark: () => LogMark): Schedule {
  const writer = new SnapshotWriter(path);
  return savedThrough(writer, () => writer.finish(replayStream(source, settings, (review) => writer.add(review)), mark(), settings));
}

/** The schedule `write` saves through `writer`; on an error the unfinished file is removed. */
export function savedThrough(writer: SnapshotWriter, write: () => Snapshot): Schedule {
  try {
    const { replay, stored } = write();
    return { replay, stored };
  } catch (error) {
    writer.abandon();
    throw error;
  }
}

/**
 * The replay of the whole log, saved as the new snapshot. The log is streamed (files merged as they are
 * read, a million parsed events would take most of a gigabyte) and the reviews streamed to the file; a
 * log file out of time order is read into columns and sorted instead. Progress goes to `bar` (stderr's
 * when it is a terminal).
 */
export function fullReplay(home: string, settings: Settings, bar: ProgressBar = progressBar(process.stderr)): Schedule & { problems: Problem[] } {
  const path = snapshotPath(home);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Earlier versions' snapshot (one JSON file of every review, 100 MB at a million) is never read again.
  rmSync(join(dirname(path), 'schedule.json'), { force: true });
  const progress = replayProgress(bar);
  try {
    let scan: LogScan | undefined;
    const streamed = replayedInto(path, settings, (visit) => (scan = streamLog(home, visit, progress.streaming)), () => scan as LogScan);
    return { ...streamed, problems: (scan as LogScan).problems };
  } catch (error) {
    if (!(error instanceof NotInTimeOrder)) throw error;
    const log = readCompactLog(home, progress.reading);
    return { ...replayedInto(path, settings, (visit) => log.forEach(visit, progress.folding), () => log), problems: log.problems };
  } finally {
    progress.done();
  }
}

const WORKER_FLAG = 'recallReplayWorker';

interface Job {
  readonly [WORKER_FLAG]: true;
  readonly home: string;
  readonly settings: Settings;
  /** Whether the main thread's stderr is a terminal: the worker's progress is drawn there. */
  readonly tty: boolean;
}

/** From the worker: a redraw of the progress line, or the replay's log problems once the snapshot is saved. */
type Message = { readonly progress: string } | { readonly problems: Problem[] };

/**
 * The worker's heap: a small young generation (at 4 MB the fold ran over twice as long, at 16 MB the
 * heap grew some 10 MB larger) and an old generation bounded well above the fold's live data (some 30 MB
 * at history-1m; at 64 MB the fold spent its time collecting). Running out is not an error: the main
 * thread replays instead.
 */
const HEAP_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 };

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  const { home, settings, tty } = workerData as Job;
  const post = (message: Message) => parentPort?.postMessage(message);
  const bar = progressBar({ isTTY: tty, write: (progress: string) => (post({ progress }), true) });
  const { stored, problems } = fullReplay(home, settings, bar);
  stored?.close();
  post({ problems });
}

/** Whether this code can start itself as a worker: the built bundle can, sources run by a test runner cannot. */
const canUseWorker = () => import.meta.url.endsWith('.js');

/**
 * A full collection of this thread's heap, now. The main thread waits while the worker replays: the
 * garbage its heap holds (a cold parse leaves some 100 MB) would stay resident beside the worker's heap
 * until V8's idle-time memory reducer ran, tens of seconds later. `gc` is V8's own, exposed for the call.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * Runs `fullReplay` on a worker thread, which saves the snapshot: resolves to the log's problems, or to
 * undefined when the worker could not do it (out of memory, no worker here), for the caller to replay in
 * this thread. Any other error of the replay is thrown here, as it would be in this thread.
 */
export function fullReplayOnWorker(home: string, settings: Settings): Promise<Problem[] | undefined> {
  if (!canUseWorker()) return Promise.resolve(undefined);
  collectGarbage();
  const job: Job = { [WORKER_FLAG]: true, home, settings, tty: process.stderr.isTTY === true };
  return new Promise((resolve, reject) => {
    const worker = new Worker(`import(${JSON.stringify(import.meta.url)})`, { eval: true, workerData: job, resourceLimits: HEAP_LIMITS });
    let problems: Problem[] | undefined;
    let failure: unknown;
    worker.on('message', (message: Message) => {
      if ('progress' in message) process.stderr.write(message.progress);
      else problems = message.problems;
    });
    worker.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') failure = error;
    });
    // Settled once it has ended: its heap is freed before this thread loads the snapshot.
    worker.on('exit', () => (failure === undefined ? resolve(problems) : reject(failure)));
  });
}
