/**
 * The replay snapshot in the cache: replayed states, card texts and aliases, the log positions they cover
 * and a hash of the scheduling settings, so a normal start replays only new events. Rebuildable: anything
 * missing, unreadable, of another format or made with other settings is simply not used.
 *
 * One file, so a snapshot and its reviews are replaced together: `MAGIC`, every effective review in binary
 * segments (review-segments.ts), the head (snapshot-head.ts: what a start needs), and a trailer giving
 * where the head is. A start reads the head and the last segments (the recent reviews today's limits count); the rest of
 * the reviews are read only when stats, exports or optimize ask, through the descriptor opened at load
 * (a newer snapshot renamed over the path meanwhile does not change what this one holds).
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, copyFileSync, fstatSync, openSync, readSync, renameSync, statSync, truncateSync, unlinkSync, writeSync } from 'node:fs';
import type { LogRead } from '../store/log.js';
import type { Settings } from '../store/settings.js';
import type { ReviewRecord } from './card-state.js';
import { startOfStudyDayAfter } from './days.js';
import { schedulingSettings } from './fsrs.js';
import type { Replay } from './replay.js';
import { decodeHead, encodeHead } from './snapshot-head.js';
import { decodeSegments, SegmentBuilder, SEGMENT_REVIEWS, segmentTimes, segmentTimesEnd } from './review-segments.js';

const MAGIC = Buffer.from('RCLSNAP5', 'latin1');
/** Head offset and length, as doubles, at the end of the file. */
const TRAILER_BYTES = 16;

/** Hash of everything a replay's result depends on besides the log. */
function settingsHash(settings: Settings): string {
  return createHash('sha256').update(JSON.stringify({ format: MAGIC.toString('latin1'), ...schedulingSettings(settings) })).digest('hex');
}

/** The reviews a snapshot holds, read on demand through the descriptor it was loaded (or written) with. */
export class StoredReviews {
  /** How many. */
  readonly count: number;
  private isClosed = false;

  constructor(
    private readonly fd: number,
    /** [byte offset, reviews] of each segment, in order. */
    readonly segments: readonly [number, number][],
    /** Where the last segment ends. */
    readonly end: number,
  ) {
    this.count = segments.reduce((sum, [, n]) => sum + n, 0);
  }

  /** Whether `path` is still the file these reviews are read from (no newer snapshot was renamed over it). */
  isAt(path: string): boolean {
    try {
      const [mine, there] = [fstatSync(this.fd), statSync(path)];
      return mine.ino === there.ino && mine.dev === there.dev;
    } catch {
      return false;
    }
  }

  /** The first `limit` of them, in log order. */
  read(limit: number): ReviewRecord[] {
    const reviews: ReviewRecord[] = [];
    if (limit > 0 && this.segments.length > 0) decodeSegments(this.bytes(0), reviews, limit);
    return reviews;
  }

  /** Those at or after `time` (ms): the last ones, found by their times alone. */
  since(time: number): ReviewRecord[] {
    let count = 0;
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const [offset, n] = this.segments[i] as [number, number];
      const times = segmentTimes(readAt(this.fd, offset, offset + segmentTimesEnd(n, readAt(this.fd, offset, offset + 8))));
      let k = n;
      while (k > 0 && (times[k - 1] as number) >= time) k--;
      count += n - k;
      if (k > 0) break;
    }
    return this.last(count);
  }

  /** The last `count` of them. */
  last(count: number): ReviewRecord[] {
    if (count === 0) return [];
    let i = this.segments.length;
    let covered = 0;
    while (i > 0 && covered < count) covered += (this.segments[--i] as [number, number])[1];
    const reviews: ReviewRecord[] = [];
    decodeSegments(this.bytes(i), reviews, count, covered - count);
    return reviews;
  }

  /** The stored bytes of the segments from the `first`th on. */
  bytes(first: number): Buffer {
    return readAt(this.fd, (this.segments[first] as [number, number])[0], this.end);
  }

  /** Whether `close` was called: the descriptor may since number another file. */
  get closed(): boolean {
    return this.isClosed;
  }

  close(): void {
    this.isClosed = true;
    closeSync(this.fd);
  }
}

/** Where in the log a snapshot ends: a read continues from there. */
export type LogMark = Pick<LogRead, 'positions' | 'lines'>;

export interface Snapshot extends LogMark {
  /** The states and the recent reviews (`replay.earlier` reviews before them are in `stored`). */
  readonly replay: Replay;
  readonly stored: StoredReviews;
}

/** Bytes [from, to) of an open file. */
function readAt(fd: number, from: number, to: number): Buffer {
  // A buffer of its own, so typed views of the segments start 8-aligned.
  const buffer = Buffer.from(new ArrayBuffer(to - from));
  for (let done = 0; done < buffer.length; ) {
    const n = readSync(fd, buffer, done, buffer.length - done, from + done);
    if (n === 0) throw new Error('snapshot ended early');
    done += n;
  }
  return buffer;
}

/**
 * Reads a head at `headAt` of an open snapshot. The texts are read when first asked for, through the
 * descriptor the reviews are (`owner`'s, once known): it must not have been closed by then.
 */
function headReader(fd: number, headAt: number, owner: { stored?: StoredReviews }) {
  return (from: number, to: number) => {
    if (owner.stored?.closed) throw new Error('snapshot closed before its texts were read');
    return readAt(fd, headAt + from, headAt + to);
  };
}

/**
 * Writes a snapshot: reviews first (streamed a segment at a time, so a full replay never holds them all),
 * then `finish` with the replay's states. The file appears at `path` atomically, owner-only.
 */
export class SnapshotWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private offset = 0;
  private readonly segments: [number, number][] = [];
  private readonly pending = new SegmentBuilder();

  /** A new snapshot at `path`; with `continuing`, its reviews come first (the new ones are added after). */
  constructor(private readonly path: string, continuing?: StoredReviews) {
    this.temporary = `${path}.${process.pid}.tmp`;
    if (continuing?.isAt(path)) {
      // The kernel copies the file (or clones it), the old head is cut off, and the new reviews go on
      // where the old ones end: no copy through memory. Checked again: a snapshot renamed over the path
      // meanwhile would not hold these segments.
      copyFileSync(path, this.temporary, constants.COPYFILE_FICLONE);
      if (continuing.isAt(path)) {
        truncateSync(this.temporary, continuing.end);
        this.fd = openSync(this.temporary, 'r+');
        this.offset = continuing.end;
        this.segments.push(...continuing.segments);
        return;
      }
    }
    // Read and write: the finished snapshot's reviews are read through this descriptor.
    this.fd = openSync(this.temporary, 'w+', 0o600);
    this.write(MAGIC);
    if (continuing) this.copy(continuing);
  }

  /** Small writes are gathered here (a head writes tens of thousands of texts). */
  private readonly staged = Buffer.allocUnsafe(1 << 16);
  private stagedBytes = 0;

  private write(bytes: Uint8Array): void {
    if (bytes.length <= this.staged.length - this.stagedBytes) {
      this.staged.set(bytes, this.stagedBytes);
      this.stagedBytes += bytes.length;
      this.offset += bytes.length;
      return;
    }
    this.flushStaged();
    if (bytes.length < this.staged.length) return this.write(bytes);
    this.writeAt(bytes, this.offset);
    this.offset += bytes.length;
  }

  private flushStaged(): void {
    this.writeAt(this.staged.subarray(0, this.stagedBytes), this.offset - this.stagedBytes);
    this.stagedBytes = 0;
  }

  private writeAt(bytes: Uint8Array, position: number): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, position + done);
  }

  /** How many reviews were added so far. */
  get count(): number {
    return this.segments.reduce((sum, [, n]) => sum + n, 0) + this.pending.size;
  }

  /** Adds the next review in log order. */
  add(review: ReviewRecord): void {
    this.pending.add(review);
    if (this.pending.size === SEGMENT_REVIEWS) this.flush();
  }

  /** Writes the pending reviews as a segment, or two split before the `split`th. */
  private flush(split?: number): void {
    for (const part of this.pending.take(split)) {
      this.segments.push([this.offset, part.readUInt32LE(0)]);
      this.write(part);
    }
  }

  /** Copies every review of an earlier snapshot as it is stored (no decoding): they come first. */
  private copy(from: StoredReviews): void {
    if (from.segments.length === 0) return;
    const start = (from.segments[0] as [number, number])[0];
    for (const [offset, n] of from.segments) this.segments.push([offset - start + this.offset, n]);
    this.write(from.bytes(0));
  }

  /**
   * Writes the head for `replay` (whose reviews end the ones added: `replay.earlier` + `replay.reviews.length`
   * of them in all) and moves the file into place. Returns the replay as a start would load it: only the
   * reviews since the study day before its last event stay in memory.
   */
  finish(replay: Replay, { positions, lines }: LogMark, settings: Settings): Snapshot {
    const total = this.count;
    if (replay.earlier + replay.reviews.length !== total) throw new Error('snapshot reviews do not match the replay');
    const recentSince = replay.lastAt > 0 ? startOfStudyDayAfter(new Date(replay.lastAt), settings.dayStartsAt, -1).getTime() : 0;
    // The recent reviews in a segment of their own: a start reads them without a large string table.
    this.flush(this.pending.size - this.pending.countSince(recentSince));
    this.flushStaged();
    // Read back from what was written: a streamed replay kept none of its reviews.
    const stored = new StoredReviews(this.fd, this.segments, this.offset);
    const recent = stored.since(recentSince);
    const meta = { settings: settingsHash(settings), positions, lines, lastAt: replay.lastAt, segments: this.segments, recentSince, recent: recent.length };
    const headAt = this.offset;
    for (const part of encodeHead(meta, replay.states, replay.texts, replay.aliases)) this.write(part);
    const trailer = Buffer.alloc(TRAILER_BYTES);
    trailer.writeDoubleLE(headAt, 0);
    trailer.writeDoubleLE(this.offset - headAt, 8);
    this.write(trailer);
    this.flushStaged();
    renameSync(this.temporary, this.path);
    // The states, texts and aliases as a load gives them (columns, texts read when asked for), decoded from
    // what was written: the replay's own (a state object and a text per card) are then garbage, not kept.
    const { states, texts, aliases } = decodeHead(headReader(this.fd, headAt, { stored }), this.offset - TRAILER_BYTES - headAt);
    return {
      replay: { states, texts, aliases, lastAt: replay.lastAt, reviews: recent, earlier: total - recent.length, recentSince },
      positions,
      lines,
      stored,
    };
  }

  /** Removes the unfinished file (after an error). */
  abandon(): void {
    closeSync(this.fd);
    try {
      unlinkSync(this.temporary);
    } catch {
      // Already gone.
    }
  }
}

/** The snapshot at `path` if it exists, reads, and was made with these scheduling settings; else null. */
export function loadSnapshot(path: string, settings: Settings): Snapshot | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < MAGIC.length + TRAILER_BYTES || !readAt(fd, 0, MAGIC.length).equals(MAGIC)) throw new Error('not a snapshot');
    const trailer = readAt(fd, size - TRAILER_BYTES, size);
    const headAt = trailer.readDoubleLE(0);
    const holder: { stored?: StoredReviews } = {};
    const { meta, states, texts, aliases } = decodeHead(headReader(fd, headAt, holder), trailer.readDoubleLE(8));
    if (meta.settings !== settingsHash(settings)) throw new Error('other settings');
    const stored = (holder.stored = new StoredReviews(fd, meta.segments, headAt));
    const reviews = stored.last(meta.recent);
    const replay = { states, texts, aliases, lastAt: meta.lastAt, reviews, earlier: stored.count - reviews.length, recentSince: meta.recentSince };
    return { replay, positions: meta.positions, lines: meta.lines, stored };
  } catch {
    closeSync(fd);
    return null;
  }
}
