import { describe, expect, it } from 'vitest';
import { formatInterval, previewIntervals } from '../../src/schedule/preview.js';
import { findRelinks, RELINK_THRESHOLD, similarity, cardText } from '../../src/schedule/relink.js';
import { newCardState, replay } from '../../src/schedule/replay.js';
import { after, card, days, LogBuilder, minutes, settingsWith } from './helpers.js';

describe('previews', () => {
  it('formats intervals like Anki', () => {
    expect(formatInterval(30_000)).toBe('<1m');
    expect(formatInterval(minutes(1))).toBe('1m');
    expect(formatInterval(minutes(10))).toBe('10m');
    expect(formatInterval(minutes(90))).toBe('1.5h');
    expect(formatInterval(days(1))).toBe('1d');
    expect(formatInterval(days(29))).toBe('29d');
    expect(formatInterval(days(96))).toBe('3.2mo');
    expect(formatInterval(days(400))).toBe('1.1y');
    expect(formatInterval(days(365))).toBe('1y');
  });

  it("shows a new card's learning steps and a review card's days", () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const settings = settingsWith({ fuzz: false });
    const fresh = previewIntervals(newCardState('a', now), settings, now);
    expect(fresh[1]).toBe('1m');
    expect(fresh[2]).toBe('6m');
    expect(fresh[3]).toBe('10m');
    expect(fresh[4]).toMatch(/^\d+d$/);
    const log = new LogBuilder();
    log.review('a', 4, now);
    const state = replay(log.events, settings).states.get('a')!;
    const later = after(state.due, 0);
    const review = previewIntervals(state, settings, later);
    expect(review[1]).toBe('10m');
    const UNIT_DAYS: Record<string, number> = { m: 1 / 1440, h: 1 / 24, d: 1, mo: 30, y: 365 };
    const inDays = (s: string) => {
      const [, n, unit] = /^([\d.]+)(m|h|d|mo|y)$/.exec(s)!;
      return Number(n) * UNIT_DAYS[unit!]!;
    };
    expect(inDays(review[2])).toBeGreaterThanOrEqual(1);
    expect(inDays(review[2])).toBeLessThan(inDays(review[3]));
    expect(inDays(review[3])).toBeLessThan(inDays(review[4]));
  });

  it('agrees with what answering then schedules, fuzz included', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const log = new LogBuilder();
    log.review('a', 3, now);
    log.review('a', 3, after(now, minutes(10)));
    const settings = settingsWith();
    const state = replay(log.events, settings).states.get('a')!;
    const at = after(state.due, days(1));
    const shown = previewIntervals(state, settings, at);
    log.review('a', 3, at);
    const next = replay(log.events, settings).states.get('a')!;
    expect(shown[3]).toBe(formatInterval(next.due.getTime() - at.getTime()));
  });
});

describe('relink', () => {
  const text = 'Rancher server runs as a container on a Kubernetes cluster and manages downstream clusters';

  it(`relinks at token-set Jaccard similarity ≥ ${RELINK_THRESHOLD}, and not below`, () => {
    expect(RELINK_THRESHOLD).toBe(0.6);
    // A typo fix: 12 of the 14 distinct tokens shared.
    expect(similarity(text, text.replace('Kubernetes', 'Kubernets'))).toBeCloseTo(12 / 14, 5);
    // A reworded fact still shares most of its words.
    const reworded = 'Rancher server runs as a container in a Kubernetes cluster and it manages the downstream clusters';
    expect(similarity(text, reworded)).toBeGreaterThanOrEqual(RELINK_THRESHOLD);
    // Another card of the same topic shares the common words only.
    const other = 'Downstream clusters are Kubernetes clusters that Rancher manages through its cluster agent';
    expect(similarity(text, other)).toBeLessThan(RELINK_THRESHOLD);
  });

  it('moves history one to one, best match first, within the same deck only', () => {
    const texts = new Map([
      ['old-a', { deck: 'd.md', text }],
      ['old-b', { deck: 'd.md', text: 'The etcd database keeps the state of every Kubernetes object in the cluster' }],
      ['old-c', { deck: 'other.md', text: 'The etcd database keeps the state of every Kubernetes object in the cluster' }],
    ]);
    const edited = card('new-a', 'd.md', 'Rancher server', 'runs as a container on a Kubernetes cluster and manages the downstream clusters');
    const near = card('new-a2', 'd.md', 'Rancher server', 'runs as a pod on a Kubernetes cluster and manages downstream clusters');
    const unrelated = card('new-x', 'd.md', 'Fleet', 'GitOps at scale: Fleet deploys bundles from git repositories to many clusters');
    const kept = card('kept', 'd.md', 'Kept', 'a card with history still in the notes');
    const hasHistory = (id: string) => id.startsWith('old') || id === 'kept';
    const relinks = findRelinks([kept, near, edited, unrelated], texts, hasHistory);
    expect(relinks.map(({ from, to }) => ({ from, to }))).toEqual([{ from: 'old-a', to: 'new-a' }]);
    expect(relinks[0]!.similarity).toBeGreaterThan(similarity(text, cardText(near)));
  });

  it('reads no recorded text of a deck no longer in the notes', () => {
    let read = 0;
    const recorded = (deck: string, body: string) => ({
      deck,
      get text() {
        read += 1;
        return body;
      },
    });
    const texts = new Map([
      ['old-a', recorded('d.md', text)],
      ['old-gone', recorded('gone.md', text)],
    ]);
    const edited = card('new-a', 'd.md', 'Rancher server', 'runs as a container on a Kubernetes cluster and manages the downstream clusters');
    const relinks = findRelinks([edited], texts, (id) => id.startsWith('old'));
    expect(relinks.map(({ from, to }) => ({ from, to }))).toEqual([{ from: 'old-a', to: 'new-a' }]);
    expect(read).toBe(1);
  });

  it('normalises whitespace and keeps card text within 1 KiB', () => {
    expect(cardText({ front: 'What  is\nit?', back: ' This.\n' })).toBe('What is it? This.');
    const long = cardText({ front: 'x', back: '数'.repeat(600) });
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(1024);
    expect(long.endsWith('数')).toBe(true);
  });
});
