// Study days are local: fix the zone before anything reads it (each test file runs in its own fork).
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { buildQueue } from '../../src/schedule/queue.js';
import { replay } from '../../src/schedule/replay.js';
import { after, card, days, LogBuilder, minutes, settingsWith } from './helpers.js';

const cards = Array.from({ length: 50 }, (_, i) => card(`n${String(i).padStart(2, '0')}`));
const queueAt = (log: LogBuilder, now: Date, settings = settingsWith()) => {
  const events = [...log.events].sort((a, b) => a.event.at.localeCompare(b.event.at) || a.device.localeCompare(b.device));
  const { states, reviews } = replay(events, settings);
  return buildQueue(cards, states, reviews, settings, now);
};

describe('queue', () => {
  it('offers 20 of 50 new cards today and 20 more tomorrow with newPerDay 20', () => {
    const log = new LogBuilder();
    const morning = new Date(2026, 10, 2, 9, 0);
    let q = queueAt(log, morning);
    expect(q.counts).toEqual({ new: 20, learning: 0, review: 0 });
    expect(q.cards.map((c) => c.id)).toEqual(cards.slice(0, 20).map((c) => c.id));
    q.cards.forEach((c, i) => log.review(c.id, 4, after(morning, i * 1000)));
    q = queueAt(log, after(morning, minutes(30)));
    expect(q.counts.new).toBe(0);
    expect(q.doneToday.new).toBe(20);
    const tomorrow = new Date(2026, 10, 3, 9, 0);
    q = queueAt(log, tomorrow);
    expect(q.counts.new).toBe(20);
    expect(q.cards.filter((c) => q.kinds.get(c.id) === 'new').map((c) => c.id)).toEqual(cards.slice(20, 40).map((c) => c.id));
  });

  it("counts a second device's new cards toward today's limit", () => {
    const log = new LogBuilder();
    const morning = new Date(2026, 10, 2, 9, 0);
    for (let i = 0; i < 15; i++) log.review(cards[49 - i]!.id, 3, after(morning, i * 1000), 'dev-b');
    const q = queueAt(log, after(morning, minutes(20)));
    expect(q.doneToday.new).toBe(15);
    expect(q.counts.new).toBe(5);
  });

  it('starts a new study day at 04:00 local time across a DST change', () => {
    const settings = settingsWith({ newPerDay: 1 });
    const log = new LogBuilder();
    // DST starts in New York on 2026-03-08 at 02:00.
    log.review('n00', 3, new Date(2026, 2, 8, 3, 59));
    expect(queueAt(log, new Date(2026, 2, 8, 3, 59, 30), settings).counts.new).toBe(0);
    expect(queueAt(log, new Date(2026, 2, 8, 4, 1), settings).counts.new).toBe(1);
  });

  it('puts due learning cards first, then reviews by lowest retrievability with new cards spread among them', () => {
    const log = new LogBuilder();
    const t0 = new Date(2026, 0, 10, 9);
    // Reviews: n00 (learnt once, long ago) and n01 (learnt recently, same due day) become due with different R.
    log.review('n00', 4, t0);
    log.review('n01', 4, after(t0, days(3)));
    for (let i = 2; i < 6; i++) log.review(`n0${i}`, 4, after(t0, days(3)));
    const now = after(t0, days(60));
    log.review('n10', 1, after(now, -minutes(5))); // a new card in its first learning step, due after 1 minute
    const q = queueAt(log, now, settingsWith({ newPerDay: 3 }));
    expect(q.kinds.get('n10')).toBe('learning');
    expect(q.cards[0]!.id).toBe('n10');
    expect(q.counts).toEqual({ learning: 1, review: 6, new: 2 });
    const rest = q.cards.slice(1).map((c) => q.kinds.get(c.id));
    // New cards sit at 1/4 and 3/4 of the reviews (reviews first on a tie).
    expect(rest).toEqual(['review', 'review', 'new', 'review', 'review', 'review', 'new', 'review']);
    expect(q.cards[1]!.id).toBe('n00');
  });

  it('caps reviews at reviewsPerDay minus reviews answered today', () => {
    const log = new LogBuilder();
    const t0 = new Date(2026, 0, 10, 9);
    for (let i = 0; i < 10; i++) log.review(cards[i]!.id, 4, t0);
    const now = after(t0, days(100));
    log.review('n00', 3, after(now, -minutes(1)));
    const q = queueAt(log, now, settingsWith({ reviewsPerDay: 5, newPerDay: 0 }));
    expect(q.doneToday.review).toBe(1);
    expect(q.counts).toEqual({ new: 0, learning: 0, review: 4 });
  });

  it('leaves out suspended and buried cards; buried ones come back the next study day', () => {
    const log = new LogBuilder();
    const evening = new Date(2026, 10, 2, 21, 0);
    log.add({ type: 'suspend', card: 'n00' }, evening);
    log.add({ type: 'bury', card: 'n01' }, evening);
    const settings = settingsWith({ newPerDay: 3 });
    expect(queueAt(log, after(evening, minutes(1)), settings).cards.map((c) => c.id)).toEqual(['n02', 'n03', 'n04']);
    expect(queueAt(log, new Date(2026, 10, 3, 3, 59), settings).cards.map((c) => c.id)).toEqual(['n02', 'n03', 'n04']);
    expect(queueAt(log, new Date(2026, 10, 3, 4, 0), settings).cards.map((c) => c.id)).toEqual(['n01', 'n02', 'n03']);
    log.add({ type: 'unsuspend', card: 'n00' }, new Date(2026, 10, 3, 5, 0));
    expect(queueAt(log, new Date(2026, 10, 3, 5, 1), settings).cards.map((c) => c.id)).toEqual(['n00', 'n01', 'n02']);
  });

  it('shuffles new cards by a per-day seed with newOrder "random"', () => {
    const settings = settingsWith({ newOrder: 'random', newPerDay: 50 });
    const log = new LogBuilder();
    const monday = queueAt(log, new Date(2026, 10, 2, 9), settings).cards.map((c) => c.id);
    expect(queueAt(log, new Date(2026, 10, 2, 18), settings).cards.map((c) => c.id)).toEqual(monday);
    expect(monday).not.toEqual(cards.map((c) => c.id));
    expect([...monday].sort()).toEqual(cards.map((c) => c.id));
    expect(queueAt(log, new Date(2026, 10, 3, 9), settings).cards.map((c) => c.id)).not.toEqual(monday);
  });
});
