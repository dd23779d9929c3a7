import { describe, expect, it } from 'vitest';
import type { CardState } from '../../src/schedule/card-state.js';
import { ColumnStates, countKeysAmong, readQueueFields, type QueueFields } from '../../src/schedule/column-states.js';
import { buildQueue } from '../../src/schedule/queue.js';
import { replay } from '../../src/schedule/replay.js';
import { decodeHead, encodeHead, type HeadMeta } from '../../src/schedule/snapshot-head.js';
import type { Rating } from '../../src/store/events.js';
import { after, card, days, LogBuilder, minutes, settingsWith } from './helpers.js';

const META: HeadMeta = { settings: 'hash', positions: { 'dev-a': 1 }, lines: { 'dev-a': 1 }, lastAt: 0, segments: [], recentSince: 0, recent: 0 };
const T0 = new Date('2026-03-02T09:00:00Z');

/** States of every phase, suspended, buried and leech ones among them, from a replay of a few weeks. */
function replayedStates(cards: number) {
  const log = new LogBuilder();
  for (let day = 0; day < 30; day++) {
    for (let c = 0; c < cards; c += 1 + (day % 3)) {
      log.review(`c${c}`, (((c + day) % 4) + 1) as Rating, after(T0, days(day) + minutes(c)));
    }
  }
  log.add({ type: 'suspend', card: 'c3' }, after(T0, days(31)));
  log.add({ type: 'bury', card: 'c4' }, after(T0, days(31)));
  log.add({ type: 'forget', card: 'c5' }, after(T0, days(31)));
  return replay(log.events, settingsWith({ leechThreshold: 3 }));
}

/** `states` written to a head and loaded back. */
function loaded(states: ReadonlyMap<string, CardState>): ColumnStates {
  const head = Buffer.concat(encodeHead(META, states, new Map(), new Map()));
  const read = (from: number, to: number) => {
    const bytes = Buffer.from(new ArrayBuffer(to - from));
    head.copy(bytes, 0, from, to);
    return bytes;
  };
  return decodeHead(read, head.length).states;
}

const fieldsOf = (states: ReadonlyMap<string, CardState>, id: string) => {
  const into: QueueFields = { phase: 'new', due: 0, stability: 0, lastReview: 0, suspended: false, buriedUntil: 0 };
  return readQueueFields(states, id, into) ? { ...into } : null;
};

describe('ColumnStates', () => {
  it('reads back every state of a head, in order, and the queue fields of each without making it', () => {
    const { states } = replayedStates(40);
    expect([...states.values()].some((s) => s.leech)).toBe(true);
    const columns = loaded(states);
    expect(columns.size).toBe(states.size);
    for (const id of states.keys()) expect(fieldsOf(columns, id)).toEqual(fieldsOf(states, id));
    expect(fieldsOf(columns, 'absent')).toBeNull();
    expect([...columns]).toEqual([...states]);
    expect(columns.get('c7')).toBe(columns.get('c7'));
  });

  it('behaves as a Map filled from its rows through any sets and deletes', () => {
    const { states } = replayedStates(30);
    const columns = loaded(states);
    const plain = new Map(states);
    const changed = (id: string, reps: number): CardState => ({ ...(states.get('c0') as CardState), card: id, reps });
    const steps: ((m: Map<string, CardState>) => unknown)[] = [
      (m) => m.set('c2', changed('c2', 100)),
      (m) => m.set('new-a', changed('new-a', 1)),
      (m) => m.delete('c0'),
      (m) => m.delete('absent'),
      (m) => m.set('new-b', changed('new-b', 2)),
      (m) => m.set('c0', changed('c0', 7)),
      (m) => m.delete('new-a'),
      (m) => m.delete('c9'),
      (m) => m.set('new-a', changed('new-a', 3)),
      (m) => m.set('c2', changed('c2', 101)),
    ];
    for (const step of steps) {
      const [mine, theirs] = [step(columns), step(plain)];
      // `set` returns the map itself, `delete` whether there was an entry.
      expect(mine).toBe(theirs === plain ? columns : theirs);
      expect(columns.size).toBe(plain.size);
      expect([...columns.keys()]).toEqual([...plain.keys()]);
      for (const id of ['c0', 'c2', 'c9', 'new-a', 'new-b', 'absent']) {
        expect(columns.has(id)).toBe(plain.has(id));
        expect(columns.get(id)).toEqual(plain.get(id));
        expect(fieldsOf(columns, id)).toEqual(fieldsOf(plain, id));
      }
    }
    expect([...columns]).toEqual([...plain]);
    expect([...new Map(columns)]).toEqual([...plain]);
    expect([...columns.values()]).toEqual([...plain.values()]);
    const visited: string[] = [];
    columns.forEach((state, id, map) => visited.push(`${id}:${state.reps}:${map === columns}`));
    expect(visited).toEqual([...plain].map(([id, state]) => `${id}:${state.reps}:true`));
    const among = ['c2', 'c2', 'c0', 'new-a', 'new-a', 'c9', 'absent', 'c5'];
    expect(countKeysAmong(columns, among)).toBe(countKeysAmong(plain, among));
    expect(countKeysAmong(columns, among)).toBe(4);
    expect(countKeysAmong(columns, [...plain.keys()])).toBe(plain.size);
    // Written again (rows copied where nothing was made), then loaded: the same entries.
    expect([...loaded(columns)]).toEqual([...plain]);
    columns.clear();
    expect(columns.size).toBe(0);
    expect([...columns]).toEqual([]);
    expect(columns.has('c2')).toBe(false);
  });

  it('gives the queue a Map of its own states gives', () => {
    const { states, reviews } = replayedStates(60);
    const settings = settingsWith({ leechThreshold: 3, newPerDay: 5 });
    const cards = Array.from({ length: 70 }, (_, i) => card(`c${i}`));
    const columns = loaded(states);
    for (const now of [after(T0, days(31) + minutes(5)), after(T0, days(33))]) {
      const queue = buildQueue(cards, states, reviews, settings, now);
      expect(buildQueue(cards, columns, reviews, settings, now)).toEqual(queue);
    }
  });
});
