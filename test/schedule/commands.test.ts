import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const FIXTURE = join(import.meta.dirname, '../fixtures/schedule');
const BIN = join(import.meta.dirname, '../../bin/recall.js');

/** The CLI does not start itself under vitest (it checks VITEST), so the child must not inherit it. */
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'RECALL_HOME'));

let home: string;
let decks: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'recall-schedule-'));
  decks = join(home, 'decks');
  cpSync(FIXTURE, decks, { recursive: true });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function recall(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, '--home', home, '--decks', decks, ...args], {
      env: { ...childEnv, XDG_CONFIG_HOME: home },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const dueJson = async (...args: string[]) => JSON.parse((await recall('due', '--json', ...args)).stdout);
const logLines = () =>
  readdirSync(join(home, 'log')).flatMap((f) => readFileSync(join(home, 'log', f), 'utf8').trim().split('\n').map((l) => JSON.parse(l)));

// Each case spawns the CLI several times; on a busy 2-core machine one spawn can take a second.
describe('recall due / answer / undo', { timeout: 60_000 }, () => {
  it('answers a card, shows the new due date and counts, and undoes it exactly', async () => {
    const before = await dueJson();
    expect(before.counts).toEqual({ new: 3, learning: 0, review: 0 });
    const first = before.next[0].id as string;

    const answered = await recall('answer', first, 'good');
    expect(answered.code).toBe(0);
    expect(answered.stdout).toMatch(new RegExp(`^${first}: good; learning, due \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(in 10m\\)\\n$`));
    expect(logLines().map((e) => e.type)).toEqual(['card', 'review']);

    const after = await dueJson();
    expect(after.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(after.doneToday).toEqual({ new: 1, review: 0 });
    expect(after.nextLearningDue).not.toBeNull();

    const undone = await recall('undo');
    expect(undone.stdout).toMatch(new RegExp(`^Undid review \\(good\\) of ${first} from .*; new again\\n$`));
    expect(await dueJson()).toMatchObject({ counts: before.counts, doneToday: { new: 0, review: 0 }, next: before.next });
    expect((await recall('undo')).stdout).toBe('Nothing to undo on this device.\n');
  });

  it('filters by chapter and lists leeches', async () => {
    const routing = await dueJson('--chapter', 'Routing');
    expect(routing.next.map((n: { breadcrumb: string }) => n.breadcrumb)).toEqual(['2 Routing']);
    expect((await recall('due', '--chapter', 'nowhere')).stderr).toMatch(/no cards under --chapter nowhere/);
    expect((await recall('due', '--leeches')).stdout).toBe('No leeches.\n');
    const text = (await recall('due')).stdout;
    expect(text).toContain('Networking  ·  3 new, 0 learning, 0 review');
    expect(text).toContain('  2 Routing  ·  1 new, 0 learning, 0 review');
  });

  it('refuses a bad rating (exit 2) and an unknown card (exit 1) with one line', async () => {
    const bad = await recall('answer', 'x', 'great');
    expect([bad.code, bad.stderr]).toEqual([2, 'recall: rating must be 1-4 or again, hard, good, easy, not "great"\n']);
    const unknown = await recall('answer', 'nope', '3');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^recall: no card nope in the decks; `recall cards` lists the cards and their ids\n$/);
    expect(readdirSync(home)).not.toContain('log');
  });

  it('moves the history of an edited card to its new version with one relink event', async () => {
    const { next } = await dueJson();
    const routing = next.find((n: { breadcrumb: string }) => n.breadcrumb === '2 Routing').id as string;
    await recall('answer', routing, 'easy');
    const file = join(decks, 'networking.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('longest matching prefix', 'longest-matching prefix'));

    const edited = await dueJson();
    expect(edited.counts).toEqual({ new: 2, learning: 0, review: 0 });
    const relinks = logLines().filter((e) => e.type === 'relink');
    expect(relinks).toHaveLength(1);
    expect(relinks[0].from).toBe(routing);
    expect(edited.next.map((n: { id: string }) => n.id)).not.toContain(relinks[0].to);
    await dueJson();
    expect(logLines().filter((e) => e.type === 'relink')).toHaveLength(1);
    // The last event is the new version's text, for relinking it again later.
    expect(logLines().at(-1)).toMatchObject({ type: 'card', card: relinks[0].to });
  });

  it('lists a card that lapsed leechThreshold times with --leeches', async () => {
    const { next } = await dueJson();
    const card = next[0].id as string;
    const deck = 'networking.md';
    const line = (at: number, rating: number) =>
      JSON.stringify({ v: 1, type: 'review', id: randomUUID(), at: new Date(at).toISOString(), card, rating, ms: 1000, deck });
    let at = Date.parse('2026-01-05T12:00:00Z');
    const lines = [line(at, 4)];
    for (let lapse = 0; lapse < 8; lapse++) {
      at += 20 * 86_400_000;
      lines.push(line(at, 1), line(at + 15 * 60_000, 3));
    }
    mkdirSync(join(home, 'log'), { recursive: true });
    writeFileSync(join(home, 'log', 'other-device.jsonl'), `${lines.join('\n')}\n`);

    const text = (await recall('due', '--leeches')).stdout;
    expect(text).toMatch(new RegExp(`^${card}  8 lapses  .*networking\\.md:\\d+  `));
    expect(text.endsWith('1 leech\n')).toBe(true);
    const [leech] = JSON.parse((await recall('due', '--leeches', '--json')).stdout);
    expect(leech).toMatchObject({ id: card, lapses: 8, suspended: false });
  });
});
