import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs bench scripts carry no types
import { corpus } from '../../bench/gen-corpus.mjs';
// @ts-expect-error plain .mjs bench scripts carry no types
import { DEVICES, history } from '../../bench/gen-history.mjs';
import { readLog } from '../../src/store/log.js';

const root = mkdtempSync(join(tmpdir(), 'recall-bench-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function digest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) hash.update(relative(dir, path)).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('bench generators', () => {
  it('corpus: the same seed gives the same bytes, another seed other bytes', () => {
    const options = { files: 40, hugeBytes: 64 * 1024 };
    const a = corpus(join(root, 'a'), { seed: 1, ...options });
    const b = corpus(join(root, 'b'), { seed: 1, ...options });
    corpus(join(root, 'c'), { seed: 2, ...options });
    expect(digest(join(root, 'a'))).toBe(digest(join(root, 'b')));
    expect(digest(join(root, 'a'))).not.toBe(digest(join(root, 'c')));
    expect(a.files).toBe(40);
    expect(b.bytes).toBe(a.bytes);
    expect(statSync(a.huge.file).size).toBeGreaterThanOrEqual(64 * 1024);
  });

  it('history: the real log format, read back by the store without problems', async () => {
    const cards = Array.from({ length: 100 }, (_, i) => ({ id: `card${i}`, deck: `deck-${i % 3}.md`, text: `front ${i} back` }));
    const manifest = await history(join(root, 'home'), cards, { seed: 3, reviews: 600, days: 400, source: 'test' });
    expect(manifest.reviews).toBe(600);
    expect(readdirSync(join(root, 'home', 'log')).sort()).toEqual(DEVICES.map((d: string) => `${d}.jsonl`).sort());

    const read = readLog(join(root, 'home'));
    expect(read.problems).toEqual([]);
    expect(read.events.filter((e) => e.event.type === 'review')).toHaveLength(600);
    // Every card's first event is its `card` event, and every undo names an earlier review.
    const seen = new Set<string>();
    const ids = new Set<string>();
    for (const { event } of read.events) {
      if (event.type === 'card') seen.add(event.card);
      if (event.type === 'review') expect(seen.has(event.card)).toBe(true);
      if (event.type === 'undo') expect(ids.has(event.target)).toBe(true);
      ids.add(event.id);
    }
  });
});
