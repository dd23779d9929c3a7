/**
 * A first start of the built CLI replays the whole log on a worker thread: the snapshot it saves holds
 * exactly the states and reviews of a full replay in this thread, and the log's bad lines are reported.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { replay } from '../../src/schedule/replay.js';
import { loadSnapshot } from '../../src/schedule/snapshot.js';
import type { Rating } from '../../src/store/events.js';
import { appendEvents, newEvent, readLog } from '../../src/store/log.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(import.meta.dirname, '../fixtures/schedule');
const home = mkdtempSync(join(tmpdir(), 'recall-full-replay-worker-'));
const twin = mkdtempSync(join(tmpdir(), 'recall-full-replay-worker-'));
afterAll(() => [home, twin].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const T0 = Date.parse('2026-01-05T09:00:00Z');
const MINUTE = 60_000;
const SETTINGS = { ...DEFAULT_SETTINGS, deviceId: 'test' };

/** `count` ratings of 37 cards on `device`, 50 a day, with the cards' texts, a suspend and a forget. */
function history(device: string, count: number, offset: number): void {
  const events = [];
  for (let i = 0; i < count; i++) {
    const card = `${device}-${i % 37}`;
    const at = new Date(T0 + Math.floor(i / 50) * 1440 * MINUTE + (i % 50) * MINUTE + offset);
    if (i < 37) events.push(newEvent({ type: 'card', card, deck: 'a.md', text: `front ${i} › back` }, at));
    events.push(newEvent({ type: 'review', card, rating: (((i * 7) % 4) + 1) as Rating, ms: 1000 + i, deck: 'a.md' }, at));
    if (i === 400) events.push(newEvent({ type: 'suspend', card }, at));
    if (i === 900) events.push(newEvent({ type: 'forget', card }, at));
  }
  appendEvents(home, device, events);
}

describe('a first start', () => {
  it('saves the snapshot of a full replay made on a worker and reports the bad lines of the log', () => {
    history('laptop', 3000, 0);
    history('phone', 2000, 30_000);
    const logFile = join(home, 'log', readdirSync(join(home, 'log'))[0] as string);
    appendFileSync(logFile, 'not an event\n');
    const log = readLog(home);
    expect(log.problems.length).toBe(1);
    cpSync(join(home, 'log'), join(twin, 'log'), { recursive: true });

    const due = (dir: string, env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['bin/recall.js', '--home', dir, '--decks', FIXTURE, 'due'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, VITEST: '', XDG_CONFIG_HOME: dir, ...env },
      });
    // Node's own worker debug lines show the replay worker was started (an in-thread replay saves the same snapshot).
    const traced = due(twin, { NODE_DEBUG: 'worker' });
    expect(traced.status).toBe(0);
    expect(traced.stderr).toContain('recallReplayWorker: true');

    const run = due(home);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(log.problems.map((p) => `recall: ${formatProblem(p)}\n`).join(''));

    const snapshot = loadSnapshot(join(home, 'cache', 'schedule.snapshot'), SETTINGS);
    expect(snapshot).not.toBeNull();
    const expected = replay(log.events, SETTINGS);
    const { replay: saved, stored } = snapshot as NonNullable<typeof snapshot>;
    expect([...saved.states]).toEqual([...expected.states]);
    expect(stored.read(stored.count)).toEqual(expected.reviews);
    expect(expected.reviews.length).toBeGreaterThan(4000);
    stored.close();
  });
});
