import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replay, replayStream, type EventSource } from '../../src/schedule/replay.js';
import { SEGMENT_REVIEWS } from '../../src/schedule/review-segments.js';
import { loadSnapshot, SnapshotWriter } from '../../src/schedule/snapshot.js';
import type { LoggedEvent, Rating } from '../../src/store/events.js';
import { after, days, LogBuilder, minutes, settingsWith } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recall-snapshot-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const START = new Date('2026-01-05T15:00:00Z');
const MARK = { positions: { 'dev-a': 123 }, lines: { 'dev-a': 4 } };

/** `count` reviews over `cards` cards, a few a day, with undos, buries, forgets, a relink and card texts. */
function history(count: number, cards: number): LoggedEvent[] {
  const log = new LogBuilder();
  for (let c = 0; c < cards; c++) log.add({ type: 'card', card: `c${c}`, deck: 'deck.md', text: `card ${c} text` }, START);
  let t = after(START, minutes(1));
  for (let i = 0; i < count; i++) {
    const card = `c${(i * 7) % cards}`;
    const id = log.review(card, ((i % 4) + 1) as Rating, t, i % 3 === 0 ? 'dev-b' : 'dev-a');
    if (i % 97 === 0) log.add({ type: 'undo', target: id }, after(t, 1));
    if (i % 501 === 0) log.add({ type: 'bury', card }, after(t, 2));
    if (i % 1003 === 0) log.add({ type: 'forget', card }, after(t, 3));
    if (i === 10) log.add({ type: 'relink', from: 'c1', to: 'c1-edited' }, after(t, 4));
    t = after(t, i % 40 === 39 ? days(1) - minutes(39 * 3) : minutes(3));
  }
  return log.events;
}

/** The events as a full read hands them to a streamed fold. */
function sourceOf(events: readonly LoggedEvent[]): EventSource {
  const undone = new Set(events.flatMap(({ event }) => (event.type === 'undo' ? [event.target] : [])));
  return (visit) => {
    for (const { event, device } of events) if (event.type !== 'undo' && !undone.has(event.id)) visit(event, device, Date.parse(event.at));
  };
}

describe('the replay snapshot', () => {
  it('keeps every review of a streamed full replay, and in memory only the last two study days', () => {
    const settings = settingsWith();
    const events = history(SEGMENT_REVIEWS + 5000, 300);
    const full = replay(events, settings);
    const path = join(dir, 'schedule.snapshot');
    const writer = new SnapshotWriter(path);
    const streamed = replayStream(sourceOf(events), settings, (review) => writer.add(review));
    expect([...streamed.states]).toEqual([...full.states]);
    expect(streamed.earlier + streamed.reviews.length).toBe(full.reviews.length);
    const saved = writer.finish(streamed, MARK, settings);
    // 40 reviews a study day: today's and yesterday's.
    expect(saved.replay.reviews).toEqual(full.reviews.slice(-saved.replay.reviews.length));
    expect(saved.replay.reviews.length).toBeGreaterThanOrEqual(41);
    expect(saved.replay.reviews.length).toBeLessThanOrEqual(80);

    const loaded = loadSnapshot(path, settings)!;
    expect(loaded.positions).toEqual(MARK.positions);
    expect(loaded.lines).toEqual(MARK.lines);
    // States and texts come back read on demand from the head's columns: compared as entries below.
    expect({ ...loaded.replay, states: null, texts: null }).toEqual({ ...saved.replay, states: null, texts: null });
    expect([...loaded.replay.states]).toEqual([...saved.replay.states]);
    expect([...loaded.replay.states]).toEqual([...full.states]);
    expect(new Map([...loaded.replay.texts].map(([id, { deck, text }]) => [id, { deck, text }]))).toEqual(full.texts);
    expect(loaded.replay.aliases).toEqual(full.aliases);
    expect(loaded.replay.reviews.every((r) => r.at.getTime() >= loaded.replay.recentSince)).toBe(true);
    expect(full.reviews.filter((r) => r.at.getTime() >= loaded.replay.recentSince)).toEqual(loaded.replay.reviews);
    expect(loaded.stored.count).toBe(full.reviews.length);
    // The recent reviews are a segment of their own, read at a start without the others' strings.
    expect(loaded.stored.segments.at(-1)![1]).toBe(loaded.replay.reviews.length);
    expect([...loaded.stored.read(loaded.replay.earlier), ...loaded.replay.reviews]).toEqual(full.reviews);
    expect(loaded.stored.read(7)).toEqual(full.reviews.slice(0, 7));
  });

  it('continues: a fold onto a loaded snapshot, saved with its reviews copied, equals a full replay', () => {
    const settings = settingsWith();
    const events = history(3000, 50);
    const cut = events.findIndex((e) => e.event.at >= after(START, days(40)).toISOString());
    const head = events.slice(0, cut);
    const path = join(dir, 'schedule.snapshot');
    const writer = new SnapshotWriter(path);
    writer.finish(replayStream(sourceOf(head), settings, (review) => writer.add(review)), MARK, settings);

    const loaded = loadSnapshot(path, settings)!;
    const folded = replay(events.slice(cut), settings, loaded.replay, true);
    const again = new SnapshotWriter(path, loaded.stored);
    for (const review of folded.reviews.slice(loaded.stored.count - folded.earlier)) again.add(review);
    again.finish(folded, { positions: { 'dev-a': 456 }, lines: { 'dev-a': 9 } }, settings);
    loaded.stored.close();

    const full = replay(events, settings);
    const next = loadSnapshot(path, settings)!;
    expect(next.positions).toEqual({ 'dev-a': 456 });
    expect([...next.replay.states]).toEqual([...full.states]);
    expect(new Map([...next.replay.texts].map(([id, { deck, text }]) => [id, { deck, text }]))).toEqual(full.texts);
    expect(next.replay.aliases).toEqual(full.aliases);
    expect([...next.stored.read(next.replay.earlier), ...next.replay.reviews]).toEqual(full.reviews);
  });

  it('continues from the reviews it loaded even when another snapshot was renamed over the path meanwhile', () => {
    const settings = settingsWith();
    const events = history(600, 20);
    const path = join(dir, 'schedule.snapshot');
    const write = (list: readonly LoggedEvent[]) => {
      const writer = new SnapshotWriter(path);
      writer.finish(replayStream(sourceOf(list), settings, (review) => writer.add(review)), MARK, settings).stored.close();
    };
    write(events.slice(0, 400));
    const loaded = loadSnapshot(path, settings)!;
    write(events.slice(0, 100)); // another process's snapshot: the loaded one's segments are not in it
    const folded = replay(events.slice(400), settings, loaded.replay, true);
    const again = new SnapshotWriter(path, loaded.stored);
    for (const review of folded.reviews.slice(loaded.stored.count - folded.earlier)) again.add(review);
    again.finish(folded, MARK, settings);
    const next = loadSnapshot(path, settings)!;
    expect([...next.stored.read(next.replay.earlier), ...next.replay.reviews]).toEqual(replay(events, settings).reviews);
    // The loaded texts were read (when written again) from the file it was loaded from, not the one renamed over it.
    expect(new Map([...next.replay.texts].map(([id, { deck, text }]) => [id, { deck, text }]))).toEqual(replay(events, settings).texts);
  });

  it('reads its texts when first asked for, through the descriptor it was loaded with, and not once closed', () => {
    const settings = settingsWith();
    const path = join(dir, 'schedule.snapshot');
    const writer = new SnapshotWriter(path);
    writer.finish(replayStream(sourceOf(history(300, 12)), settings, (review) => writer.add(review)), MARK, settings).stored.close();
    const first = loadSnapshot(path, settings)!;
    const second = loadSnapshot(path, settings)!;
    rmSync(path);
    expect(first.replay.texts.get('c3')).toEqual(expect.objectContaining({ deck: 'deck.md', text: 'card 3 text' }));
    second.stored.close();
    expect(() => second.replay.texts.get('c3')).toThrow(/closed/);
    first.stored.close();
  });

  it('is not used with other scheduling settings, or when it is not a whole snapshot', () => {
    const settings = settingsWith();
    const path = join(dir, 'schedule.snapshot');
    const writer = new SnapshotWriter(path);
    writer.finish(replayStream(sourceOf(history(100, 5)), settings, (review) => writer.add(review)), MARK, settings);
    expect(loadSnapshot(path, settings)).not.toBeNull();
    expect(loadSnapshot(path, settingsWith({ desiredRetention: 0.8 }))).toBeNull();
    expect(loadSnapshot(path, settingsWith({ dayStartsAt: 2 }))).toBeNull();
    expect(loadSnapshot(join(dir, 'missing'), settings)).toBeNull();
    writeFileSync(path, 'RCLSNAP5 and then nothing that makes sense');
    expect(loadSnapshot(path, settings)).toBeNull();
  });

  it('holds an empty history', () => {
    const settings = settingsWith();
    const path = join(dir, 'schedule.snapshot');
    const writer = new SnapshotWriter(path);
    writer.finish(replayStream(() => {}, settings, (review) => writer.add(review)), { positions: {}, lines: {} }, settings);
    const loaded = loadSnapshot(path, settings)!;
    expect(loaded.replay.states.size).toBe(0);
    expect(loaded.stored.read(10)).toEqual([]);
  });
});
