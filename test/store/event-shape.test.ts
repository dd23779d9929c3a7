import { describe, expect, it } from 'vitest';
import { checkEvent, NOT_OURS, timeKey } from '../../src/store/event-shape.js';

const base = { v: 1, id: 'e1', at: '2026-11-25T08:15:02.114Z' };
const valid = {
  review: { type: 'review', card: 'c1', rating: 3, ms: 5400, deck: 'd' },
  cram: { type: 'cram', card: 'c1', rating: 2, ms: 0 },
  undo: { type: 'undo', target: 'e0' },
  suspend: { type: 'suspend', card: 'c1' },
  unsuspend: { type: 'unsuspend', card: 'c1' },
  bury: { type: 'bury', card: 'c1' },
  forget: { type: 'forget', card: 'c1' },
  relink: { type: 'relink', from: 'c1', to: 'c2' },
  card: { type: 'card', card: 'c1', deck: 'd', text: 'front\nback' },
};

describe('checkEvent', () => {
  it.each(Object.entries(valid))('accepts a %s event, with extra fields', (_, fields) => {
    expect(checkEvent({ ...base, ...fields })).toBeUndefined();
    expect(checkEvent({ ...base, ...fields, addedLater: [1] })).toBeUndefined();
  });

  it.each([
    ['review', { rating: 7 }, 'review: "rating" must be 1, 2, 3 or 4, not 7'],
    ['review', { rating: '3' }, 'review: "rating" must be 1, 2, 3 or 4, not "3"'],
    ['review', { ms: -1 }, 'review: "ms" must be milliseconds (a number, 0 or more), not -1'],
    ['review', { deck: undefined }, 'review: "deck" must be a deck key, not missing'],
    ['cram', { card: '' }, 'cram: "card" must be a card id, not ""'],
    ['undo', { target: 5 }, 'undo: "target" must be an event id, not 5'],
    ['bury', { card: null }, 'bury: "card" must be a card id, not null'],
    ['relink', { to: undefined }, 'relink: "to" must be a card id, not missing'],
    ['card', { text: { front: 'x' } }, 'card: "text" must be the card text, not {"front":"x"}'],
    ['forget', { id: '' }, 'forget: "id" must be an event id'],
    ['suspend', { at: '2026-11-25 08:15' }, 'suspend: "at" must be an ISO time like 2026-11-25T08:15:02.114Z'],
    ['suspend', { at: '2026-13-25T08:15:02.114Z' }, 'suspend: "at" must be an ISO time like 2026-11-25T08:15:02.114Z'],
  ] as const)('refuses a %s event with %j', (type, change, fault) => {
    expect(checkEvent({ ...base, ...valid[type], ...change })).toBe(fault);
  });

  it('sets aside newer versions and unknown types, and refuses what is not an event', () => {
    expect(checkEvent({ ...base, ...valid.review, v: 2, rating: 9 })).toBe(NOT_OURS);
    expect(checkEvent({ ...base, type: 'teleport' })).toBe(NOT_OURS);
    expect(checkEvent({ ...base, type: 'toString' })).toBe(NOT_OURS);
    expect(checkEvent({ ...valid.review, id: 'e1', at: base.at })).toBe('"v" must be the format version (1)');
    expect(checkEvent([base])).toBe('not a JSON object');
    expect(checkEvent('review')).toBe('not a JSON object');
    expect(checkEvent({ v: 1 })).toBe('"type" must be a string');
  });
});

describe('timeKey', () => {
  it('keeps recall’s own times and turns offsets into the same UTC form', () => {
    expect(timeKey('2026-11-25T08:15:02.114Z')).toBe('2026-11-25T08:15:02.114Z');
    expect(timeKey('2026-11-25T09:15:02+01:00')).toBe('2026-11-25T08:15:02.000Z');
    expect(timeKey('2026-11-25T08:15Z')).toBe('2026-11-25T08:15:00.000Z');
    expect(timeKey('2026-11-25T08:15:02')).toBeUndefined(); // no zone: whose local time?
    expect(timeKey('1732522502114')).toBeUndefined();
  });
});
