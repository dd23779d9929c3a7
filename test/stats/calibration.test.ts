import { describe, expect, it } from 'vitest';
import { calibration, parametersInUse } from '../../src/stats/calibration.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';
import type { Rating } from '../../src/store/events.js';
import { reviewRecord } from '../schedule/review-records.js';

// A fit saved at 23:30 UTC on the 29th was made on the 30th in Tokyo: the stats show the local date.
process.env.TZ = 'Asia/Tokyo';

const start = new Date(2026, 0, 1, 12);
let n = 0;
const review = (retrievability: number | null, rating: Rating, phaseBefore: 'review' | 'learning' | 'relearning' = 'review') =>
  reviewRecord({ card: `c${n}`, at: new Date(start.getTime() + n++ * 60_000), rating, retrievability, phaseBefore });

describe('calibration', () => {
  it('groups review-phase reviews by predicted retrievability with the share recalled', () => {
    const history = [
      // 0.9–1.0: 10 reviews (1.0 included), 8 recalled (Hard counts as recalled).
      ...[0.91, 0.93, 0.95, 0.97, 0.99, 1].map((r) => review(r, 3)),
      review(0.92, 2), review(0.94, 4), review(0.96, 1), review(0.98, 1),
      // 0.5–0.6: 4 reviews, 1 recalled.
      review(0.5, 1), review(0.55, 1), review(0.55, 3), review(0.59, 1),
      // Not predictions the schedule rests on: new cards and same-day steps.
      review(null, 3), review(0.999, 1, 'learning'), review(0.98, 1, 'relearning'),
    ];
    const result = calibration(history);
    expect(result.bins).toHaveLength(10);
    expect(result.reviews).toBe(14);
    expect(result.recalled).toBeCloseTo(9 / 14, 10);
    const top = result.bins[9]!;
    expect([top.from, top.to, top.reviews]).toEqual([0.9, 1, 10]);
    expect(top.predicted).toBeCloseTo(0.955, 10);
    expect(top.recalled).toBeCloseTo(0.8, 10);
    const middle = result.bins[5]!;
    expect([middle.from, middle.to, middle.reviews]).toEqual([0.5, 0.6, 4]);
    expect(middle.predicted).toBeCloseTo(0.5475, 10);
    expect(middle.recalled).toBeCloseTo(0.25, 10);
    for (const bin of result.bins.filter((_, i) => i !== 5 && i !== 9)) {
      expect(bin).toMatchObject({ reviews: 0, predicted: null, recalled: null });
    }
  });

  it('is empty, not NaN, without reviews', () => {
    const result = calibration([]);
    expect(result).toMatchObject({ reviews: 0, predicted: null, recalled: null });
    expect(result.bins.every((bin) => bin.reviews === 0 && bin.recalled === null)).toBe(true);
  });
});

describe('parametersInUse', () => {
  it('names the defaults, or the date and review count of the fit', () => {
    expect(parametersInUse(DEFAULT_SETTINGS)).toEqual({ fitted: false, fittedAt: null, reviews: null, description: 'FSRS defaults' });
    const fsrsParameters = { w: [0.5], fittedAt: '2026-11-29T23:30:00.000Z', reviews: 12345 };
    expect(parametersInUse({ fsrsParameters })).toEqual({
      fitted: true, fittedAt: '2026-11-29T23:30:00.000Z', reviews: 12345, description: 'fitted on 2026-11-30 from 12345 reviews',
    });
    // A date written by hand is shown as it is.
    expect(parametersInUse({ fsrsParameters: { ...fsrsParameters, fittedAt: '2026-11-29' } }).description).toBe('fitted on 2026-11-29 from 12345 reviews');
  });
});
