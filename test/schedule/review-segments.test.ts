import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../src/schedule/card-state.js';
import { decodeSegments, SegmentBuilder } from '../../src/schedule/review-segments.js';

const review = (i: number, id: string): ReviewRecord => ({
  id,
  card: `card-${i % 3}`,
  deck: i % 2 === 0 ? 'a.md' : 'b.md',
  device: 'laptop',
  at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  rating: ((i % 4) + 1) as ReviewRecord['rating'],
  ms: 1000 + i,
  phaseBefore: i === 0 ? 'new' : 'review',
  retrievability: i === 0 ? null : 0.9,
  history: 0,
});

describe('SegmentBuilder', () => {
  it('gives back every review, uuids and other ids, across segments that share the names table', () => {
    const first = [review(0, '0a6a3ab6-58f8-4ad4-9d43-4c1b6f0d2a11'), review(1, 'hand-1'), review(2, 'hand-2'), review(3, 'hand-1')];
    const second = [review(4, 'hand-3'), review(5, '9f1c2b7e-1d2a-4c3b-8e4f-5a6b7c8d9e0f'), review(6, 'hand-1')];
    const builder = new SegmentBuilder();
    for (const r of first) builder.add(r);
    const parts = builder.take(2);
    expect(parts).toHaveLength(2);
    for (const r of second) builder.add(r);
    parts.push(...builder.take());
    // decodeSegments needs its bytes 8-aligned in their own buffer.
    const bytes = Buffer.from(new ArrayBuffer(parts.reduce((n, p) => n + p.length, 0)));
    Buffer.concat(parts).copy(bytes);
    const decoded: ReviewRecord[] = [];
    decodeSegments(bytes, decoded, Infinity);
    expect(decoded).toEqual([...first, ...second]);
  });
});
