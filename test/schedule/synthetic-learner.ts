/**
 * A synthetic learner whose memory follows FSRS with known parameters: recall is drawn from the
 * forgetting curve with a seeded PRNG, and cards are scheduled by the learner's own intervals (with
 * the lateness real learners show), so a fit of the history should find the parameters again.
 */
import { FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { ReviewRecord } from '../../src/schedule/card-state.js';
import type { Rating } from '../../src/store/events.js';

/** FSRS-6 defaults with other initial stabilities, a flatter forgetting curve and faster growth. */
export const TRUE_WEIGHTS: readonly number[] = [
  0.6, 2.4, 5.5, 20, 6.4133, 0.8334, 3.0194, 0.001, 2.1, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
  1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.3,
];

/** mulberry32: small, seeded, good enough for drawing outcomes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random: () => number, weights: Readonly<Record<Rating, number>>): Rating {
  let r = random();
  for (const rating of [1, 2, 3, 4] as const) {
    r -= weights[rating];
    if (r < 0) return rating;
  }
  return 3;
}

const FIRST_RATINGS = { 1: 0.2, 2: 0.1, 3: 0.55, 4: 0.15 } as const;
const RECALLED_RATINGS = { 1: 0, 2: 0.15, 3: 0.75, 4: 0.1 } as const;

export interface LearnerOptions {
  readonly w?: readonly number[];
  /** Stop after this many reviews. */
  readonly reviews: number;
  readonly seed?: number;
  readonly newPerDay?: number;
  /** Local calendar day of the first session. */
  readonly start?: Date;
}

interface Memory {
  readonly card: string;
  state: FSRSState;
  lastDay: number;
  dueDay: number;
}

/** The learner's reviews, as replay would record them (retrievability: what the true model predicted). */
export function simulateLearner(options: LearnerOptions): ReviewRecord[] {
  const algorithm = new FSRSAlgorithm(
    generatorParameters({ w: [...(options.w ?? TRUE_WEIGHTS)], enable_fuzz: false, enable_short_term: true }),
  );
  const random = seededRandom(options.seed ?? 1);
  const start = options.start ?? new Date(2024, 0, 1);
  const newPerDay = options.newPerDay ?? 20;
  const records: ReviewRecord[] = [];
  const memories: Memory[] = [];
  let minute = 0;

  const record = (memory: Memory, day: number, rating: Rating, retrievability: number | null, phase: ReviewRecord['phaseBefore']) => {
    const at = new Date(start.getFullYear(), start.getMonth(), start.getDate() + day, 9, minute++);
    records.push({
      id: `r${records.length}`, card: memory.card, deck: 'synthetic', device: 'sim', at, rating,
      ms: 4000, phaseBefore: phase, retrievability, history: 0,
    });
  };
  // An Again is followed by one relearning step later the same day, answered Good.
  const relearn = (memory: Memory, day: number, phase: 'learning' | 'relearning') => {
    record(memory, day, 3, phase === 'learning' ? null : 1, phase);
    memory.state = algorithm.next_state(memory.state, 0, 3);
  };
  const schedule = (memory: Memory, day: number) => {
    const lateness = 0.9 + 0.6 * random();
    memory.lastDay = day;
    memory.dueDay = day + Math.max(1, Math.round(algorithm.next_interval(memory.state.stability, 0) * lateness));
  };

  for (let day = 0; records.length < options.reviews; day++) {
    minute = 0;
    for (const memory of memories) {
      if (memory.dueDay !== day || records.length >= options.reviews) continue;
      const elapsed = day - memory.lastDay;
      const retrievability = algorithm.forgetting_curve(elapsed, memory.state.stability);
      const rating = random() < retrievability ? pick(random, RECALLED_RATINGS) : 1;
      record(memory, day, rating, retrievability, 'review');
      memory.state = algorithm.next_state(memory.state, elapsed, rating);
      if (rating === 1) relearn(memory, day, 'relearning');
      schedule(memory, day);
    }
    for (let n = 0; n < newPerDay && records.length < options.reviews; n++) {
      const memory: Memory = { card: `c${memories.length}`, state: { stability: 0, difficulty: 0 }, lastDay: day, dueDay: day };
      const rating = pick(random, FIRST_RATINGS);
      record(memory, day, rating, null, 'new');
      memory.state = algorithm.next_state(null, 0, rating);
      if (rating === 1) relearn(memory, day, 'learning');
      schedule(memory, day);
      memories.push(memory);
    }
  }
  return records.slice(0, options.reviews);
}
