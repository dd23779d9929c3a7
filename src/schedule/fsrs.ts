/**
 * The one module that touches ts-fsrs: its snake_case surface stays in here. Everything else works with
 * our `CardState` and plain dates.
 */
import {
  createEmptyCard,
  forgetting_curve,
  fsrs,
  generatorParameters,
  GenSeedStrategyWithCardId,
  State,
  StrategyMode,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type StepUnit,
} from 'ts-fsrs';
import { UserError } from '../errors.js';
import type { Rating } from '../store/events.js';
import type { Settings } from '../store/settings.js';
import type { CardState, Phase } from './card-state.js';

/** A ts-fsrs card carrying our card id, which the seed strategy mixes into the fuzz. */
export type SchedulerCard = FsrsCard & { id: string };

/** What part of the settings the schedule depends on: a change to any of these needs a full replay. */
export type SchedulingSettings = Pick<
  Settings,
  | 'desiredRetention'
  | 'learningSteps'
  | 'relearningSteps'
  | 'maximumInterval'
  | 'fuzz'
  | 'leechThreshold'
  | 'leechAction'
  | 'dayStartsAt'
  | 'fsrsParameters'
>;

export function schedulingSettings(s: Settings): SchedulingSettings {
  return {
    desiredRetention: s.desiredRetention,
    learningSteps: s.learningSteps,
    relearningSteps: s.relearningSteps,
    maximumInterval: s.maximumInterval,
    fuzz: s.fuzz,
    leechThreshold: s.leechThreshold,
    leechAction: s.leechAction,
    dayStartsAt: s.dayStartsAt,
    fsrsParameters: s.fsrsParameters,
  };
}

const STEP = /^\d+(\.\d+)?[mhd]$/;

function steps(values: readonly string[], key: string): StepUnit[] {
  for (const v of values) {
    if (!STEP.test(v)) throw new UserError(`setting ${key}: "${v}" is not a step like 1m, 10m, 1h or 1d; fix it with recall config set ${key} 1m,10m`);
  }
  return values as StepUnit[];
}

export interface Scheduler {
  readonly fsrs: FSRS;
  /** FSRS weights in use (fitted, else the defaults). */
  readonly w: readonly number[];
}

// Settings objects are immutable: one scheduler per settings object saves rebuilding it per call.
const schedulers = new WeakMap<SchedulingSettings, Scheduler>();

/** The ts-fsrs scheduler for these settings, with fuzz seeded by card id and reps (same on every machine). */
export function schedulerFor(settings: SchedulingSettings): Scheduler {
  let scheduler = schedulers.get(settings);
  if (!scheduler) {
    const params = generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: settings.fuzz,
      enable_short_term: settings.learningSteps.length > 0 || settings.relearningSteps.length > 0,
      learning_steps: steps(settings.learningSteps, 'learningSteps'),
      relearning_steps: steps(settings.relearningSteps, 'relearningSteps'),
      ...(settings.fsrsParameters ? { w: [...settings.fsrsParameters.w] } : {}),
    });
    const f = fsrs(params).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('id'));
    scheduler = { fsrs: f, w: f.parameters.w };
    schedulers.set(settings, scheduler);
  }
  return scheduler;
}

const PHASES: readonly Phase[] = ['new', 'learning', 'review', 'relearning'];
const STATES: Readonly<Record<Phase, State>> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

export function phaseOf(card: FsrsCard): Phase {
  return PHASES[card.state] as Phase;
}

/** A card never reviewed (or forgotten), due from `since`. */
export function emptySchedulerCard(id: string, since: Date): SchedulerCard {
  const card = createEmptyCard(since) as SchedulerCard;
  card.id = id;
  return card;
}

/** The ts-fsrs card for a state. `elapsed_days` and `scheduled_days` are outputs ts-fsrs never reads back; `last_review` is always there (see replay's `cardOf`). */
export function toSchedulerCard(state: CardState): SchedulerCard {
  return {
    id: state.card,
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: state.step,
    reps: state.reps,
    lapses: state.lapses,
    state: STATES[state.phase],
    last_review: state.lastReview ?? undefined,
  };
}

/** The schedule fields of a `CardState`, from a ts-fsrs card. */
export function scheduleFields(card: FsrsCard) {
  return {
    phase: phaseOf(card),
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    step: card.learning_steps,
    lastReview: card.last_review ?? null,
  };
}

/** The card after answering `rating` at `at`. */
export function nextCard(scheduler: Scheduler, card: SchedulerCard, at: Date, rating: Rating): SchedulerCard {
  return scheduler.fsrs.next(card, at, rating as Grade).card as SchedulerCard;
}

/** The card after each of the four ratings at `at`. */
export function nextCards(scheduler: Scheduler, card: SchedulerCard, at: Date): Record<Rating, SchedulerCard> {
  const preview = scheduler.fsrs.repeat(card, at);
  return {
    1: preview[1].card as SchedulerCard,
    2: preview[2].card as SchedulerCard,
    3: preview[3].card as SchedulerCard,
    4: preview[4].card as SchedulerCard,
  };
}

const DAY_MS = 86_400_000;

/**
 * Retrievability FSRS predicts at `at`, for a new card null. The same arithmetic as ts-fsrs's
 * `get_retrievability` (whole elapsed days, stability to 8 decimals) without its copy of the card: replay
 * calls this once per review.
 */
export function schedulerRetrievability(scheduler: Scheduler, card: SchedulerCard, at: Date): number | null {
  if (card.state === State.New || !card.last_review) return null;
  const days = Math.max(Math.floor((at.getTime() - card.last_review.getTime()) / DAY_MS), 0);
  return forgetting_curve(scheduler.w, days, +card.stability.toFixed(8));
}

/** Retrievability at `at` with fractional elapsed days: cheap, for ordering many cards. */
export function retrievabilityAt(w: readonly number[], state: CardState, at: Date): number {
  return retrievabilityAtTime(w, state.phase, state.lastReview?.getTime() ?? Number.NaN, state.stability, at.getTime());
}

/** `retrievabilityAt` from a state's fields, times in ms (`lastReview` NaN: never reviewed). */
export function retrievabilityAtTime(w: readonly number[], phase: Phase, lastReview: number, stability: number, at: number): number {
  if (phase === 'new' || Number.isNaN(lastReview) || stability <= 0) return 1;
  const days = Math.max(0, (at - lastReview) / DAY_MS);
  return forgetting_curve(w, days, stability);
}
