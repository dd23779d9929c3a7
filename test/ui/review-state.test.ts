import { describe, expect, it } from 'vitest';
import { initialReviewState, reviewReducer, summaryOf, type ReviewState } from '../../src/ui/review-state.js';
import { cardOf, itemOf } from './fake-session.js';

const a = itemOf(cardOf('a'));
const b = itemOf(cardOf('b'), 'review');
const stepOf = (item: typeof a | null, left = 1) => ({ item, counts: { new: left, learning: 0, review: 0 } });

describe('reviewReducer', () => {
  const start = initialReviewState(stepOf(a, 2), 1000);

  it('starts on the front; an empty queue starts finished', () => {
    expect(start.stage).toBe('front');
    expect(start.finished).toBe(false);
    expect(initialReviewState(stepOf(null, 0), 0).finished).toBe(true);
  });

  it('reveal shows the back and clears the status', () => {
    const s = reviewReducer({ ...start, status: 'Undone.' }, { type: 'reveal' });
    expect(s.stage).toBe('back');
    expect(s.status).toBe('');
  });

  it('an answer records it and shows the next card from its front and top', () => {
    const revealed: ReviewState = { ...reviewReducer(start, { type: 'reveal' }), scroll: 4 };
    const s = reviewReducer(revealed, { type: 'answered', answer: { card: 'a', rating: 3, queue: 'new', ms: 500 }, next: stepOf(b), at: 2000 });
    expect(s.step.item).toBe(b);
    expect(s.stage).toBe('front');
    expect(s.scroll).toBe(0);
    expect(s.shownAt).toBe(2000);
    expect(s.done).toEqual([{ kind: 'answer', answer: { card: 'a', rating: 3, queue: 'new', ms: 500 } }]);
  });

  it('finishes when no card is left, and undo reopens it', () => {
    const s = reviewReducer(start, { type: 'answered', answer: { card: 'a', rating: 4, queue: 'new', ms: 1 }, next: stepOf(null, 0), at: 1 });
    expect(s.finished).toBe(true);
    const back = reviewReducer(s, { type: 'undone', next: stepOf(a), at: 5 });
    expect(back.finished).toBe(false);
    expect(back.step.item).toBe(a);
    expect(back.done).toEqual([]);
    expect(back.status).toBe('Undone.');
  });

  it('bury counts as done but not as an answer', () => {
    const s = reviewReducer(start, { type: 'skipped', next: stepOf(b), status: 'Buried', at: 1 });
    expect(s.done).toEqual([{ kind: 'skip' }]);
    expect(summaryOf(s.done).reviewed).toBe(0);
  });

  it('scroll stays within 0 and the maximum', () => {
    expect(reviewReducer(start, { type: 'scroll', by: 10, max: 4 }).scroll).toBe(4);
    expect(reviewReducer(start, { type: 'scroll', by: -3, max: 4 }).scroll).toBe(0);
  });

  it('help toggles; finish ends the session and closes help', () => {
    const h = reviewReducer(start, { type: 'help' });
    expect(h.help).toBe(true);
    const f = reviewReducer(h, { type: 'finish' });
    expect(f.finished).toBe(true);
    expect(f.help).toBe(false);
  });
});

describe('summaryOf', () => {
  it('counts answers, again rate, time, and new cards learned once each', () => {
    const s = summaryOf([
      { kind: 'answer', answer: { card: 'a', rating: 1, queue: 'new', ms: 1000 } },
      { kind: 'answer', answer: { card: 'b', rating: 3, queue: 'review', ms: 2000 } },
      { kind: 'skip' },
      { kind: 'answer', answer: { card: 'a', rating: 3, queue: 'learning', ms: 3000 } },
      { kind: 'answer', answer: { card: 'c', rating: 3, queue: 'new', ms: 4000 } },
    ]);
    expect(s).toEqual({ reviewed: 4, againRate: 0.25, ms: 10_000, newLearned: 2 });
  });
});
