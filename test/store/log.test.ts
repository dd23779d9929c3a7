import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import type { ReviewEvent } from '../../src/store/events.js';
import { appendEvents, logFile, MAX_LINE_BYTES, newEvent, readLog, type LogRead } from '../../src/store/log.js';
import { dataHome } from '../../src/store/paths.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'recall-log-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const T0 = Date.parse('2026-11-25T08:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const review = (card: string, minutes: number, rating: 1 | 2 | 3 | 4 = 3) =>
  newEvent({ type: 'review', card, rating, ms: 4000, deck: 'd' }, at(minutes));

/** What a read says, in a form two reads can be compared by. */
const summary = (read: LogRead) => read.events.map((e) => `${e.device}:${e.line}:${e.event.id}`);

describe('newEvent', () => {
  it('stamps version, a uuid and the given time, type first', () => {
    const event = review('c1', 0);
    expect(event.v).toBe(1);
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(event.at).toBe('2026-11-25T08:00:00.000Z');
    expect(Object.keys(event)).toEqual(['v', 'type', 'id', 'at', 'card', 'rating', 'ms', 'deck']);
    expect(review('c1', 0).id).not.toBe(event.id);
  });
});

describe('appendEvents and readLog', () => {
  it('reads back what was appended, with device and line', () => {
    const events: ReviewEvent[] = [
      newEvent({ type: 'card', card: 'c1', deck: 'd', text: 'What is a pod? — the smallest unit' }, at(0)),
      review('c1', 1),
      newEvent({ type: 'cram', card: 'c1', rating: 2, ms: 100 }, at(2)),
      newEvent({ type: 'bury', card: 'c1' }, at(3)),
      newEvent({ type: 'relink', from: 'c1', to: 'c2' }, at(4)),
    ];
    appendEvents(home, 'laptop', events.slice(0, 2));
    appendEvents(home, 'laptop', events.slice(2));
    const undo = newEvent({ type: 'undo', target: events[1]!.id }, at(5));
    appendEvents(home, 'laptop', [undo]);
    const read = readLog(home);
    expect(read.problems).toEqual([]);
    expect(read.events).toEqual([...events, undo].map((event, i) => ({ event, device: 'laptop', line: i + 1 })));
    expect(read.positions).toEqual({ laptop: statSync(logFile(home, 'laptop')).size });
    expect(read.full).toBe(true);
  });

  it('writes one newline-terminated JSON line per event, file 0600 in a 0700 folder', () => {
    const events = [review('c1', 0), review('c2', 1, 1)];
    appendEvents(home, 'laptop', events);
    const file = join(home, 'log', 'laptop.jsonl');
    expect(readFileSync(file, 'utf8')).toBe(events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    expect(readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^\{"v":1,"type":"review","id":"[^"]+","at":"2026-11-25T08:00:00.000Z","card":"c1"/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'log')).mode & 0o777).toBe(0o700);
  });

  it('reads an empty or missing log as no events', () => {
    expect(readLog(home)).toEqual({ events: [], problems: [], positions: {}, lines: {}, ignored: 0, full: true });
  });

  it('refuses an invalid or oversized event before writing anything', () => {
    const bad = { ...review('c1', 0), rating: 7 } as unknown as ReviewEvent;
    expect(() => appendEvents(home, 'laptop', [review('c0', 0), bad])).toThrow(/rating.*1, 2, 3 or 4/);
    const huge = newEvent({ type: 'card', card: 'c1', deck: 'd', text: 'x'.repeat(MAX_LINE_BYTES) }, at(0));
    expect(() => appendEvents(home, 'laptop', [huge])).toThrow(/at most 4096 bytes/);
    expect(readLog(home).events).toEqual([]);
  });

  it('refuses a device id that cannot be a file name', () => {
    expect(() => appendEvents(home, '../evil', [review('c1', 0)])).toThrow(/device id "..\/evil" cannot name a log file/);
  });
});

describe('bad lines', () => {
  it('loads every good event and reports each bad line with file and line', () => {
    const good = [review('c1', 0), review('c2', 1), review('c3', 2), review('c4', 3)];
    const file = join(home, 'log', 'laptop.jsonl');
    mkdirSync(join(home, 'log'));
    const lines = [
      JSON.stringify(good[0]),
      'garbage that is not json',
      '<<<<<<< HEAD',
      JSON.stringify(good[1]),
      '=======',
      JSON.stringify({ ...good[2], v: 2, shiny: true }), // a newer version: kept aside, not an error
      JSON.stringify({ v: 1, type: 'teleport', id: 'x', at: good[2]!.at }), // an unknown type: the same
      JSON.stringify({ ...good[2], rating: 7 }),
      '>>>>>>> theirs',
      '',
      JSON.stringify(good[2]),
      JSON.stringify({ ...good[3], at: 'yesterday' }),
      JSON.stringify(good[3]),
    ];
    writeFileSync(file, `${lines.join('\n')}\n${JSON.stringify(review('c5', 9)).slice(0, 50)}`);
    const read = readLog(home);
    expect(read.events.map((e) => [e.event, e.line])).toEqual([[good[0], 1], [good[1], 4], [good[2], 11], [good[3], 13]]);
    expect(read.ignored).toBe(2);
    expect(read.problems.map(formatProblem)).toEqual([
      `${file}:2: not valid JSON, skipped`,
      `${file}:3: merge conflict marker, skipped; resolve the conflict by keeping the lines of both sides and deleting the marker lines`,
      `${file}:5: merge conflict marker, skipped; resolve the conflict by keeping the lines of both sides and deleting the marker lines`,
      `${file}:8: review: "rating" must be 1, 2, 3 or 4, not 7, skipped`,
      `${file}:9: merge conflict marker, skipped; resolve the conflict by keeping the lines of both sides and deleting the marker lines`,
      `${file}:12: review: "at" must be an ISO time like 2026-11-25T08:15:02.114Z, skipped`,
      `${file}:14: incomplete last line (an interrupted write?), skipped; it is read again once complete`,
    ]);
    // The torn last line is not consumed, and nothing was deleted.
    expect(read.positions.laptop).toBe(Buffer.byteLength(`${lines.join('\n')}\n`));
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(14);
  });

  it('reads a log bigger than one decoding chunk (16 MB) line for line, multi-byte text across the cuts', () => {
    const text = '間隔反復'.repeat(250); // 3 000 bytes of UTF-8
    const events = Array.from({ length: 6000 }, (_, i) => newEvent({ type: 'card', card: `c${i}`, deck: 'd', text }, at(i)));
    const lines = events.map((e) => JSON.stringify(e));
    lines[5600] = 'garbage';
    mkdirSync(join(home, 'log'));
    writeFileSync(join(home, 'log', 'laptop.jsonl'), `${lines.join('\n')}\n`);
    expect(statSync(join(home, 'log', 'laptop.jsonl')).size).toBeGreaterThan(17 * 2 ** 20);
    const read = readLog(home);
    expect(read.events).toHaveLength(5999);
    expect(read.events.every((e, i) => e.line === (i < 5600 ? i + 1 : i + 2) && (e.event as { text: string }).text === text)).toBe(true);
    expect(read.problems.map((p) => p.line)).toEqual([5601]);
  });

  it('keeps a torn last line on its own line when appending after it', () => {
    const first = review('c1', 0);
    appendEvents(home, 'laptop', [first]);
    const file = logFile(home, 'laptop');
    appendFileSync(file, '{"v":1,"type":"rev');
    const next = review('c2', 1);
    appendEvents(home, 'laptop', [next]);
    const read = readLog(home);
    expect(read.events.map((e) => [e.event.id, e.line])).toEqual([[first.id, 1], [next.id, 3]]);
    expect(read.problems.map(formatProblem)).toEqual([`${file}:2: not valid JSON, skipped`]);
  });
});

describe('several devices', () => {
  it('merges device files by time, then device, then line', () => {
    const a = [review('a1', 0), review('a2', 2), review('a3', 4)];
    const b = [review('b1', 1), review('b2', 2), review('b3', 5)];
    appendEvents(home, 'phone', b);
    appendEvents(home, 'laptop', a);
    // A clock that went back on the laptop: its file is out of order, the merge is not.
    const late = review('a4', 3);
    appendEvents(home, 'laptop', [late]);
    // A hand-written time with an offset: 09:03:30+01:00 is 08:03:30Z, between a4 and a3.
    appendFileSync(logFile(home, 'phone'), `${JSON.stringify({ ...review('b4', 0), at: '2026-11-25T09:03:30+01:00' })}\n`);
    const read = readLog(home);
    expect(read.events.map((e) => `${e.device}:${e.line}:${(e.event as { card: string }).card}`)).toEqual([
      'laptop:1:a1', 'phone:1:b1', 'laptop:2:a2', 'phone:2:b2', 'laptop:4:a4', 'phone:4:b4', 'laptop:3:a3', 'phone:3:b3',
    ]);
  });

  it("reads a sync tool's conflict copy of a log without counting its events twice", () => {
    const shared = [review('c1', 0), review('c2', 1), review('c3', 1)];
    appendEvents(home, 'laptop', [...shared, review('c4', 3)]);
    const copy = [...shared, review('c5', 2)];
    writeFileSync(join(home, 'log', 'laptop.sync-conflict-20261125-081502-ABC.jsonl'), copy.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const read = readLog(home);
    expect(read.events.map((e) => `${e.device}:${(e.event as { card: string }).card}`)).toEqual([
      'laptop:c1', 'laptop:c2', 'laptop:c3', 'laptop.sync-conflict-20261125-081502-ABC:c5', 'laptop:c4',
    ]);
  });

  it('an incremental read from positions gives what a full read gives', () => {
    const reads: LogRead[] = [];
    let positions;
    let lines;
    for (let round = 0; round < 4; round++) {
      appendEvents(home, 'laptop', [review(`l${round}`, round * 10), review(`m${round}`, round * 10 + 2)]);
      if (round !== 2) appendEvents(home, 'phone', [review(`p${round}`, round * 10 + 1)]);
      if (round === 1) appendFileSync(logFile(home, 'phone'), 'junk\n');
      if (round === 3) appendFileSync(logFile(home, 'phone'), '{"v":1,"typ'); // torn: waits for its end
      const read = readLog(home, positions);
      expect(read.full).toBe(round === 0);
      // Told how many lines come before the positions, a read numbers lines without counting them.
      expect(readLog(home, positions, lines)).toEqual(read);
      reads.push(read);
      positions = read.positions;
      lines = read.lines;
    }
    // The torn line is completed by a slow writer: the next incremental read picks it up whole.
    const rest = JSON.stringify(review('p3b', 40)).slice('{"v":1,"typ'.length);
    appendFileSync(logFile(home, 'phone'), `${rest}\n`);
    reads.push(readLog(home, positions));

    const full = readLog(home);
    expect(reads.flatMap(summary)).toEqual(summary(full));
    expect(reads.at(-1)!.positions).toEqual(full.positions);
    expect(reads.at(-2)!.lines).toEqual({ laptop: 8, phone: 4 });
    expect(reads.flatMap((r) => r.problems.filter((p) => !p.message.startsWith('incomplete')))).toEqual(full.problems);
    expect(full.problems.map((p) => p.line)).toEqual([3]);
  });

  it('reads everything again when a sync tool replaced a file (shorter, or with no line end at the position)', () => {
    appendEvents(home, 'phone', [review('p1', 0), review('p2', 1)]);
    const { positions } = readLog(home);
    truncateSync(logFile(home, 'phone'), 0);
    appendEvents(home, 'phone', [review('p3', 2)]);
    const read = readLog(home, positions);
    expect(read.full).toBe(true);
    expect(read.events.map((e) => (e.event as { card: string }).card)).toEqual(['p3']);

    // Rewritten longer, so the old position falls inside a line: not a continuation either.
    const longer = [review('p4', 3), review('p5', 4)];
    writeFileSync(logFile(home, 'phone'), `${JSON.stringify({ ...longer[0], note: 'x'.repeat(20) })}\n${JSON.stringify(longer[1])}\n`);
    const again = readLog(home, read.positions);
    expect(again.full).toBe(true);
    expect(again.problems).toEqual([]);
    expect(again.events.map((e) => (e.event as { card: string }).card)).toEqual(['p4', 'p5']);
  });
});

describe('dataHome', () => {
  it('creates --home as a 0700 folder, else uses $RECALL_HOME, else the XDG data dir', () => {
    const chosen = join(home, 'a', 'b');
    expect(dataHome(chosen)).toBe(chosen);
    expect(statSync(chosen).mode & 0o777).toBe(0o700);
    const saved = { RECALL_HOME: process.env.RECALL_HOME, XDG_DATA_HOME: process.env.XDG_DATA_HOME, HOME: process.env.HOME };
    process.env.RECALL_HOME = join(home, 'env');
    process.env.XDG_DATA_HOME = join(home, 'xdg');
    try {
      expect(dataHome()).toBe(join(home, 'env'));
      expect(dataHome(chosen)).toBe(chosen);
      delete process.env.RECALL_HOME;
      expect(dataHome()).toBe(join(home, 'xdg', 'recall'));
      process.env.XDG_DATA_HOME = 'relative/ignored';
      process.env.HOME = home; // never the real home
      expect(dataHome()).toBe(join(home, '.local', 'share', 'recall'));
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('says so when the data folder is a file', () => {
    const file = join(home, 'file');
    writeFileSync(file, '');
    expect(() => dataHome(file)).toThrow(`${file} is not a folder`);
  });
});
