import { describe, expect, it } from 'vitest';
import { startOfStudyDay, startOfStudyDayAfter, studyDay, studyDaysBetween } from '../../src/schedule/days.js';

// process.env.TZ is set per file by the test below; vitest runs each file in its own fork.
process.env.TZ = 'America/New_York';

describe('study days', () => {
  it('puts 03:59 and 04:01 on different study days with dayStartsAt 4', () => {
    const before = new Date(2026, 2, 8, 3, 59); // DST starts in New York on 2026-03-08 at 02:00
    const after = new Date(2026, 2, 8, 4, 1);
    expect(studyDay(before, 4)).toBe('2026-03-07');
    expect(studyDay(after, 4)).toBe('2026-03-08');
    expect(studyDaysBetween(before, after, 4)).toBe(1);
  });

  it('keeps the boundary at 04:00 local on both sides of a DST change', () => {
    const start = startOfStudyDay(new Date(2026, 10, 1, 12), 4); // DST ends 2026-11-01
    expect(start.getHours()).toBe(4);
    expect(start.toISOString()).toBe('2026-11-01T09:00:00.000Z');
    const next = startOfStudyDayAfter(new Date(2026, 9, 31, 12), 4);
    expect(next.toISOString()).toBe('2026-11-01T09:00:00.000Z');
    expect(startOfStudyDay(new Date(2026, 9, 31, 12), 4).toISOString()).toBe('2026-10-31T08:00:00.000Z');
  });
});
