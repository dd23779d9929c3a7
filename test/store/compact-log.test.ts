import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCompactLog } from '../../src/store/compact-log.js';
import type { EventType, ReviewEvent } from '../../src/store/events.js';
import { appendEvents, newEvent, readLog, type EventBody } from '../../src/store/log.js';
import { NotInTimeOrder, streamLog } from '../../src/store/log-stream.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'recall-compact-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const T0 = Date.parse('2026-11-25T08:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const review = (card: string, minutes: number, rating: 1 | 2 | 3 | 4 = 3) =>
  newEvent({ type: 'review', card, rating, ms: 4000 + minutes, deck: `deck-${card}` }, at(minutes));
const line = (event: object) => `${JSON.stringify(event)}\n`;

/** What a fold is handed, taken from `readLog`: events neither undone nor undos, in log order. */
function expectedFold() {
  const { events } = readLog(home);
  const undone = new Set(events.flatMap(({ event }) => (event.type === 'undo' ? [event.target] : [])));
  return events
    .filter(({ event }) => event.type !== 'undo' && !undone.has(event.id))
    .map(({ event, device }) => {
      const { v: _v, at: time, ...body } = event;
      return { body, device, at: Date.parse(time) };
    });
}

function streamedFold() {
  const seen: { body: EventBody; device: string; at: number }[] = [];
  const scan = streamLog(home, (body, device, time) => seen.push({ body, device, at: time }));
  const read = readLog(home);
  expect(scan).toEqual({ problems: read.problems, positions: read.positions, lines: read.lines, ignored: read.ignored, full: true });
  // What a fold reads of an event: a streamed one carries its version and time too.
  return seen.map(({ body, device, at }) => {
    const { v: _v, at: _at, ...rest } = body as EventBody & { v?: number; at?: string };
    return { body: rest, device, at };
  });
}

function compactFold() {
  const log = readCompactLog(home);
  const seen: { body: EventBody; device: string; at: number }[] = [];
  log.forEach((body, device, time) => seen.push({ body, device, at: time }));
  expect(seen).toHaveLength(log.size);
  return seen;
}

describe('readCompactLog', () => {
  it('hands out the events readLog gives, in the same order, without undone ones, duplicates or undos', () => {
    const laptop: ReviewEvent[] = [
      newEvent({ type: 'card', card: 'c1', deck: 'd', text: 'What is a pod? — 最小の単位' }, at(0)),
      review('c1', 1),
      newEvent({ type: 'cram', card: 'c1', rating: 2, ms: 100 }, at(2)),
      review('c2', 3, 1),
      newEvent({ type: 'bury', card: 'c1' }, at(4)),
      newEvent({ type: 'relink', from: 'c1', to: 'c9' }, at(5)),
      review('c3', 1), // the clock moved back
    ];
    const phone: ReviewEvent[] = [review('c4', 1), review('c5', 3), newEvent({ type: 'suspend', card: 'c4' }, at(6))];
    appendEvents(home, 'laptop', laptop);
    appendEvents(home, 'phone', phone);
    appendEvents(home, 'laptop', [newEvent({ type: 'undo', target: laptop[3]!.id }, at(7))]);
    const file = (device: string) => join(home, 'log', `${device}.jsonl`);
    // Hand edits: an id that is not a uuid, a time with an offset, a bad line, a newer version's event.
    appendFileSync(file('phone'), line({ v: 1, type: 'forget', id: 'hand-1', at: '2026-11-25T09:08:00+01:00', card: 'c5' }));
    appendFileSync(file('phone'), '{"v":1,"type":"review"\n');
    appendFileSync(file('phone'), line({ v: 2, type: 'review', id: 'new-1', at: at(9).toISOString() }));
    appendFileSync(file('phone'), line({ v: 1, type: 'undo', id: 'hand-2', at: at(10).toISOString(), target: 'hand-1' }));
    // A sync tool's conflict copy repeats the laptop's first events and undoes one of them.
    mkdirSync(join(home, 'log'), { recursive: true });
    appendFileSync(file('laptop.sync-conflict-1'), laptop.slice(0, 3).map(line).join(''));
    appendFileSync(file('laptop.sync-conflict-1'), line(newEvent({ type: 'undo', target: laptop[1]!.id }, at(11))));

    const expected = expectedFold();
    expect(expected.map((e) => e.body.id)).not.toContain(laptop[1]!.id);
    expect(expected.map((e) => e.body.id)).not.toContain('hand-1');
    expect(compactFold()).toEqual(expected);
    const compact = readCompactLog(home);
    const read = readLog(home);
    expect(compact.problems).toEqual(read.problems);
    expect(compact.problems).toHaveLength(1);
    expect(compact.positions).toEqual(read.positions);
    expect(compact.ignored).toBe(1);
  });

  it("finds a device's last undoable event not undone by line, not by time", () => {
    const undoable: ReadonlySet<EventType> = new Set(['review', 'bury']);
    const first = review('c1', 5);
    const second = newEvent({ type: 'bury', card: 'c2' }, at(1)); // written later, dated earlier
    appendEvents(home, 'laptop', [first, second, newEvent({ type: 'card', card: 'c3', deck: 'd', text: 't' }, at(6))]);
    appendEvents(home, 'phone', [review('c4', 9)]);
    expect(readCompactLog(home).lastOf('laptop', undoable)).toEqual(second);
    appendEvents(home, 'laptop', [newEvent({ type: 'undo', target: second.id }, at(7))]);
    expect(readCompactLog(home).lastOf('laptop', undoable)).toEqual(first);
    expect(readCompactLog(home).lastOf('tablet', undoable)).toBeUndefined();
  });

  it('holds more events than one block of columns', () => {
    const events = Array.from({ length: 70_000 }, (_, i) => review(`c${i % 977}`, i % 5000));
    appendEvents(home, 'laptop', events.slice(0, 40_000));
    appendEvents(home, 'phone', events.slice(40_000));
    expect(compactFold()).toEqual(expectedFold());
  });
});

describe('streamLog', () => {
  it('hands out what readCompactLog does when every file is in time order, reading each once and a little', () => {
    const laptop = [
      newEvent({ type: 'card', card: 'c1', deck: 'd', text: 'What is a pod? — 最小の単位 (undo marks in text)' }, at(0)),
      review('c1', 1),
      review('c2', 3, 1),
      newEvent({ type: 'bury', card: 'c1' }, at(4)),
      newEvent({ type: 'relink', from: 'c1', to: 'c9' }, at(5)),
    ];
    appendEvents(home, 'laptop', laptop);
    appendEvents(home, 'phone', [review('c4', 1), review('c5', 3), newEvent({ type: 'suspend', card: 'c4' }, at(6))]);
    appendEvents(home, 'laptop', [newEvent({ type: 'undo', target: laptop[2]!.id }, at(7))]);
    const file = (device: string) => join(home, 'log', `${device}.jsonl`);
    appendFileSync(file('phone'), line({ v: 1, type: 'forget', id: 'hand-1', at: '2026-11-25T09:08:00+01:00', card: 'c5' }));
    appendFileSync(file('phone'), '{"v":1,"type":"review"\n');
    // An undo spelled with an escape is an undo all the same.
    appendFileSync(file('phone'), '{"v":1,"type":"\\u0075ndo","id":"hand-2","at":"2026-11-25T08:10:00.000Z","target":"hand-1"}\n');
    appendFileSync(file('laptop.sync-conflict-1'), laptop.slice(0, 3).map(line).join(''));
    appendFileSync(file('laptop.sync-conflict-1'), line(newEvent({ type: 'undo', target: laptop[1]!.id }, at(11))));

    const expected = expectedFold();
    expect(expected.map((e) => e.body.id)).not.toContain('hand-1');
    expect(expected.map((e) => e.body.id)).not.toContain(laptop[1]!.id);
    expect(streamedFold()).toEqual(expected);
    expect(compactFold()).toEqual(expected);
  });

  it('sorts lines a little out of time order, and stops when a file is out of order by more than that', () => {
    appendEvents(home, 'laptop', [review('c1', 5), review('c2', 1), review('c3', 5), review('c4', 2)]);
    appendEvents(home, 'phone', [review('c5', 3)]);
    expect(streamedFold()).toEqual(expectedFold());
    appendEvents(home, 'laptop', Array.from({ length: 2000 }, (_, i) => review(`d${i}`, 10 + i)));
    expect(streamedFold()).toEqual(expectedFold());
    appendEvents(home, 'laptop', [review('late', 8)]); // a clock moved back, beyond the lines read ahead
    expect(() => streamLog(home, () => {})).toThrow(NotInTimeOrder);
  });

  it('reads a log of many chunks like readLog', () => {
    const events = Array.from({ length: 30_000 }, (_, i) => review(`c${i % 977}`, i));
    appendEvents(home, 'laptop', events.filter((_, i) => i % 3 !== 0));
    appendEvents(home, 'phone', events.filter((_, i) => i % 3 === 0));
    appendEvents(home, 'phone', [newEvent({ type: 'undo', target: events[3]!.id }, at(40_000))]);
    expect(streamedFold()).toEqual(expectedFold());
  });
});
