/**
 * The review log (DESIGN.md, "The review log"): `log/<deviceId>.jsonl`, one event per line, appended with
 * one `write` per line on an O_APPEND descriptor and fsynced; every device's file is merged on read, and a
 * bad line is skipped and reported, never deleted.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readdirSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { checkEvent, LOG_VERSION, NOT_OURS, timeKey } from './event-shape.js';
import type { LoggedEvent, ReviewEvent } from './events.js';
import { FILE_MODE, logDir, logPath } from './paths.js';
import { DEVICE_ID_PATTERN } from './setting-schema.js';

/** Per device: bytes of complete lines already consumed from its log file. */
export type LogPositions = Record<string /* device */, number /* bytes */>;

/** Per device: how many lines come before its position (numbering lines after a position needs it). */
export type LogLines = Record<string /* device */, number /* lines */>;

export interface LogRead {
  /** Merged across devices, ordered by `at`, then device, then line. */
  readonly events: LoggedEvent[];
  /** One per skipped line, with file and line. */
  readonly problems: Problem[];
  /** Where the next incremental read continues. */
  readonly positions: LogPositions;
  /** Lines before those positions: given back to the next read, it need not count them again. */
  readonly lines: LogLines;
  /** Events kept in the files but not used: from a newer version of recall, or of an unknown type. */
  readonly ignored: number;
  /**
   * True when every file was read from its start: no `since` was given, or a file had shrunk below its
   * position, no longer had a line ending there, or vanished (a sync tool replaced it), so the positions
   * could not be continued.
   */
  readonly full: boolean;
}

/** A line, newline included, must fit in one atomic `write` against a second terminal. */
export const MAX_LINE_BYTES = 4096;

const LOG_SUFFIX = '.jsonl';
const NEWLINE = 0x0a;
const DEVICE_ID = new RegExp(DEVICE_ID_PATTERN);
/** git's conflict markers (`|||||||` is diff3's base marker). */
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7}|\|{7})(?:\s|$)/;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event's own fields; `newEvent` adds the version, id and time. */
export type EventFields = DistributiveOmit<ReviewEvent, 'v' | 'id' | 'at'>;

/** An event without its version and time: what a fold reads, the time given apart. */
export type EventBody = DistributiveOmit<ReviewEvent, 'v' | 'at'>;

type Stamped<F> = F & { readonly v: 1; readonly id: string; readonly at: string };

/** A complete event from its fields: current version, a fresh uuid, and `now` as its time. */
export function newEvent<F extends EventFields>(fields: F, now: Date): Stamped<F> {
  // `type` right after `v`, as DESIGN.md shows the lines, so a log reads well by eye.
  const head = { v: LOG_VERSION, type: fields.type, id: randomUUID(), at: now.toISOString() };
  return Object.assign(head, fields) as unknown as Stamped<F>;
}

/** This device's log file. */
export function logFile(home: string, device: string): string {
  return join(logPath(home), `${device}${LOG_SUFFIX}`);
}

/** The line for `event`, after checking it is valid and small enough; throws before anything is written. */
function encodeLine(event: ReviewEvent): Buffer {
  const check = checkEvent(event);
  if (check !== undefined) throw new Error(`refusing to write an invalid event to the review log (${check}): ${JSON.stringify(event).slice(0, 200)}`);
  const line = Buffer.from(`${JSON.stringify(event)}\n`, 'utf8');
  if (line.length > MAX_LINE_BYTES) {
    throw new Error(`refusing to write a ${event.type} event of ${line.length} bytes to the review log: a line must be at most ${MAX_LINE_BYTES} bytes`);
  }
  return line;
}

function writeLine(fd: number, line: Uint8Array, file: string): void {
  const written = writeSync(fd, line);
  // A short write on a regular file means the disk is full; the torn line will be reported on read.
  if (written !== line.length) throw new UserError(`could not write the whole event to ${file} (disk full?); free some space and try again`);
}

/** Whether the file ends inside a line: a crash tore its last write. */
function endsMidLine(fd: number, size: number): boolean {
  const last = Buffer.alloc(1);
  return readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== NEWLINE;
}

/**
 * Appends `events` to `device`'s log under `home`, one `write` per line on an O_APPEND descriptor, and
 * fsyncs before returning, so a rating the UI has moved past survives a crash. All events are checked
 * first: an invalid or oversized one throws and nothing is written.
 */
export function appendEvents(home: string, device: string, events: readonly ReviewEvent[]): void {
  if (!DEVICE_ID.test(device)) {
    throw new UserError(`the device id "${device}" cannot name a log file: use 1-64 letters, digits, - or _ (recall config set deviceId NAME)`);
  }
  const lines = events.map(encodeLine);
  if (lines.length === 0) return;
  const dir = logDir(home);
  const file = logFile(home, device);
  let fd: number;
  try {
    fd = openSync(file, 'a+', FILE_MODE);
  } catch (error) {
    throw new UserError(`cannot open the review log ${file} (${(error as NodeJS.ErrnoException).code}); check its permissions`);
  }
  let created = false;
  try {
    const size = fstatSync(fd).size;
    created = size === 0;
    // Keep a torn fragment on a line of its own (reported on read), so it does not swallow the next event.
    if (!created && endsMidLine(fd, size)) writeLine(fd, Buffer.from('\n'), file);
    for (const line of lines) writeLine(fd, line, file);
    fsyncSync(fd);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot write the review log ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    closeSync(fd);
  }
  // A new file's name lives in its folder: sync the folder too, or a crash could lose the whole file.
  if (created) fsyncFolder(dir);
}

function fsyncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One device file's part of a read. */
interface FileRead {
  readonly device: string;
  readonly events: ReviewEvent[];
  /** `timeKey` of each event's `at`. */
  readonly times: string[];
  readonly lines: number[];
}

export interface LogFileInfo {
  readonly device: string;
  readonly file: string;
  readonly size: number;
}

export function logFiles(home: string): LogFileInfo[] {
  const dir = logPath(home);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UserError(`cannot read the log folder ${dir} (${(error as NodeJS.ErrnoException).code}); check its permissions`);
  }
  return entries
    .filter((entry) => entry.name.endsWith(LOG_SUFFIX) && (entry.isFile() || entry.isSymbolicLink()))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = join(dir, name);
      return { device: name.slice(0, -LOG_SUFFIX.length), file, size: sizeOf(file) };
    });
}

/** 0 for a file that cannot be read: opening it reports why. */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Bytes [from, to) of the open file, read into `buffer` (which must hold them). */
function readRange(fd: number, buffer: Buffer, from: number, to: number): Buffer {
  let done = 0;
  while (done < to - from) {
    const n = readSync(fd, buffer, done, to - from - done, from + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

/** Lines before byte `end`, counted in chunks so a large log is never held whole just to number lines. */
function linesBefore(fd: number, end: number): number {
  const chunk = Buffer.allocUnsafe(1 << 20);
  let lines = 0;
  for (let at = 0; at < end; ) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, end - at), at);
    if (n === 0) break;
    for (let i = chunk.indexOf(NEWLINE, 0); i !== -1 && i < n; i = chunk.indexOf(NEWLINE, i + 1)) lines++;
    at += n;
  }
  return lines;
}

/** Only spaces, tabs and carriage returns in text[start, end). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

function badLineMessage(text: string, fault: string): string {
  if (CONFLICT_MARKER.test(text)) return 'merge conflict marker, skipped; resolve the conflict by keeping the lines of both sides and deleting the marker lines';
  return `${fault}, skipped`;
}

/** Receives each valid event of a file with its `timeKey` and line number. */
export type EventSink = (event: ReviewEvent, time: string, line: number) => void;

/** A file's read in progress: where its events go, and where bad lines and set-aside events are counted. */
export interface Reading {
  readonly file: string;
  readonly add: EventSink;
  readonly problems: Problem[];
  readonly counts: { ignored: number };
}

/** Parses the complete lines in `text`, the first of them numbered `line`; returns the next line's number. */
function readLines(text: string, line: number, into: Reading): number {
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start), line++) {
    if (!isBlank(text, start, nl)) {
      const lineText = text.slice(start, nl);
      let value: unknown;
      let check: string | undefined;
      try {
        value = JSON.parse(lineText);
        check = checkEvent(value);
      } catch {
        check = 'not valid JSON';
      }
      if (check === undefined) {
        const event = value as ReviewEvent;
        into.add(event, timeKey(event.at)!, line);
      } else if (check === NOT_OURS) {
        into.counts.ignored++;
      } else {
        into.problems.push({ file: into.file, line, message: badLineMessage(lineText, check) });
      }
    }
    start = nl + 1;
  }
  return line;
}

/**
 * Lines are read and decoded this many bytes at a time: slicing lines out of one decoded string is
 * cheaper than decoding each line, and a chunk keeps memory and the string small on a log of any size.
 */
const CHUNK_BYTES = 1 << 20;

/**
 * Reads one log file's complete lines from byte `from` (after `before` lines, counted when unknown), a
 * chunk at a time, handing each valid event to `add`. `end` and `lines` say how far it got.
 */
export class LogFileReader {
  private readonly into: Reading;
  /** Undefined once closed (or when it could not be opened). */
  private fd: number | undefined;
  private buffer: Buffer;
  private line: number;
  /** Position after the last complete line read. */
  end: number;

  constructor(
    private readonly info: LogFileInfo,
    from: number,
    before: number | undefined,
    reading: Omit<Reading, 'file'>,
    chunkBytes = CHUNK_BYTES,
  ) {
    this.into = { ...reading, file: info.file };
    this.end = from;
    try {
      this.fd = openSync(info.file, 'r');
    } catch (error) {
      this.into.problems.push({ file: info.file, message: `cannot read this log (${(error as NodeJS.ErrnoException).code}), skipped` });
    }
    // Numbering lines after a position takes the lines before it: counted unless the caller knows them.
    this.line = 1 + (before ?? (from > 0 && this.fd !== undefined ? linesBefore(this.fd, from) : 0));
    this.buffer = Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(0, info.size - from)));
  }

  /** Lines before `end`. */
  get lines(): number {
    return this.line - 1;
  }

  /** Reads and parses the next chunk; returns its size in bytes, 0 at the end (the file is closed then). */
  readChunk(): number {
    const { fd, info, into } = this;
    if (fd === undefined) return 0;
    while (this.end < info.size) {
      const chunk = readRange(fd, this.buffer, this.end, Math.min(info.size, this.end + this.buffer.length));
      // Chunks end just after a newline, so none splits a line (or a UTF-8 sequence).
      const complete = chunk.lastIndexOf(NEWLINE) + 1;
      if (complete === 0) {
        if (this.end + chunk.length >= info.size) {
          const tail = chunk.toString('utf8');
          if (!isBlank(tail, 0, tail.length)) {
            into.problems.push({ file: info.file, line: this.line, message: 'incomplete last line (an interrupted write?), skipped; it is read again once complete' });
          }
          break;
        }
        this.buffer = Buffer.allocUnsafe(this.buffer.length * 2); // a line longer than a chunk
        continue;
      }
      this.line = readLines(chunk.toString('utf8', 0, complete), this.line, into);
      this.end += complete;
      return complete;
    }
    closeSync(fd);
    this.fd = undefined;
    return 0;
  }
}

/**
 * The files' events by time, then device (files come sorted by device), then line: the position in the
 * concatenation breaks ties. Each file is nearly always in time order already, and the sort (TimSort)
 * merges such runs in linear time.
 * An event whose id was already merged is dropped: a sync tool's conflict copy of a log
 * (`laptop.sync-conflict-….jsonl`) repeats the events of the original at the same times, so only ids at
 * the current time need remembering.
 */
function merge(parts: readonly FileRead[]): LoggedEvent[] {
  const all: LoggedEvent[] = [];
  const times: string[] = [];
  for (const part of parts) {
    for (let i = 0; i < part.events.length; i++) {
      all.push({ event: part.events[i]!, device: part.device, line: part.lines[i]! });
      times.push(part.times[i]!);
    }
  }
  const order = all.map((_, k) => k).sort((a, b) => (times[a]! < times[b]! ? -1 : times[a]! > times[b]! ? 1 : a - b));
  const merged: LoggedEvent[] = [];
  const idsAtTime = new Set<string>();
  let lastTime = '';
  for (const k of order) {
    const logged = all[k]!;
    if (times[k] !== lastTime) {
      idsAtTime.clear();
      lastTime = times[k]!;
    } else if (idsAtTime.has(logged.event.id)) {
      continue;
    }
    idsAtTime.add(logged.event.id);
    merged.push(logged);
  }
  return merged;
}

/** Whether `position` is the start of the file or just after a newline: else the file was rewritten. */
function endsLineAt(file: string, position: number): boolean {
  if (position === 0) return true;
  const byte = Buffer.alloc(1);
  try {
    const fd = openSync(file, 'r');
    try {
      return readSync(fd, byte, 0, 1, position - 1) === 1 && byte[0] === NEWLINE;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Whether each file is still at least as long as `since` says and has a line ending there. */
function continuesFiles(files: readonly LogFileInfo[], since: LogPositions): boolean {
  const byDevice = new Map(files.map((info) => [info.device, info]));
  return Object.entries(since).every(([device, position]) => {
    const info = byDevice.get(device);
    return info !== undefined && info.size >= position && endsLineAt(info.file, position);
  });
}

/** Whether a read from `since` can continue an earlier one (else `readLog(home, since)` reads it all). */
export function canContinue(home: string, since: LogPositions): boolean {
  return continuesFiles(logFiles(home), since);
}

/** What a scan of the log found besides its events. */
export type LogScan = Omit<LogRead, 'events'>;

/**
 * Reads every device's log under `home` (with `since`, only lines after those positions, unless a file
 * shrank or vanished): `sinkFor(device)` gets each file's valid events in file order, files in device
 * order. `onProgress` hears of the bytes read out of all there are to read.
 */
export function scanLog(
  home: string,
  since: LogPositions | undefined,
  sinkFor: (device: string) => EventSink,
  options: { readonly linesSince?: LogLines; readonly onProgress?: (done: number, total: number) => void } = {},
): LogScan {
  const { linesSince, onProgress } = options;
  const files = logFiles(home);
  const continues = since !== undefined && continuesFiles(files, since);
  const problems: Problem[] = [];
  const counts = { ignored: 0 };
  const start = (info: LogFileInfo) => (continues ? (since[info.device] ?? 0) : 0);
  const total = files.reduce((sum, info) => sum + Math.max(0, info.size - start(info)), 0);
  let done = 0;
  const onBytes = onProgress && ((bytes: number) => onProgress((done += bytes), total));
  const positions: LogPositions = {};
  const lines: LogLines = {};
  for (const info of files) {
    const from = start(info);
    // A line count is only good for the position it was counted at.
    const before = from === 0 ? 0 : continues && since[info.device] === from ? linesSince?.[info.device] : undefined;
    const reader = new LogFileReader(info, from, before, { add: sinkFor(info.device), problems, counts });
    for (let bytes = reader.readChunk(); bytes > 0; bytes = reader.readChunk()) onBytes?.(bytes);
    positions[info.device] = reader.end;
    lines[info.device] = reader.lines;
  }
  return { problems, positions, lines, ignored: counts.ignored, full: !continues };
}

/**
 * Reads every device's log under `home`, merged in time order. A bad line never fails the read: it is
 * skipped and reported with file and line. With `since` (the positions of an earlier read), only lines
 * after those positions are read, unless a file shrank or vanished (`full` says which happened);
 * `linesSince` (that read's `lines`) saves counting the lines before them.
 */
export function readLog(home: string, since?: LogPositions, linesSince?: LogLines): LogRead {
  const parts: FileRead[] = [];
  const scan = scanLog(home, since, (device) => {
    const part: FileRead = { device, events: [], times: [], lines: [] };
    parts.push(part);
    return (event, time, line) => {
      part.events.push(event);
      part.times.push(time);
      part.lines.push(line);
    };
  }, { linesSince });
  return { events: merge(parts), ...scan };
}
