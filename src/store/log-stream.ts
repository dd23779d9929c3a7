/**
 * The whole log merged as a stream: each device file is read a chunk at a time and the files are merged
 * as they go, so a full replay holds a few thousand events, not a million. The order is `readLog`'s (time,
 * then device, then line; a conflict copy's repeats dropped). That needs every file in time order, as
 * recall writes them, give or take a few lines; a file that is not (a clock moved back an hour) stops the
 * stream with `NotInTimeOrder`, and the caller reads the log into columns instead (compact-log.ts).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { checkEvent } from './event-shape.js';
import type { ReviewEvent } from './events.js';
import { LogFileReader, logFiles, type EventBody, type LogFileInfo, type LogLines, type LogPositions, type LogScan, type Reading } from './log.js';
import type { Problem } from '../errors.js';

export class NotInTimeOrder extends Error {}

const NEWLINE = 0x0a;
const CHUNK_BYTES = 1 << 20;
/** An undo line holds `undo`, or a `\u` escape that could spell it: only such lines are parsed up front. */
const UNDO_MARKS = [Buffer.from('undo'), Buffer.from('\\u')];

/** The targets of every undo in `info`'s complete lines. */
function undoTargetsOf(info: LogFileInfo, into: Set<string>, onBytes?: (bytes: number) => void): void {
  let fd: number;
  try {
    fd = openSync(info.file, 'r');
  } catch {
    return; // The stream reports it.
  }
  try {
    let buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, info.size));
    for (let position = 0; position < info.size; ) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, info.size - position), position);
      const complete = buffer.lastIndexOf(NEWLINE, n - 1) + 1;
      if (complete === 0) {
        if (position + n >= info.size || n === 0) break;
        buffer = Buffer.allocUnsafe(buffer.length * 2); // a line longer than a chunk
        continue;
      }
      for (const mark of UNDO_MARKS) {
        for (let i = buffer.indexOf(mark); i !== -1 && i < complete; ) {
          const start = buffer.lastIndexOf(NEWLINE, i) + 1;
          const end = buffer.indexOf(NEWLINE, i);
          try {
            const event = JSON.parse(buffer.toString('utf8', start, end)) as unknown;
            if (checkEvent(event) === undefined && (event as ReviewEvent).type === 'undo') into.add((event as { target: string }).target);
          } catch {
            // Not an event: the stream reports it.
          }
          i = buffer.indexOf(mark, end + 1);
        }
      }
      position += complete;
      onBytes?.(complete);
    }
  } finally {
    closeSync(fd);
  }
}

interface Pending {
  readonly event: ReviewEvent;
  readonly at: number;
}

/**
 * Lines a file is read ahead of the event the merge takes from it. Within that window, lines out of time
 * order are sorted (an app writes a text and its review at the same millisecond, a generator or a clock
 * step may put one a millisecond before the line above it); a line earlier than one already taken stops
 * the stream.
 */
const LOOKAHEAD = 256;
/**
 * A stream's chunks are small: the events parsed ahead of the fold must die young. A megabyte of them
 * (5 000 events) outlived the young generation and was promoted, and the heap grew to hundreds of MB.
 * At 64 KB a chunk with any non-Latin-1 character (a `›` in a card text) decodes to a two-byte string
 * over V8's large-object size, and a large object that lives through one scavenge is promoted at once:
 * 50 MB of dead chunks promoted over a million events, and a young generation grown to its maximum. At
 * 32 KB every chunk is an ordinary young object (history-1m: 1.7 MB promoted by the stream, and faster).
 */
const STREAM_CHUNK_BYTES = 1 << 15;

/** One file's events as the merge takes them: in time order, then line order. */
class Cursor {
  private queue: Pending[] = [];
  private head = 0;
  private last = -Infinity;
  private ended = false;

  readonly device: string;
  readonly reader: LogFileReader;

  constructor(info: LogFileInfo, reading: Omit<Reading, 'file' | 'add'>, private readonly onBytes?: (bytes: number) => void) {
    this.device = info.device;
    const add = (event: ReviewEvent, time: string) => this.insert({ event, at: Date.parse(time) });
    this.reader = new LogFileReader(info, 0, 0, { ...reading, add }, STREAM_CHUNK_BYTES);
  }

  /** Queues an event read, sorted in among those not taken yet (after any of the same time). */
  private insert(pending: Pending): void {
    if (pending.at < this.last) throw new NotInTimeOrder(`${this.device}'s log is out of time order by more than ${LOOKAHEAD} lines`);
    const { queue } = this;
    let i = queue.length;
    while (i > this.head && (queue[i - 1] as Pending).at > pending.at) i--;
    if (i === queue.length) queue.push(pending);
    else queue.splice(i, 0, pending);
  }

  /** The next event, undefined at the end. */
  peek(): Pending | undefined {
    while (!this.ended && this.queue.length - this.head < LOOKAHEAD) {
      if (this.head > 0) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      const bytes = this.reader.readChunk();
      if (bytes === 0) this.ended = true;
      else this.onBytes?.(bytes);
    }
    return this.queue[this.head];
  }

  take(): Pending {
    const next = this.queue[this.head++] as Pending;
    this.last = next.at;
    return next;
  }
}

/**
 * Reads every device's log under `home` in full and calls `visit` with each event a replay folds (neither
 * undone nor an undo), in log order. Throws `NotInTimeOrder` (having visited some events) when a file is
 * not in time order. `onProgress` hears of the bytes read of twice the log's size (it is read twice: once
 * for the undos).
 */
export function streamLog(
  home: string,
  visit: (event: EventBody, device: string, at: number) => void,
  onProgress?: (done: number, total: number) => void,
): LogScan {
  const files = logFiles(home);
  const total = 2 * files.reduce((sum, info) => sum + info.size, 0);
  let done = 0;
  const onBytes = onProgress && ((bytes: number) => onProgress((done += bytes), total));
  const undone = new Set<string>();
  for (const info of files) undoTargetsOf(info, undone, onBytes);

  const problems: Problem[] = [];
  const counts = { ignored: 0 };
  const cursors = files.map((info) => new Cursor(info, { problems, counts }, onBytes));
  let lastTime = Number.NaN;
  const idsAtTime = new Set<string>();
  for (;;) {
    let best: Cursor | undefined;
    let bestAt = Infinity;
    for (const cursor of cursors) {
      const next = cursor.peek();
      // Ties go to the earlier device: files come in device order.
      if (next && next.at < bestAt) {
        best = cursor;
        bestAt = next.at;
      }
    }
    if (!best) break;
    const { event, at } = best.take();
    // A sync tool's conflict copy repeats the original's events at the same times.
    if (at !== lastTime) {
      lastTime = at;
      idsAtTime.clear();
    } else if (idsAtTime.has(event.id)) {
      continue;
    }
    idsAtTime.add(event.id);
    if (event.type !== 'undo' && !undone.has(event.id)) visit(event, best.device, at);
  }
  const positions: LogPositions = {};
  const lines: LogLines = {};
  for (const cursor of cursors) {
    positions[cursor.device] = cursor.reader.end;
    lines[cursor.device] = cursor.reader.lines;
  }
  return { problems, positions, lines, ignored: counts.ignored, full: true };
}
