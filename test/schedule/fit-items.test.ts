import { describe, expect, it } from 'vitest';
import { fitItems } from '../../src/schedule/fit-items.js';
import { replay } from '../../src/schedule/replay.js';
import { LogBuilder, settingsWith } from './helpers.js';
import { reviewRecord } from './review-records.js';

// Study days are local: the week around Berlin's DST change (2026-03-29) checks that they are counted
// in local days. Each test file runs in its own fork, so this does not leak.
process.env.TZ = 'Europe/Berlin';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute);

describe('fitItems', () => {
  it('counts elapsed study days from dayStartsAt local time and keeps same-day reviews in the history', () => {
    const reviews = [
      reviewRecord({ card: 'a', at: at(28, 10), rating: 1, phaseBefore: 'new' }),
      reviewRecord({ card: 'a', at: at(28, 10, 10), rating: 3, phaseBefore: 'learning' }),
      // 03:30 on the 29th still belongs to the study day of the 28th (days start at 04:00).
      reviewRecord({ card: 'a', at: at(29, 3, 30), rating: 3, phaseBefore: 'learning' }),
      // Two study days later (the 28th's to the 30th's), across the DST change of the 29th.
      reviewRecord({ card: 'a', at: at(30, 4, 30), rating: 1 }),
      reviewRecord({ card: 'a', at: at(30, 4, 40), rating: 3, phaseBefore: 'relearning' }),
      reviewRecord({ card: 'a', at: at(31, 9), rating: 4 }),
    ];
    expect(fitItems(reviews, 4).map((item) => item.reviews)).toEqual([
      [{ rating: 1, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 1, deltaT: 2 }],
      [
        { rating: 1, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 1, deltaT: 2 },
        { rating: 3, deltaT: 0 }, { rating: 4, deltaT: 1 },
      ],
    ]);
  });

  it('moves the day boundary with dayStartsAt', () => {
    const reviews = [
      reviewRecord({ card: 'a', at: at(10, 10), rating: 3, phaseBefore: 'new' }),
      reviewRecord({ card: 'a', at: at(11, 3, 30), rating: 3 }),
    ];
    expect(fitItems(reviews, 4)).toEqual([]);
    expect(fitItems(reviews, 0).map((item) => item.reviews)).toEqual([[{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 1 }]]);
  });

  it('starts a new history after a forget, orders each card by time and all items by review time', () => {
    const reviews = [
      reviewRecord({ card: 'b', at: at(5, 12), rating: 2 }),
      reviewRecord({ card: 'a', at: at(1, 12), rating: 3, phaseBefore: 'new' }),
      reviewRecord({ card: 'b', at: at(2, 12), rating: 4, phaseBefore: 'new' }),
      reviewRecord({ card: 'a', at: at(3, 12), rating: 3 }),
      // After `forget`: history 1 starts over, so its first review is an item of nothing.
      reviewRecord({ card: 'a', at: at(6, 12), rating: 3, phaseBefore: 'new', history: 1 }),
      reviewRecord({ card: 'a', at: at(9, 12), rating: 1, history: 1 }),
    ];
    const items = fitItems(reviews, 4);
    expect(items.map((item) => [item.at.getDate(), item.reviews])).toEqual([
      [3, [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 2 }]],
      [5, [{ rating: 4, deltaT: 0 }, { rating: 2, deltaT: 3 }]],
      [9, [{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 3 }]],
    ]);
  });

  it('makes no item of a card never reviewed on a later study day', () => {
    const reviews = [
      reviewRecord({ card: 'c', at: at(1, 12), rating: 1, phaseBefore: 'new' }),
      reviewRecord({ card: 'c', at: at(1, 12, 10), rating: 3, phaseBefore: 'learning' }),
    ];
    expect(fitItems(reviews, 4)).toEqual([]);
  });
});

describe('fitItems from a replayed log', () => {
  it('leaves out cram and undone reviews, restarts after forget and follows a relinked card', () => {
    const log = new LogBuilder();
    log.review('a', 3, at(1, 12));
    log.add({ type: 'cram', card: 'a', rating: 1, ms: 1000 }, at(2, 12));
    const mistake = log.review('a', 1, at(3, 12));
    log.add({ type: 'undo', target: mistake }, at(3, 12, 1));
    log.review('a', 3, at(4, 12));
    log.add({ type: 'relink', from: 'a', to: 'a2' }, at(5, 12));
    log.review('a2', 2, at(7, 12));
    log.add({ type: 'forget', card: 'a2' }, at(8, 12));
    log.review('a2', 4, at(8, 13));
    log.review('a2', 3, at(12, 12));
    const replayed = replay(log.events, settingsWith());
    const items = fitItems(replayed.reviews, 4, replayed.aliases);
    expect(items.map((item) => item.reviews)).toEqual([
      [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 3 }],
      [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 3 }, { rating: 2, deltaT: 3 }],
      [{ rating: 4, deltaT: 0 }, { rating: 3, deltaT: 4 }],
    ]);
  });
});
