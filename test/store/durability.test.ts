/**
 * The log against real crashes and real concurrency: child processes run the same `appendEvents`, bundled
 * from src/store/log.ts with esbuild, on the same files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLog } from '../../src/store/log.js';

let dir: string;
let child: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'recall-durability-'));
  await build({
    entryPoints: [join(import.meta.dirname, '../../src/store/log.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'log.mjs'),
    logLevel: 'warning',
  });
  // Waits for "go" on stdin, then appends `count` reviews in batches, printing each batch's last
  // sequence number once appendEvents has returned (the rating is then durable).
  child = join(dir, 'child.mjs');
  writeFileSync(
    child,
    `import { appendEvents, newEvent } from './log.mjs';
const [home, device, name, count, batch] = process.argv.slice(2);
process.stdin.once('data', () => {
  for (let i = 0; i < Number(count); ) {
    const events = [];
    for (let j = 0; j < Number(batch) && i < Number(count); j++, i++) {
      events.push(newEvent({ type: 'review', card: name + ':' + i, rating: 1 + (i % 4), ms: i, deck: 'd' }, new Date()));
    }
    appendEvents(home, device, events);
    process.stdout.write(i + '\\n');
  }
  process.exit(0);
});
process.stdout.write('ready\\n');
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Writer {
  readonly process: ChildProcess;
  /** Resolves with the first line on which `until` is true. */
  readonly waitFor: (until: (line: string) => boolean) => Promise<string>;
  readonly exited: Promise<number | null>;
}

function startWriter(home: string, name: string, count: number, batch: number): Writer {
  const proc = spawn(process.execPath, [child, home, 'laptop', name, String(count), String(batch)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! });
  const waiting: { until: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  let last = '';
  lines.on('line', (line) => {
    last = line;
    for (const w of waiting.splice(0)) {
      if (w.until(line)) w.resolve(line);
      else waiting.push(w);
    }
  });
  return {
    process: proc,
    waitFor: (until) => (until(last) ? Promise.resolve(last) : new Promise((resolve) => waiting.push({ until, resolve }))),
    exited: new Promise((resolve) => proc.on('exit', (code) => resolve(code))),
  };
}

const cardsOf = (home: string, name: string) =>
  readLog(home).events.map((e) => (e.event as { card: string }).card).filter((card) => card.startsWith(`${name}:`));

describe('review log durability', () => {
  it('keeps every completed rating when the writer is killed with SIGKILL mid-stream', async () => {
    const home = join(dir, 'killed');
    const writer = startWriter(home, 'k', 100_000, 1);
    await writer.waitFor((line) => line === 'ready');
    writer.process.stdin!.write('go\n');
    const done = Number(await writer.waitFor((line) => Number(line) >= 1000));
    writer.process.kill('SIGKILL');
    expect(await writer.exited).toBe(null);

    const read = readLog(home);
    const cards = cardsOf(home, 'k');
    // Every append that returned is there, in order; at most one more was caught mid-flight.
    expect(cards.length).toBeGreaterThanOrEqual(done);
    expect(cards.length).toBeLessThan(100_000);
    expect(cards).toEqual(cards.map((_, i) => `k:${i}`));
    expect(read.problems.length).toBeLessThanOrEqual(1);
    for (const p of read.problems) expect(p.message).toMatch(/^incomplete last line/);
  }, 60_000);

  it('two processes appending 5 000 ratings each at once leave all 10 000 intact', async () => {
    const home = join(dir, 'concurrent');
    const writers = [startWriter(home, 'a', 5000, 10), startWriter(home, 'b', 5000, 10)];
    await Promise.all(writers.map((w) => w.waitFor((line) => line === 'ready')));
    for (const w of writers) w.process.stdin!.write('go\n');
    expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0]);

    const read = readLog(home);
    expect(read.problems).toEqual([]);
    expect(read.events).toHaveLength(10_000);
    expect(new Set(read.events.map((e) => e.event.id)).size).toBe(10_000);
    for (const name of ['a', 'b']) expect(cardsOf(home, name)).toEqual(Array.from({ length: 5000 }, (_, i) => `${name}:${i}`));
    // The writers really ran at the same time: their lines alternate in the one file, many times over.
    const inFileOrder = [...read.events].sort((x, y) => x.line - y.line).map((e) => (e.event as { card: string }).card[0]);
    const switches = inFileOrder.filter((name, i) => i > 0 && name !== inFileOrder[i - 1]).length;
    expect(switches).toBeGreaterThan(10);
  }, 120_000);
});
