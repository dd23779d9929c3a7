/**
 * Replay: a card's schedule is the fold of its events, in log order, through ts-fsrs. The log is the
 * single source of truth; this turns it into per-card states and the effective review history.
 */
import type { LoggedEvent } from '../store/events.js';
import type { EventBody } from '../store/log.js';
import type { Settings } from '../store/settings.js';
import { InternTable } from '../store/intern-table.js';
import type { State } from 'ts-fsrs';
import { TextStore } from './card-texts.js';
import type { CardState, ReviewRecord } from './card-state.js';
import { startOfStudyDayAfter } from './days.js';
import {
  emptySchedulerCard,
  nextCard,
  phaseOf,
  scheduleFields,
  schedulerFor,
  schedulerRetrievability,
  toSchedulerCard,
  type Scheduler,
  type SchedulerCard,
} from './fsrs.js';

/** The text a `card` event recorded: what relinking and exports know of a card with history. */
export interface CardText {
  readonly deck: string;
  /** Normalised front + back. */
  readonly text: string;
}

export interface Replay {
  /** Every card with at least one effective event, by card id (relinked ids under their new id). */
  readonly states: Map<string, CardState>;
  /**
   * Effective reviews in log order (undone reviews and cram answers left out): all of them, or when the
   * replay comes from a snapshot, the latest ones (`earlier` reviews come before them).
   */
  readonly reviews: ReviewRecord[];
  /** How many effective reviews come before `reviews[0]`: kept in the snapshot file, not in memory. */
  readonly earlier: number;
  /** Every effective review at or after this time (ms) is in `reviews`. */
  readonly recentSince: number;
  /** Latest text of each card from its `card` events. */
  readonly texts: Map<string, CardText>;
  /** Relinked card ids, old → new: a late event for an old id (another device) reaches the new card. */
  readonly aliases: Map<string, string>;
  /** Time (ms) of the latest event folded in; an incremental replay may only add events from then on. */
  readonly lastAt: number;
}

/**
 * A card's FSRS fields between its events, times in ms (NaN: never reviewed). The fold keeps no ts-fsrs
 * card or date between events: each review's are dropped young, where a million of them kept until the
 * card's next review filled the old generation with hundreds of megabytes of garbage.
 */
interface Memory {
  id: string;
  state: State;
  due: number;
  stability: number;
  difficulty: number;
  step: number;
  reps: number;
  lapses: number;
  lastReview: number;
}

/** Writes `card`'s fields into `m` (in place: the card's memory lives as long as the fold). */
function remember(card: SchedulerCard, m: Memory): Memory {
  m.id = card.id;
  m.state = card.state;
  m.due = card.due.getTime();
  m.stability = card.stability;
  m.difficulty = card.difficulty;
  m.step = card.learning_steps;
  m.reps = card.reps;
  m.lapses = card.lapses;
  m.lastReview = card.last_review ? card.last_review.getTime() : Number.NaN;
  return m;
}

const memoryOf = (card: SchedulerCard): Memory =>
  remember(card, { id: '', state: 0, due: 0, stability: 0, difficulty: 0, step: 0, reps: 0, lapses: 0, lastReview: Number.NaN });

/**
 * The ts-fsrs card for a memory. `elapsed_days` and `scheduled_days` are outputs ts-fsrs never reads back.
 * `last_review` is always there (undefined when never reviewed), as ts-fsrs's own cards have it: a card
 * whose shape came from spreading it in or not made every copy ts-fsrs takes of it several times slower.
 */
function cardOf(m: Memory): SchedulerCard {
  return {
    id: m.id,
    due: new Date(m.due),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: m.step,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    last_review: Number.isNaN(m.lastReview) ? undefined : new Date(m.lastReview),
  };
}

/** The mutable per-card record of the fold; converted to a `CardState` once, at the end. */
interface Work {
  memory: Memory;
  suspended: boolean;
  buriedUntil: Date | null;
  leech: boolean;
  history: number;
}

function workFromState(state: CardState): Work {
  return {
    memory: memoryOf(toSchedulerCard(state)),
    suspended: state.suspended,
    buriedUntil: state.buriedUntil,
    leech: state.leech,
    history: state.history,
  };
}

const newWork = (card: string, at: Date): Work => ({
  memory: memoryOf(emptySchedulerCard(card, at)),
  suspended: false,
  buriedUntil: null,
  leech: false,
  history: 0,
});

function stateFromWork(w: Work): CardState {
  return {
    card: w.memory.id,
    ...scheduleFields(cardOf(w.memory)),
    suspended: w.suspended,
    buriedUntil: w.buriedUntil,
    leech: w.leech,
    history: w.history,
  };
}

/** A card no event has touched yet: new, due since `at`. */
export function newCardState(card: string, at: Date): CardState {
  return stateFromWork(newWork(card, at));
}

/**
 * Whether `events` can be folded onto `from` and give what a full replay would: they must not start
 * before its last event (a late sync would reorder history) nor undo an event folded into it already.
 */
export function continuesReplay(from: Replay, events: readonly LoggedEvent[]): boolean {
  const ids = new Set<string>();
  for (const { event } of events) {
    if (Date.parse(event.at) < from.lastAt) return false;
    ids.add(event.id);
  }
  return events.every(({ event }) => event.type !== 'undo' || ids.has(event.target));
}

/**
 * The fold of events, in log order, onto `from` (or onto nothing). `from` is not changed unless `inPlace`:
 * then its maps and reviews are extended rather than copied, for a caller that owns `from` and replaces it
 * with the result (a copy costs the whole history per folded event).
 */
class Fold {
  private readonly scheduler: Scheduler;
  private readonly works = new Map<string, Work>();
  private readonly moved = new Set<string>();
  private readonly owned: Replay | undefined;
  readonly aliases: Map<string, string>;
  readonly texts: Map<string, CardText>;
  readonly reviews: ReviewRecord[];
  earlier: number;
  recentSince: number;
  lastAt: number;

  constructor(
    private readonly settings: Settings,
    private readonly from: Replay | undefined,
    inPlace: boolean,
    /** Takes each effective review as it is folded, instead of `reviews`. */
    private readonly onReview?: (review: ReviewRecord) => void,
    /** Keeps card texts as bytes rather than strings. */
    private readonly textStore?: TextStore,
  ) {
    this.scheduler = schedulerFor(settings);
    this.owned = inPlace ? from : undefined;
    this.aliases = this.owned?.aliases ?? new Map(from?.aliases);
    this.texts = this.owned?.texts ?? new Map(from?.texts);
    this.reviews = this.owned?.reviews ?? (from ? from.reviews.slice() : []);
    this.earlier = from?.earlier ?? 0;
    this.recentSince = from?.recentSince ?? -Infinity;
    this.lastAt = from?.lastAt ?? 0;
  }

  private work(id: string, at: Date): Work {
    let w = this.works.get(id);
    if (!w) {
      const state = this.moved.has(id) ? undefined : this.from?.states.get(id);
      w = state ? workFromState(state) : newWork(id, at);
      this.works.set(id, w);
    }
    return w;
  }

  /** The one string kept for each deck name. */
  private readonly decks = new InternTable<string>();

  private hasHistory(id: string): boolean {
    return this.works.has(id) || (!this.moved.has(id) && this.from?.states.has(id) === true);
  }

  /** Folds one event (not undone) of `device`'s log at `at`. */
  apply(event: EventBody, device: string, at: Date): void {
    const { aliases } = this;
    this.lastAt = at.getTime();
    switch (event.type) {
      case 'review': {
        const id = aliases.get(event.card) ?? event.card;
        const w = this.work(id, at);
        const before = cardOf(w.memory);
        const review: ReviewRecord = {
          id: event.id,
          // The strings the fold keeps anyway (the card's, one per deck), not each event's own copies: the
          // snapshot writer holds a segment's names, and fresh copies held that long are promoted garbage.
          card: w.memory.id,
          deck: this.decks.shared(event.deck),
          device,
          at,
          rating: event.rating,
          ms: event.ms,
          phaseBefore: phaseOf(before),
          retrievability: schedulerRetrievability(this.scheduler, before, at),
          history: w.history,
        };
        if (this.onReview) {
          this.onReview(review);
          this.earlier++;
          this.recentSince = Infinity;
        } else {
          this.reviews.push(review);
        }
        remember(nextCard(this.scheduler, before, at, event.rating), w.memory);
        w.buriedUntil = null;
        w.leech = w.memory.lapses >= this.settings.leechThreshold;
        // Suspended by the lapse that makes it a leech, and again by any later lapse after an unsuspend.
        if (w.leech && this.settings.leechAction === 'suspend' && w.memory.lapses > before.lapses) w.suspended = true;
        break;
      }
      case 'suspend':
      case 'unsuspend':
        this.work(aliases.get(event.card) ?? event.card, at).suspended = event.type === 'suspend';
        break;
      case 'bury':
        this.work(aliases.get(event.card) ?? event.card, at).buriedUntil = startOfStudyDayAfter(at, this.settings.dayStartsAt);
        break;
      case 'forget': {
        const w = this.work(aliases.get(event.card) ?? event.card, at);
        remember(emptySchedulerCard(w.memory.id, at), w.memory);
        w.leech = false;
        w.history += 1;
        break;
      }
      case 'relink': {
        const source = aliases.get(event.from) ?? event.from;
        // A card that already has a history of its own never takes another's.
        if (source === event.to || !this.hasHistory(source) || this.hasHistory(event.to)) break;
        const w = this.work(source, at);
        this.works.delete(source);
        this.moved.add(source);
        w.memory.id = event.to;
        this.works.set(event.to, w);
        for (const [old, target] of aliases) if (target === source) aliases.set(old, event.to);
        aliases.set(source, event.to);
        break;
      }
      case 'card':
        this.texts.set(event.card, this.textStore ? this.textStore.add(event.deck, event.text) : { deck: event.deck, text: event.text });
        break;
      default:
        // cram never feeds FSRS; undo is handled by the caller; unknown types from newer versions are ignored.
        break;
    }
  }

  result(): Replay {
    // `from.states` is only read during the fold, so with `inPlace` it can take the results now.
    const states = this.owned?.states ?? new Map(this.from?.states);
    for (const id of this.moved) states.delete(id);
    for (const [id, w] of this.works) states.set(id, stateFromWork(w));
    return { states, reviews: this.reviews, earlier: this.earlier, recentSince: this.recentSince, texts: this.texts, aliases: this.aliases, lastAt: this.lastAt };
  }
}

/**
 * Folds `events` (sorted as `readLog` gives them) onto `from` (or onto nothing). `from` is not changed,
 * unless `inPlace`: then its maps and reviews are extended and returned rather than copied, for a caller
 * that owns `from` and replaces it with the result (a copy costs the whole history per folded event).
 * Precondition with `from`: `continuesReplay(from, events)`.
 */
export function replay(events: readonly LoggedEvent[], settings: Settings, from?: Replay, inPlace = false): Replay {
  // An undo removes its target's effect exactly: the target is simply not folded in.
  const undone = new Set<string>();
  for (const { event } of events) if (event.type === 'undo') undone.add(event.target);
  const fold = new Fold(settings, from, inPlace);
  for (const { event, device } of events) {
    if (undone.size > 0 && undone.has(event.id)) continue;
    fold.apply(event, device, new Date(event.at));
  }
  return fold.result();
}

/** Calls `visit` with every event of a log not undone, in log order (the undos themselves may be left out). */
export type EventSource = (visit: (event: EventBody, device: string, at: number) => void) => void;

/**
 * The full replay of a log too large to hold as objects: the events come one at a time from `source` and
 * each effective review goes to `onReview` (the snapshot writer) and is not kept: the result holds no
 * reviews (`earlier` counts them). Kept until the end, a million of them would outlive the young
 * generation and leave hundreds of megabytes of garbage to the collector.
 */
export function replayStream(source: EventSource, settings: Settings, onReview: (review: ReviewRecord) => void): Replay {
  const fold = new Fold(settings, undefined, false, onReview, new TextStore());
  source((event, device, at) => fold.apply(event, device, new Date(at)));
  return fold.result();
}
