import { describe, expect, it } from 'vitest';
import { datesEndingOn } from '../../src/stats/calendar.js';
import { barChart, heatmap, shadeLevel } from '../../src/stats/charts.js';

describe('heatmap', () => {
  // 2026-03-31 is a Tuesday; 14 days back is Wednesday 2026-03-18.
  const days = datesEndingOn('2026-03-31', 14).map((date, i) => ({ date, value: i }));

  it('puts each day in its weekday row and week column, Monday on top', () => {
    const [header, ...rest] = heatmap(days, 7);
    const rows = rest.slice(0, 7);
    expect(header).toBe('    Mar');
    // Columns: the week of Mar 16 (from Wed 18), of Mar 23, of Mar 30 (Mon 30, Tue 31).
    expect(rows[0]).toBe(`Mon  ${'▒'}${'█'}`); // Mar 23 = 5, Mar 30 = 12 of max 13
    expect(rows[1]).toBe('     ▒█'); // Mar 24 = 6, Mar 31 = 13
    expect(rows[2]).toBe('Wed ·▓'); // Mar 18 = 0 (no reviews), Mar 25 = 7
    expect(rows[6]).toBe('Sun ▒█'); // Mar 22 = 4, Mar 29 = 11
    expect(rest[7]).toBe('    less · ░ ▒ ▓ █ more   (█ = up to 13 a day)');
  });

  it('spaces the days out when there is room', () => {
    const rows = heatmap(days, 80);
    expect(rows[1]).toBe('Mon   ▒ █');
    expect(rows[3]).toBe('Wed · ▓');
  });

  it('leaves the oldest weeks out when narrow, keeping the latest', () => {
    const year = datesEndingOn('2026-03-31', 365).map((date) => ({ date, value: date === '2026-03-31' ? 4 : 1 }));
    const wide = heatmap(year, 80);
    const narrow = heatmap(year, 24);
    const spaced = heatmap(year, 120);
    expect(wide[2]).toHaveLength(4 + 53);
    expect(spaced[2]).toHaveLength(4 + 2 * 53 - 1);
    expect(narrow[2]).toHaveLength(24);
    expect(narrow[2]?.endsWith('█')).toBe(true);
    expect(wide[2]?.endsWith('█')).toBe(true);
  });

  it('shades by the share of the busiest day', () => {
    expect([0, 1, 25, 26, 50, 51, 75, 100].map((v) => shadeLevel(v, 100))).toEqual([0, 1, 1, 2, 2, 3, 3, 4]);
  });
});

describe('barChart', () => {
  it('draws bars in eighths of a row, scaled to the largest value', () => {
    const lines = barChart([0, 1, 2, 4], 20, 2, [{ at: 0, text: 'today' }]);
    // Three columns a bar fit in 20: two of block, one of gap. 1 of 4 is half a row: four eighths.
    expect(lines).toEqual([
      '4 ┤         ██',
      '  ┤   ▄▄ ██ ██',
      `0 └${'─'.repeat(12)}`,
      '   today',
    ]);
  });

  it('narrows bars to one column when the width is short', () => {
    const lines = barChart(new Array(30).fill(3), 40, 1, []);
    expect(lines[0]).toBe(`3 ┤${'█'.repeat(30)}`);
  });
});
