import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/cli/workspace.js';
import { replay } from '../../src/schedule/replay.js';
import { loadSnapshot } from '../../src/schedule/snapshot.js';
import { setSetting } from '../../src/store/config.js';
import { buildQueue } from '../../src/schedule/queue.js';
import type { Rating } from '../../src/store/events.js';
import { appendEvents, newEvent, readLog } from '../../src/store/log.js';
import { after, days, minutes } from './helpers.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/schedule');
const T0 = new Date('2026-06-01T12:00:00Z');

let home: string;
const globals = () => ({ home, decks: [FIXTURE], debug: false });
const SNAPSHOT = () => join(home, 'cache', 'schedule.snapshot');

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'recall-workspace-'));
  process.env.XDG_CONFIG_HOME = home;
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** What a full replay of the log on disk gives now. */
function fullReplay(workspace: Workspace) {
  const { states, reviews } = replay(readLog(home).events, workspace.settings);
  return { states, reviews };
}

const ids = (workspace: Workspace) => workspace.library.cards.map((card) => card.id) as [string, string, string];

/** A few days of study: ratings, a bury, a suspend, a forget and undos. */
function study(workspace: Workspace): void {
  studyFirstDay(workspace);
  studyLater(workspace);
}

function studyFirstDay(workspace: Workspace): void {
  const [a, b, c] = ids(workspace);
  workspace.rate(a, 3, 4000, T0);
  workspace.rate(b, 1, 9000, after(T0, minutes(1)));
  workspace.rate(a, 3, 3000, after(T0, minutes(11)));
  workspace.rate(b, 3, 3000, after(T0, minutes(12)));
  workspace.bury(c, after(T0, minutes(13)));
}

function studyLater(workspace: Workspace): void {
  const [a, b, c] = ids(workspace);
  workspace.rate(a, 4, 2000, after(T0, days(3)));
  workspace.suspend(b, after(T0, days(3) + 1000));
  workspace.forget(a, after(T0, days(3) + 2000));
  workspace.undo(after(T0, days(3) + 3000)); // the forget
  workspace.rate(c, 2, 5000, after(T0, days(3) + 4000));
  workspace.undo(after(T0, days(3) + 5000)); // the rating of c
}

/** `count` Good ratings of cards outside the notes on `device`, 60 a study day from `from` on. */
function appendHistory(from: Date, count: number, device = 'tablet'): void {
  const events = Array.from({ length: count }, (_, i) =>
    newEvent({ type: 'review', card: `x${i % 23}`, rating: ((i % 4) + 1) as Rating, ms: 1000, deck: 'old.md' }, after(from, days(Math.floor(i / 60)) + minutes(i % 60))),
  );
  appendEvents(home, device, events);
}

describe('workspace', () => {
  it('keeps its states equal to a full replay of the log through every action and undo', async () => {
    const workspace = await openWorkspace(globals(), T0);
    expect(workspace.library.cards).toHaveLength(3);
    study(workspace);
    const full = fullReplay(workspace);
    expect([...workspace.states]).toEqual([...full.states]);
    expect(workspace.reviews).toEqual(full.reviews);
    expect(full.states.get(workspace.library.cards[0]!.id)!.phase).toBe('review');
    expect(full.states.get(workspace.library.cards[2]!.id)!.buriedUntil).not.toBeNull();
  });

  it('starts from the snapshot plus new events with the same result as a full replay', async () => {
    studyFirstDay(await openWorkspace(globals(), T0));
    rmSync(join(home, 'cache'), { recursive: true });
    // No snapshot: a full replay, saved with the log positions of the first day.
    const later = await openWorkspace(globals(), after(T0, days(1)));
    studyLater(later);
    const snapshot = loadSnapshot(SNAPSHOT(), later.settings)!;
    const [device, covered] = Object.entries(snapshot.positions)[0]!;
    expect(covered).toBeGreaterThan(0);
    expect(covered).toBeLessThan(statSync(join(home, 'log', `${device}.jsonl`)).size);

    const incremental = await openWorkspace(globals(), after(T0, days(4)));
    // It continued the snapshot: a full replay would have saved a new one covering the whole log.
    expect(loadSnapshot(SNAPSHOT(), later.settings)!.positions[device]).toBe(covered);
    const full = fullReplay(incremental);
    expect([...incremental.states]).toEqual([...full.states]);
    expect(incremental.reviews).toEqual(full.reviews);

    writeFileSync(SNAPSHOT(), '{"format":1, "broken');
    expect([...(await openWorkspace(globals(), after(T0, days(4)))).states]).toEqual([...full.states]);
    rmSync(join(home, 'cache'), { recursive: true });
    expect([...(await openWorkspace(globals(), after(T0, days(4)))).states]).toEqual([...full.states]);
  });

  it('replays in full when the scheduling settings change', async () => {
    study(await openWorkspace(globals(), T0));
    await openWorkspace(globals(), after(T0, days(4))); // leaves a snapshot made with the defaults
    await setSetting('desiredRetention', '0.8');
    const changed = await openWorkspace(globals(), after(T0, days(4)));
    expect(changed.settings.desiredRetention).toBe(0.8);
    expect([...changed.states]).toEqual([...fullReplay(changed).states]);
    const card = changed.library.cards[0]!.id;
    expect(changed.states.get(card)!.due.getTime()).toBeGreaterThan(0);
  });

  it("undoes this device's last action from an earlier session exactly", async () => {
    const first = await openWorkspace(globals(), T0);
    const card = first.library.cards[1]!.id;
    first.rate(card, 3, 1000, T0);
    const before = first.states.get(card);
    first.rate(card, 3, 1000, after(T0, minutes(10)));
    first.rate(first.library.cards[0]!.id, 3, 1000, after(T0, minutes(11)));
    first.cram(card, 1, 1000, after(T0, minutes(12)));

    const second = await openWorkspace(globals(), after(T0, minutes(20)));
    expect(second.undo(after(T0, minutes(20)))?.event.type).toBe('cram');
    expect(second.undo(after(T0, minutes(21)))?.event.type).toBe('review');
    const third = await openWorkspace(globals(), after(T0, minutes(22)));
    const undone = third.undo(after(T0, minutes(22)));
    expect(undone?.event).toMatchObject({ type: 'review', card });
    expect(third.states.get(card)).toEqual(before);
    expect([...third.states]).toEqual([...fullReplay(third).states]);
    expect([...(await openWorkspace(globals(), after(T0, minutes(23)))).states]).toEqual([...third.states]);
  });

  it('stays equal to a full replay when an action is dated before events already folded in', async () => {
    const workspace = await openWorkspace(globals(), T0);
    const [a, b] = ids(workspace);
    workspace.rate(a, 3, 1000, after(T0, minutes(30)));
    workspace.rate(b, 3, 1000, T0); // the clock moved back
    expect([...workspace.states]).toEqual([...fullReplay(workspace).states]);
    expect(workspace.undo(after(T0, minutes(1)))?.event).toMatchObject({ type: 'review', card: b });
    expect([...workspace.states]).toEqual([...fullReplay(workspace).states]);
    expect(workspace.states.has(b)).toBe(false);
    // Without a snapshot, a log out of time order is replayed in full all the same (sorted, not streamed).
    workspace.rate(b, 3, 1000, after(T0, minutes(5)));
    rmSync(join(home, 'cache'), { recursive: true });
    const again = await openWorkspace(globals(), after(T0, minutes(40)));
    expect([...again.states]).toEqual([...fullReplay(again).states]);
    expect(again.reviews).toEqual(fullReplay(again).reviews);
  });

  it('reads older reviews only when asked, and continues and saves the snapshot after many new events', async () => {
    appendHistory(T0, 600);
    const now = after(T0, days(10) + minutes(70));
    const first = await openWorkspace(globals(), now);
    expect(first.replay.earlier).toBeGreaterThan(0);
    let full = fullReplay(first);
    expect([...first.states]).toEqual([...full.states]);
    const queue = (reviews: Parameters<typeof buildQueue>[2]) => buildQueue(first.cards(), full.states, reviews, first.settings, now);
    expect(first.queue(now)).toEqual(queue(full.reviews));
    expect(first.reviews).toEqual(full.reviews);

    appendHistory(after(T0, days(10)), 600);
    const later = after(T0, days(20));
    const second = await openWorkspace(globals(), later);
    const snapshot = loadSnapshot(SNAPSHOT(), second.settings)!;
    expect(snapshot.positions.tablet).toBe(statSync(join(home, 'log', 'tablet.jsonl')).size);
    const [a] = ids(second);
    second.rate(a, 3, 1000, later);
    second.rate(a, 1, 1000, after(later, minutes(1)));
    second.undo(after(later, minutes(2)));
    full = fullReplay(second);
    expect([...second.states]).toEqual([...full.states]);
    expect(second.reviewsOfStudyDay(later)).toEqual(full.reviews.slice(-second.reviewsOfStudyDay(later).length));
    expect(second.reviews).toEqual(full.reviews);
    second.undo(after(later, minutes(3)));
    expect(second.reviews).toEqual(fullReplay(second).reviews);
    expect((await openWorkspace(globals(), later)).reviews).toEqual(fullReplay(second).reviews);
  });
});
