process.env.TZ = 'UTC';
import { describe, expect, it } from 'vitest';
import { statsReport } from '../../src/stats/report.js';
import { DAYS, dateOf, NOW, reviewRecords, specReviews, state, statsInput, STATES, type SpecReview } from './history.js';

/** Reviews per date, straight from the spec. */
function perDate(spec: readonly SpecReview[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of spec) counts.set(dateOf(r.day), (counts.get(dateOf(r.day)) ?? 0) + 1);
  return counts;
}

/** True retention the spec implies over the last `days` days: first reviews are new, not young. */
function expectedRetention(spec: readonly SpecReview[], days: number) {
  const seen = new Set<string>();
  const young = { passed: 0, total: 0 };
  const mature = { passed: 0, total: 0 };
  for (const r of spec) {
    const first = !seen.has(r.card);
    seen.add(r.card);
    if (first || r.day < DAYS - days) continue;
    const bucket = r.mature ? mature : young;
    bucket.total += 1;
    if (r.rating > 1) bucket.passed += 1;
  }
  return { young, mature };
}

describe('statsReport on a 90-day history', () => {
  const report = statsReport(statsInput(), [], NOW);

  it('gives one heatmap cell per day of the last year, each the reviews of that study day', () => {
    expect(report.calendar).toHaveLength(365);
    expect(report.calendar.at(-1)?.date).toBe('2026-03-31');
    const expected = perDate(specReviews());
    for (const cell of report.calendar) expect(cell.value, cell.date).toBe(expected.get(cell.date) ?? 0);
    // Day 25 (Jan 26): a0, a1 and both Routing cards; the gap days are empty.
    expect(report.calendar.find((c) => c.date === '2026-01-26')?.value).toBe(4);
    expect(report.calendar.find((c) => c.date === dateOf(30))?.value).toBe(0);
    expect(report.totals.reviews).toBe(specReviews().length);
  });

  it('counts streaks across the gap days', () => {
    // Days 61-89 run up to today; days 0-29 are the longest run.
    expect(report.streak).toEqual({ current: 29, longest: 30 });
  });

  it('forecasts due cards per day, overdue and later-today cards in today, suspended ones never', () => {
    expect(report.forecast).toHaveLength(30);
    expect(report.forecast[0]).toEqual({ date: '2026-03-31', value: 2 });
    expect(report.forecast[10]).toEqual({ date: '2026-04-10', value: 1 });
    expect(report.forecast[29]).toEqual({ date: '2026-04-29', value: 1 });
    expect(report.forecast.reduce((sum, d) => sum + d.value, 0)).toBe(4);
  });

  it('measures true retention for today, 7, 30 and 365 days, young and mature apart', () => {
    expect(report.retention.map((w) => w.days)).toEqual([1, 7, 30, 365]);
    for (const window of report.retention) {
      const expected = expectedRetention(specReviews(), window.days);
      expect(window.young, `young ${window.days}`).toMatchObject(expected.young);
      expect(window.mature, `mature ${window.days}`).toMatchObject(expected.mature);
      expect(window.all.total).toBe(expected.young.total + expected.mature.total);
    }
    // Today (day 89, 89 % 4 = 1): a0 and a1 reviewed; (89 + 1) % 5 = 0 makes a1 an Again.
    expect(report.retention[0]?.young).toEqual({ passed: 1, total: 2, rate: 0.5 });
    // Mature: the Routing reviews of days 25, 50, 75; one Again (b0, day 50).
    expect(report.retention[3]?.mature).toEqual({ passed: 5, total: 6, rate: 5 / 6 });
    expect(report.retention[2]?.mature).toEqual({ passed: 2, total: 2, rate: 1 });
    expect(report.desiredRetention).toBe(0.9);
  });

  it('counts cards by state and averages their memory', () => {
    expect(report.cards).toEqual({ total: 6, new: 0, learning: 1, review: 4, relearning: 0, suspended: 1 });
    expect(report.memory.cards).toBe(6);
    expect(report.memory.stability).toBeCloseTo((2 + 1 + 12 + 5 + 40 + 41) / 6, 10);
    expect(report.memory.retrievability).toBeCloseTo((4 * 0.85 + 2 * 0.95) / 6, 10);
  });

  it('sums time per day over the last 30 days', () => {
    expect(report.time).toHaveLength(30);
    const expected = new Map<string, number>();
    for (const r of specReviews()) expected.set(dateOf(r.day), (expected.get(dateOf(r.day)) ?? 0) + r.ms);
    for (const day of report.time) expect(day.value, day.date).toBe(expected.get(day.date) ?? 0);
  });

  it('tables chapters with cards, due and 30-day retention', () => {
    const spec30 = specReviews().filter((r) => r.day >= DAYS - 30 && r.card.startsWith('a'));
    expect(report.chapters).toEqual([
      {
        deck: 'net.md', chapter: '1 Basics', cards: 4, new: 0, due: 2,
        retention: { passed: spec30.filter((r) => r.rating > 1).length, total: spec30.length, rate: expect.any(Number) },
      },
      { deck: 'net.md', chapter: '2 Routing', cards: 2, new: 0, due: 0, retention: { passed: 2, total: 2, rate: 1 } },
    ]);
  });

  it('counts a card without a state as new', () => {
    const fresh = statsReport(statsInput({ states: new Map([...STATES].filter(([id]) => id !== 'a2')) }), [], NOW);
    expect(fresh.cards.new).toBe(1);
    expect(fresh.chapters[0]?.new).toBe(1);
    expect(fresh.forecast[10]?.value).toBe(0);
  });
});

describe('the loaded decks', () => {
  const other = { ...reviewRecords()[5]!, id: 'other', card: 'zz', deck: 'other.md' };
  const gone = { ...reviewRecords()[5]!, id: 'gone', card: 'old', deck: 'net.md' };
  const texts = new Map([['old', { deck: 'net.md', text: 'old' }], ['zz', { deck: 'other.md', text: 'zz' }]]);
  const states = new Map([...STATES, ['old', state('old', {})], ['zz', state('zz', {})]]);

  it('bound the history: reviews of cards gone from a loaded deck count, other decks\' do not', () => {
    const report = statsReport(statsInput({ reviews: [...reviewRecords(), other, gone], texts, states }), [], NOW);
    expect(report.totals.reviews).toBe(specReviews().length + 1);
    // The gone card is no card of the notes: it is counted in neither cards nor memory.
    expect(report.cards.total).toBe(6);
    expect(report.memory.cards).toBe(6);
  });

  it('and a chapter filter leaves out whatever it cannot place', () => {
    const report = statsReport(statsInput({ reviews: [...reviewRecords(), other, gone], texts, states }), ['Basics'], NOW);
    expect(report.totals.reviews).toBe(specReviews().filter((r) => r.card.startsWith('a')).length);
  });
});

describe('a chapter filter', () => {
  const report = statsReport(statsInput(), ['Routing'], NOW);
  const routing = specReviews().filter((r) => r.card.startsWith('b'));

  it('keeps only the chapter\'s cards, reviews, forecast and retention', () => {
    expect(report.filter).toEqual(['Routing']);
    expect(report.cards.total).toBe(2);
    const expected = perDate(routing);
    for (const cell of report.calendar) expect(cell.value, cell.date).toBe(expected.get(cell.date) ?? 0);
    expect(report.calendar.reduce((sum, d) => sum + d.value, 0)).toBe(8);
    expect(report.forecast.reduce((sum, d) => sum + d.value, 0)).toBe(1);
    expect(report.retention[3]?.young.total).toBe(0);
    expect(report.retention[3]?.mature).toEqual({ passed: 5, total: 6, rate: 5 / 6 });
    expect(report.chapters.map((c) => c.chapter)).toEqual(['2 Routing']);
    // Reviews only every 25 days: no streak beyond one day.
    expect(report.streak).toEqual({ current: 0, longest: 1 });
  });

  it('by number selects the chapter and everything under it', () => {
    const basics = statsReport(statsInput(), ['1'], NOW);
    expect(basics.cards.total).toBe(4);
    expect(basics.totals.reviews).toBe(specReviews().length - routing.length);
  });
});
