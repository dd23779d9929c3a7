import { describe, expect, it } from 'vitest';
import { refusedSetting } from '../../src/store/setting-schema.js';

const fitted = { w: Array.from({ length: 21 }, () => 0.5), fittedAt: '2026-11-25', reviews: 10 };

describe('refusedSetting', () => {
  it('accepts valid settings, and keys it does not know', () => {
    expect(refusedSetting({})).toBeUndefined();
    expect(refusedSetting({
      decks: ['/notes'], desiredRetention: 0.7, newPerDay: 0, reviewsPerDay: 99999, dayStartsAt: 23,
      learningSteps: ['1m', '99999d'], relearningSteps: [], maximumInterval: 36500, fuzz: false, newOrder: 'random',
      leechThreshold: 99, leechAction: 'suspend', maxCardChars: 100, maxCardItems: 2, summaryWords: ['总结'],
      skipTitles: ['x'], fsrsParameters: { ...fitted, note: 'extra keys pass' }, deviceId: 'a'.repeat(64), colourTheme: 'dark',
    })).toBeUndefined();
  });

  it("gives '' for a file that holds no object", () => {
    for (const stored of [null, [], [1, 2], 5, 'x']) expect(refusedSetting(stored)).toBe('');
  });

  it.each([
    ['desiredRetention', 0.69], ['desiredRetention', 0.995], ['desiredRetention', '0.9'], ['desiredRetention', Infinity],
    ['newPerDay', 2.5], ['newPerDay', -1], ['newPerDay', 10000], ['dayStartsAt', 24], ['fuzz', 'true'], ['fuzz', null],
    ['learningSteps', '1m'], ['learningSteps', ['1m', 10]], ['learningSteps', ['0m']], ['learningSteps', ['100000d']],
    ['learningSteps', ['1x']], ['relearningSteps', Array(11).fill('1m')], ['newOrder', 'shuffled'], ['leechAction', 'delete'],
    ['decks', ['']], ['decks', '/notes'], ['summaryWords', [3]], ['deviceId', '../x'], ['deviceId', ''], ['deviceId', 'a'.repeat(65)],
    ['fsrsParameters', []], ['fsrsParameters', { ...fitted, w: [1, 2] }], ['fsrsParameters', { ...fitted, w: Array(22).fill(1) }],
    ['fsrsParameters', { ...fitted, w: Array(17).fill('1') }], ['fsrsParameters', { ...fitted, fittedAt: '' }],
    ['fsrsParameters', { ...fitted, reviews: 1.5 }], ['fsrsParameters', { w: fitted.w, fittedAt: 'x' }],
  ])('refuses %s = %j', (key, value) => {
    expect(refusedSetting({ newPerDay: 5, [key]: value })).toBe(key);
  });

  it('names the first refused key in schema order', () => {
    expect(refusedSetting({ deviceId: '', fuzz: 1, newPerDay: 'x' })).toBe('newPerDay');
  });
});
