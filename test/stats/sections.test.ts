process.env.TZ = 'UTC';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { statsReport } from '../../src/stats/report.js';
import { plainStats, statsSections } from '../../src/stats/sections.js';
import { card, CARDS, NOW, statsInput } from './history.js';

describe.each([80, 120])('the stats text at %i columns', (width) => {
  const long = card('z', { number: '9', title: 'A chapter title far too long to fit in any table column at all, really' });
  const report = statsReport(statsInput({ cards: [...CARDS, long] }), [], NOW);

  it('has no line wider than the terminal', () => {
    for (const section of statsSections(report, width)) {
      for (const line of section.lines) expect(stringWidth(line), `${section.id}: ${line}`).toBeLessThanOrEqual(width);
    }
  });

  it('prints every section under its title', () => {
    const text = plainStats(report, width);
    expect(text.startsWith('Statistics for 2026-03-31\n')).toBe(true);
    for (const title of ['Cards', 'True retention', 'Reviews per day, last 365 days', 'Time per day, last 30 days', 'Due in the next 30 days', 'Chapters']) {
      expect(text).toContain(`\n\n${title}\n`);
    }
    // Cut to its column at 80, whole at 120; the numbers stay in theirs.
    expect(text).toMatch(width === 80 ? /\n9 A chapter title far too long[^\n]*…\s+1\s+1\s+0\s+—\n/ : /\n9 A chapter title[^\n]*really\s+1\s+1\s+0\s+—\n/);
  });
});
