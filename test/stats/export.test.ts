process.env.TZ = 'UTC';
import { parse } from 'csv-parse/sync';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ankiTag, ankiText } from '../../src/stats/anki.js';
import { CARD_COLUMNS, cardRows, DAY_COLUMNS, dayRows, REVIEW_COLUMNS, reviewRows } from '../../src/stats/export-rows.js';
import { writeFileAtomic } from '../../src/stats/output-file.js';
import { serializeRows } from '../../src/stats/serialize.js';
import { card, CARDS, NOW, reviewRecords, specReviews, state, statsInput } from './history.js';

const TRICKY = 'Why, "exactly",\ndoes it route?';
const STATE_CODES = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

describe('reviews export', () => {
  it('round-trips through csv-parse to the same reviews, in the optimizer column layout', () => {
    const tricky = card('t0', { number: '3', title: 'Odd, "quoted"\nchapter' }, TRICKY);
    const reviews = [...reviewRecords(), { ...reviewRecords()[0]!, id: 'x', card: 't0', device: 'desk, "2"' }];
    const input = statsInput({ cards: [...CARDS, tricky], reviews });
    const csv = serializeRows(reviewRows(input), REVIEW_COLUMNS, 'csv');
    expect(csv.split('\n')[0]).toBe('card_id,review_time,review_rating,review_state,review_duration,deck,chapter,device');
    const parsed = parse(csv, { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(reviews.length);
    parsed.forEach((row, i) => {
      const r = reviews[i]!;
      const chapter = CARDS.find((c) => c.id === r.card)?.chapter ?? tricky.chapter!;
      expect(row).toEqual({
        card_id: r.card,
        review_time: String(r.at.getTime()),
        review_rating: String(r.rating),
        review_state: String(STATE_CODES[r.phaseBefore]),
        review_duration: String(r.ms),
        deck: 'net.md',
        chapter: `${chapter.number} ${chapter.title}`,
        device: r.device,
      });
    });
    expect(parsed.at(-1)?.chapter).toBe('3 Odd, "quoted"\nchapter');
  });

  it('writes JSON as an array of objects with the same fields', () => {
    const rows = JSON.parse(serializeRows(reviewRows(statsInput()), REVIEW_COLUMNS, 'json')) as Record<string, unknown>[];
    expect(rows).toHaveLength(specReviews().length);
    expect(Object.keys(rows[0]!)).toEqual([...REVIEW_COLUMNS]);
    expect(rows[0]).toMatchObject({ card_id: 'a0', review_rating: 1, review_state: 0, review_duration: 1000, chapter: '1 Basics' });
  });
});

describe('cards export', () => {
  const texts = new Map([['old', { deck: 'net.md', text: 'An old card\nits back' }]]);

  it('has one row per card, a tricky front intact, and cards gone from the notes named from the log', () => {
    const tricky = card('t0', { number: '3', title: 'Odd' }, TRICKY);
    const states = new Map([...statsInput().states, ['old', state('old', { reps: 7, lapses: 2 })]]);
    const input = statsInput({ cards: [...CARDS, tricky], states, texts });
    const rows = parse(serializeRows(cardRows(input, NOW), CARD_COLUMNS, 'csv'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 't0', 'old']);
    expect(rows[6]).toMatchObject({ front: TRICKY, state: 'new', due: '', stability: '', reps: '0', chapter: '3 Odd', section: 'Details' });
    expect(rows[3]).toMatchObject({ state: 'suspended', stability: '5' });
    expect(rows[0]).toMatchObject({
      deck: 'net.md', chapter: '1 Basics', kind: 'section', state: 'review', due: '2026-03-30T10:00:00.000Z',
      stability: '2', difficulty: '5', retrievability: '0.85', reps: '3', lapses: '0', last_review: '2026-03-30T10:00:00.000Z',
    });
    expect(rows[7]).toMatchObject({ deck: 'net.md', chapter: '', kind: '', front: 'An old card\nits back', reps: '7', lapses: '2' });
  });
});

describe('stats export', () => {
  it('gives the daily aggregates of every day with reviews', () => {
    const rows = dayRows(statsInput());
    expect(rows).toHaveLength(88);
    // Day 50 (2026-02-20, 50 % 4 = 2): a0-a2 and the Routing cards; b0 and a0 ((50+0) % 5) forgotten.
    expect(rows.find((r) => r.date === '2026-02-20')).toEqual({
      date: '2026-02-20', reviews: 5, again: 2, time_ms: 1000 + 2000 + 3000 + 5000 + 5000, new_learned: 0, retention: 0.6, retention_reviews: 5,
    });
    expect(rows[0]).toMatchObject({ date: '2026-01-01', reviews: 3, new_learned: 3, retention: null, retention_reviews: 0 });
    expect(serializeRows(rows, DAY_COLUMNS, 'csv').split('\n')[1]).toBe('2026-01-01,3,1,11000,3,,0');
  });
});

describe('anki export', () => {
  it('writes the header lines, HTML fields on one line each and the chapter as a tag', () => {
    const code = card('c0', { number: '2', title: 'Routing tables' }, '**Which** command\tlists routes?');
    const withCode = { ...code, back: 'Run:\n\n```sh\nip route\nip -6 route\n```\n\n- one\n- two' };
    const text = ankiText([withCode]);
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#tags column:3']);
    expect(lines).toHaveLength(5);
    const fields = lines[3]!.split('\t');
    expect(fields).toHaveLength(3);
    expect(fields[0]).toBe('<p><strong>Which</strong> command&#9;lists routes?</p>');
    expect(fields[1]).toContain('<pre><code class="language-sh">ip route&#10;ip -6 route&#10;</code></pre>');
    expect(fields[1]).toContain('<li>one</li>');
    expect(fields[2]).toBe('net::2_Routing_tables');
    expect(ankiTag(card('d', { number: null, title: 'Say "hi" there' }))).toBe('net::Say_hi_there');
  });
});

describe('writeFileAtomic', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'recall-export-'));

  it('refuses an existing file without force, replaces it with force, and leaves no temp file', () => {
    const dir = folder();
    const file = join(dir, 'reviews.csv');
    writeFileSync(file, 'old');
    expect(() => writeFileAtomic(file, 'new', false)).toThrow(`${file} already exists; add --force to replace it`);
    expect(readFileSync(file, 'utf8')).toBe('old');
    writeFileAtomic(file, 'new', true);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['reviews.csv']);
  });

  it('keeps the mode of a file it replaces', () => {
    const file = join(folder(), 'cards.csv');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new', true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('names a missing folder', () => {
    const missing = join(folder(), 'nope', 'out.csv');
    expect(() => writeFileAtomic(missing, 'x', false)).toThrow(/folder .*nope does not exist/);
  });
});
