/** `recall stats` and `recall export` end to end: the built CLI on a temporary home, deck and log. */
import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/recall.js');
const DAY = 86_400_000;
/** The CLI does not start itself under vitest (it checks VITEST), so the child must not inherit it. */
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'RECALL_HOME'));

const NOTE = `# Networks

## 1. Basics

Routing moves packets between networks using tables of prefixes and next hops.

Why, "exactly",
does a router drop a packet?
?
No route matches its destination.

## 2. Switching

Switches forward frames by MAC address within one broadcast domain, learning the ports.
`;

interface CardJson {
  readonly id: string;
  readonly deck: string;
  readonly front: string;
  readonly chapter: { readonly number: string | null; readonly title: string } | null;
}

let home: string;
let cards: CardJson[];
let reviews: { card: string; at: string; rating: number; ms: number; deck: string }[];

function recall(args: readonly string[]) {
  return spawnSync(process.execPath, [BIN, '--home', home, '--decks', join(home, 'net.md'), ...args], {
    encoding: 'utf8',
    env: { ...childEnv, XDG_CONFIG_HOME: home, NO_COLOR: '1' },
  });
}

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'recall-stats-'));
  writeFileSync(join(home, 'net.md'), NOTE);
  const listed = recall(['cards', '--json']);
  expect(listed.stderr).toBe('');
  cards = JSON.parse(listed.stdout) as CardJson[];
  // Each card reviewed 10 and 3 days ago and yesterday, Good each time but the first card's last: Again.
  const now = Date.now();
  const lines: string[] = [];
  reviews = [];
  cards.forEach((card, i) => {
    const at = (ago: number) => new Date(now - ago * DAY + i * 60_000).toISOString();
    lines.push(JSON.stringify({ v: 1, type: 'card', id: randomUUID(), at: at(10.5), card: card.id, deck: card.deck, text: card.front }));
    [10, 3, 1].forEach((ago, k) => {
      const review = { card: card.id, at: at(ago), rating: i === 0 && k === 2 ? 1 : 3, ms: 1000 * (k + 1) + i, deck: card.deck };
      reviews.push(review);
      lines.push(JSON.stringify({ v: 1, type: 'review', id: randomUUID(), ...review }));
    });
  });
  mkdirSync(join(home, 'log'));
  writeFileSync(join(home, 'log', 'laptop.jsonl'), `${lines.join('\n')}\n`);
});

describe('recall export', () => {
  it('writes reviews as CSV that reads back to the same events', () => {
    const out = recall(['export', 'reviews']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const rows = parse(out.stdout, { columns: true }) as Record<string, string>[];
    const byTime = [...reviews].sort((a, b) => a.at.localeCompare(b.at));
    expect(rows.map((r) => [r.card_id, Number(r.review_time), Number(r.review_rating), Number(r.review_duration), r.deck, r.device])).toEqual(
      byTime.map((r) => [r.card, Date.parse(r.at), r.rating, r.ms, r.deck, 'laptop']),
    );
    // The state before each review: new, learning (Good graduates it), review.
    const first = rows.filter((r) => r.card_id === cards[0]!.id).map((r) => r.review_state);
    expect(first).toEqual(['0', '1', '2']);
    expect(new Set(rows.map((r) => r.chapter))).toEqual(new Set(cards.map((c) => [c.chapter?.number, c.chapter?.title].filter(Boolean).join(' '))));
  });

  it('keeps a front with a comma, a quote and a newline intact in the cards CSV', () => {
    const tricky = cards.find((c) => c.front.includes('"exactly"'));
    expect(tricky?.front).toMatch(/,[^]*"[^]*\n/);
    const rows = parse(recall(['export', 'cards']).stdout, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.id === tricky!.id)?.front).toBe(tricky!.front);
    expect(rows).toHaveLength(cards.length);
    expect(rows.map((r) => r.state)).toEqual(cards.map((_, i) => (i === 0 ? 'relearning' : 'review')));
  });

  it('narrows to --chapter and writes JSON arrays', () => {
    const basics = cards.filter((c) => c.chapter?.number === '1');
    const rows = JSON.parse(recall(['export', 'reviews', '--format', 'json', '--chapter', 'Basics']).stdout) as Record<string, unknown>[];
    expect(new Set(rows.map((r) => r.card_id))).toEqual(new Set(basics.map((c) => c.id)));
    expect(rows).toHaveLength(basics.length * 3);
    const days = JSON.parse(recall(['export', 'stats', '--format', 'json']).stdout) as { reviews: number; new_learned: number }[];
    expect(days.reduce((sum, d) => sum + d.reviews, 0)).toBe(reviews.length);
    expect(days.reduce((sum, d) => sum + d.new_learned, 0)).toBe(cards.length);
  });

  it('writes --out atomically, refuses to replace it without --force', () => {
    const file = join(home, 'exports', 'reviews.csv');
    mkdirSync(join(home, 'exports'));
    const first = recall(['export', 'reviews', '--out', file]);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe(`recall: wrote ${reviews.length} reviews to ${file}\n`);
    const written = readFileSync(file, 'utf8');
    expect(written.split('\n')[0]).toBe('card_id,review_time,review_rating,review_state,review_duration,deck,chapter,device');
    writeFileSync(file, 'mine');
    const refused = recall(['export', 'reviews', '--out', file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`recall: ${file} already exists; add --force to replace it\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(recall(['export', 'reviews', '--out', file, '--force']).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect(readdirSync(join(home, 'exports'))).toEqual(['reviews.csv']);
  });

  it('writes an Anki text file', () => {
    const lines = recall(['export', 'anki']).stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#tags column:3']);
    expect(lines.filter((l) => l && !l.startsWith('#'))).toHaveLength(cards.length);
    expect(lines.some((l) => l.endsWith('\tnet::1_Basics'))).toBe(true);
  });

  it('names what it cannot export', () => {
    const out = recall(['export', 'everything']);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe('recall: cannot export "everything": choose one of reviews, cards, stats, anki\n');
  });
});

describe('recall stats', () => {
  it('prints plain text outside a terminal and JSON with --json', () => {
    const plain = recall(['stats']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('True retention');
    expect(plain.stdout).toMatch(/Total\s+3/);
    const report = JSON.parse(recall(['stats', '--json']).stdout) as {
      cards: { total: number }; totals: { reviews: number }; calendar: unknown[]; calibration: { bins: unknown[] }; parameters: { description: string };
    };
    expect(report.cards.total).toBe(cards.length);
    expect(report.totals.reviews).toBe(reviews.length);
    expect(report.calendar).toHaveLength(365);
    expect(report.calibration.bins).toHaveLength(10);
    expect(report.parameters.description).toBe('FSRS defaults');
  });

  it('refuses a --chapter that matches nothing', () => {
    const out = recall(['stats', '--chapter', 'nothing-like-this']);
    expect(out.status).toBe(1);
    expect(out.stderr).toBe('recall: no cards under --chapter nothing-like-this (recall decks shows the outline)\n');
  });
});

// Last: it adds a second device's log to the home.
describe('recall export into a pipe', () => {
  it('treats a closed pipe as the reader\'s choice', () => {
    // Enough rows (about 400 kB) to fill the pipe after `head` has gone.
    const big = join(home, 'log', 'phone.jsonl');
    const card = cards[1]!;
    const start = Date.now() - 400 * DAY;
    writeFileSync(big, Array.from({ length: 5_000 }, (_, i) =>
      JSON.stringify({ v: 1, type: 'review', id: randomUUID(), at: new Date(start + i * 1000).toISOString(), card: card.id, rating: 3, ms: 1, deck: card.deck }),
    ).join('\n') + '\n');
    const shell = `"${process.execPath}" "${BIN}" --home "${home}" --decks "${join(home, 'net.md')}" export reviews | head -n 2; echo "status \${PIPESTATUS[0]}" >&2`;
    const run = spawnSync('bash', ['-c', shell], { encoding: 'utf8', env: { ...childEnv, XDG_CONFIG_HOME: home } });
    expect(run.stdout.split('\n')[0]).toMatch(/^card_id,/);
    expect(run.stderr).toBe('status 0\n');
  });
});
