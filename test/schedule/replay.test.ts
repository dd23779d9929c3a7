import { FSRSBinding, BindingMemoryState } from '@open-spaced-repetition/binding';
import {
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  GenSeedStrategyWithCardId,
  StrategyMode,
  type Card as FsrsCard,
  type Grade,
} from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../src/store/events.js';
import { continuesReplay, replay } from '../../src/schedule/replay.js';
import { after, days, LogBuilder, minutes, settingsWith } from './helpers.js';

/** A small deterministic PRNG so generated histories are the same on every run. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const START = new Date('2026-01-05T15:00:00Z');

/** Ratings at times that follow the schedule loosely (early, on time, late), for `cards` cards. */
function generatedLog(cards: number, reviewsPerCard: number, seed: number) {
  const random = prng(seed);
  const log = new LogBuilder();
  const plan: { card: string; rating: Rating; at: Date }[] = [];
  for (let c = 0; c < cards; c++) {
    let at = after(START, minutes(c));
    for (let r = 0; r < reviewsPerCard; r++) {
      const rating = (random() < 0.15 ? 1 : random() < 0.1 ? 2 : random() < 0.9 ? 3 : 4) as Rating;
      plan.push({ card: `c${c}`, rating, at });
      at = after(at, random() < 0.3 ? minutes(1 + Math.floor(random() * 30)) : days(1 + Math.floor(random() * 40)));
    }
  }
  plan.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const p of plan) log.review(p.card, p.rating, p.at);
  return { log, plan };
}

describe('replay', () => {
  it('agrees card by card with ts-fsrs called directly on the same ratings and times', () => {
    const settings = settingsWith();
    const { log, plan } = generatedLog(40, 12, 1);
    const result = replay(log.events, settings);

    const f = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: true, enable_short_term: true, learning_steps: ['1m', '10m'], relearning_steps: ['10m'] }))
      .useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('id'));
    const direct = new Map<string, FsrsCard>();
    const retrievabilities: (number | null)[] = [];
    for (const p of plan) {
      const before = direct.get(p.card) ?? Object.assign(createEmptyCard(p.at), { id: p.card });
      retrievabilities.push(before.reps === 0 ? null : f.get_retrievability(before, p.at, false));
      direct.set(p.card, f.next(before, p.at, p.rating as Grade).card);
    }

    expect(result.states.size).toBe(40);
    for (const [id, card] of direct) {
      const state = result.states.get(id)!;
      expect(state.due.toISOString()).toBe(card.due.toISOString());
      expect(state.stability).toBe(card.stability);
      expect(state.difficulty).toBe(card.difficulty);
      expect([state.reps, state.lapses, state.step]).toEqual([card.reps, card.lapses, card.learning_steps]);
      expect(state.phase).toBe(['new', 'learning', 'review', 'relearning'][card.state]);
      expect(state.lastReview?.toISOString()).toBe(card.last_review?.toISOString());
    }
    expect(result.reviews.map((r) => r.retrievability)).toEqual(retrievabilities);
    expect(result.reviews[0]!.phaseBefore).toBe('new');
  });

  it('agrees with fsrs-rs on stability and difficulty for the long-term scheduler', () => {
    const settings = settingsWith({ learningSteps: [], relearningSteps: [], fuzz: false });
    const binding = new FSRSBinding([...default_w]);
    const random = prng(7);
    const log = new LogBuilder();
    const expected = new Map<string, { s: number; d: number }>();
    for (let c = 0; c < 30; c++) {
      let memory: BindingMemoryState | null = null;
      let at = after(START, days(c * 1000));
      let elapsed = 0;
      for (let r = 0; r < 10; r++) {
        const rating = (1 + Math.floor(random() * 4)) as Rating;
        log.review(`c${c}`, rating, at);
        const next = binding.nextStates(memory, 0.9, elapsed);
        memory = [next.again, next.hard, next.good, next.easy][rating - 1]!.memory;
        elapsed = 1 + Math.floor(random() * 60);
        at = after(at, days(elapsed));
      }
      expected.set(`c${c}`, { s: memory!.stability, d: memory!.difficulty });
    }
    const states = replay(log.events, settings).states;
    // fsrs-rs computes in f32: compare to 1e-3, relative for stabilities of hundreds of days.
    for (const [id, { s, d }] of expected) {
      const state = states.get(id)!;
      expect(Math.abs(state.stability - s) / Math.max(1, s)).toBeLessThan(1e-3);
      expect(Math.abs(state.difficulty - d)).toBeLessThan(1e-3);
    }
  });

  it('gives identical due dates when the same log is replayed twice', () => {
    const { log } = generatedLog(30, 8, 3);
    const a = replay(log.events, settingsWith());
    const b = replay(structuredClone(log.events), settingsWith());
    expect([...b.states.values()].map((s) => s.due.getTime())).toEqual([...a.states.values()].map((s) => s.due.getTime()));
  });

  it('gives the same states and reviews incrementally as in one full replay', () => {
    const { log } = generatedLog(20, 10, 5);
    const last = log.events[log.events.length - 1]!.event.at;
    const t = after(new Date(last), minutes(1));
    const undone = log.review('c1', 1, t);
    log.add({ type: 'undo', target: undone }, after(t, 1));
    log.add({ type: 'bury', card: 'c2' }, after(t, 2));
    log.add({ type: 'suspend', card: 'c3' }, after(t, 3));
    log.add({ type: 'forget', card: 'c4' }, after(t, 4));
    log.add({ type: 'relink', from: 'c5', to: 'c5-edited' }, after(t, 5));
    log.review('c5', 3, after(t, days(3)));
    const settings = settingsWith();
    const full = replay(log.events, settings);
    for (const cut of [1, 57, 150, 199, 200, 203]) {
      const first = replay(log.events.slice(0, cut), settings);
      const rest = log.events.slice(cut);
      expect(continuesReplay(first, rest)).toBe(true);
      expect(replay(rest, settings, first)).toEqual(full);
      // Folding leaves `first` as it was, unless asked to fold into it (the workspace's own replay).
      expect(first).toEqual(replay(log.events.slice(0, cut), settings));
      expect(replay(rest, settings, first, true)).toEqual(full);
    }
  });

  it('refuses to continue a replay with an older event or an undo of a folded-in event', () => {
    const log = new LogBuilder();
    const first = log.review('a', 3, START);
    const head = replay(log.events, settingsWith());
    const late = new LogBuilder('late');
    late.review('b', 3, after(START, -1), 'dev-b');
    expect(continuesReplay(head, late.events)).toBe(false);
    const undo = new LogBuilder('undo');
    undo.add({ type: 'undo', target: first }, after(START, 1));
    expect(continuesReplay(head, undo.events)).toBe(false);
  });

  it('restores the exact previous state on undo', () => {
    const { log } = generatedLog(5, 6, 9);
    const before = replay(log.events, settingsWith());
    const at = after(new Date(log.events.at(-1)!.event.at), days(2));
    const id = log.review('c0', 1, at);
    expect(replay(log.events, settingsWith()).states.get('c0')).not.toEqual(before.states.get('c0'));
    log.add({ type: 'undo', target: id }, after(at, 1000));
    const undone = replay(log.events, settingsWith());
    expect(undone.states).toEqual(before.states);
    expect(undone.reviews).toEqual(before.reviews);
  });

  it('buries until the next study day, suspends until unsuspended', () => {
    const log = new LogBuilder();
    log.review('a', 3, START);
    log.add({ type: 'bury', card: 'a' }, after(START, minutes(1)));
    log.add({ type: 'suspend', card: 'b' }, after(START, minutes(2)));
    let states = replay(log.events, settingsWith({ dayStartsAt: 4 })).states;
    // START is 15:00 UTC; with TZ unset in this file the local zone is the machine's, so compare with days.ts.
    const buried = states.get('a')!.buriedUntil!;
    expect(buried.getHours()).toBe(4);
    expect(buried > START).toBe(true);
    expect(buried.getTime() - START.getTime()).toBeLessThanOrEqual(days(1) + minutes(60));
    expect(states.get('b')!.suspended).toBe(true);
    expect(states.get('b')!.phase).toBe('new');
    log.add({ type: 'unsuspend', card: 'b' }, after(START, minutes(3)));
    log.review('a', 3, after(START, days(2)));
    states = replay(log.events, settingsWith()).states;
    expect(states.get('b')!.suspended).toBe(false);
    expect(states.get('a')!.buriedUntil).toBeNull();
  });

  it('sends a forgotten card back to new and starts a new history', () => {
    const log = new LogBuilder();
    log.review('a', 3, START);
    log.review('a', 3, after(START, days(3)));
    log.add({ type: 'forget', card: 'a' }, after(START, days(4)));
    let result = replay(log.events, settingsWith());
    expect(result.states.get('a')).toMatchObject({ phase: 'new', reps: 0, lapses: 0, stability: 0, history: 1 });
    log.review('a', 3, after(START, days(5)));
    result = replay(log.events, settingsWith());
    expect(result.reviews.map((r) => [r.history, r.phaseBefore])).toEqual([[0, 'new'], [0, 'learning'], [1, 'new']]);
  });

  it('marks a leech at leechThreshold lapses, and suspends it with leechAction "suspend"', () => {
    const log = new LogBuilder();
    let at = START;
    log.review('a', 4, at); // easy: straight to review
    for (let lapse = 1; lapse <= 3; lapse++) {
      at = after(at, days(5));
      log.review('a', 1, at); // a lapse
      at = after(at, minutes(15));
      log.review('a', 3, at); // relearnt
    }
    const tagged = replay(log.events, settingsWith({ leechThreshold: 3 })).states.get('a')!;
    expect(tagged).toMatchObject({ lapses: 3, leech: true, suspended: false });
    expect(replay(log.events, settingsWith({ leechThreshold: 4 })).states.get('a')!.leech).toBe(false);
    const suspended = replay(log.events, settingsWith({ leechThreshold: 3, leechAction: 'suspend' })).states.get('a')!;
    expect(suspended).toMatchObject({ leech: true, suspended: true });
  });

  it('moves history on relink, and late events for the old id follow it', () => {
    const log = new LogBuilder();
    log.review('old', 3, START);
    log.add({ type: 'relink', from: 'old', to: 'new' }, after(START, 1));
    log.review('old', 3, after(START, minutes(10)), 'dev-b');
    const result = replay(log.events, settingsWith());
    expect(result.states.has('old')).toBe(false);
    expect(result.states.get('new')).toMatchObject({ card: 'new', reps: 2 });
    expect(result.aliases.get('old')).toBe('new');
  });

  it('never feeds cram answers to FSRS and keeps card texts', () => {
    const log = new LogBuilder();
    log.add({ type: 'card', card: 'a', deck: 'deck.md', text: 'What? That.' }, START);
    log.add({ type: 'cram', card: 'a', rating: 1, ms: 10 }, after(START, 1));
    const result = replay(log.events, settingsWith());
    expect(result.states.size).toBe(0);
    expect(result.reviews).toEqual([]);
    expect(result.texts.get('a')).toEqual({ deck: 'deck.md', text: 'What? That.' });
  });
});
