/**
 * Replay: a card's schedule is the fold of its events, in log order, through ts-fsrs. The log is the
 * single source of truth; this turns it into per-card states and the effective review history.
 */
import type { LoggedEvent } from '../store/events.js';
import type { Settings } from '../store/settings.js';
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
  /** Effective reviews in log order: undone reviews and cram answers left out. */
  readonly reviews: ReviewRecord[];
  /** Latest text of each card from its `card` events. */
  readonly texts: Map<string, CardText>;
  /** Relinked card ids, old → new: a late event for an old id (another device) reaches the new card. */
  readonly aliases: Map<string, string>;
  /** Time (ms) of the latest event folded in; an incremental replay may only add events from then on. */
  readonly lastAt: number;
}

/** The mutable per-card record of the fold; converted to a `CardState` once, at the end. */
interface Work {
  card: SchedulerCard;
  suspended: boolean;
  buriedUntil: Date | null;
  leech: boolean;
  history: number;
}

function workFromState(state: CardState): Work {
  return {
    card: toSchedulerCard(state),
    suspended: state.suspended,
    buriedUntil: state.buriedUntil,
    leech: state.leech,
    history: state.history,
  };
}

function stateFromWork(w: Work): CardState {
  return {
    card: w.card.id,
    ...scheduleFields(w.card),
    suspended: w.suspended,
    buriedUntil: w.buriedUntil,
    leech: w.leech,
    history: w.history,
  };
}

/** A card no event has touched yet: new, due since `at`. */
export function newCardState(card: string, at: Date): CardState {
  return stateFromWork({ card: emptySchedulerCard(card, at), suspended: false, buriedUntil: null, leech: false, history: 0 });
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
 * Folds `events` (sorted as `readLog` gives them) onto `from` (or onto nothing). `from` is not changed,
 * unless `inPlace`: then its maps and reviews are extended and returned rather than copied, for a caller
 * that owns `from` and replaces it with the result (a copy costs the whole history per folded event).
 * Precondition with `from`: `continuesReplay(from, events)`.
 */
export function replay(events: readonly LoggedEvent[], settings: Settings, from?: Replay, inPlace = false): Replay {
  const scheduler = schedulerFor(settings);
  const { leechThreshold, dayStartsAt } = settings;
  const suspendLeeches = settings.leechAction === 'suspend';

  // An undo removes its target's effect exactly: the target is simply not folded in.
  const undone = new Set<string>();
  for (const { event } of events) if (event.type === 'undo') undone.add(event.target);

  const works = new Map<string, Work>();
  const moved = new Set<string>();
  const owned = inPlace ? from : undefined;
  const aliases = owned?.aliases ?? new Map(from?.aliases);
  const texts = owned?.texts ?? new Map(from?.texts);
  const reviews: ReviewRecord[] = owned?.reviews ?? (from ? from.reviews.slice() : []);
  let lastAt = from?.lastAt ?? 0;

  const work = (id: string, at: Date): Work => {
    let w = works.get(id);
    if (!w) {
      const state = moved.has(id) ? undefined : from?.states.get(id);
      w = state
        ? workFromState(state)
        : { card: emptySchedulerCard(id, at), suspended: false, buriedUntil: null, leech: false, history: 0 };
      works.set(id, w);
    }
    return w;
  };
  const hasHistory = (id: string) => works.has(id) || (!moved.has(id) && from?.states.has(id) === true);

  for (const logged of events) {
    const event = logged.event;
    if (undone.size > 0 && undone.has(event.id)) continue;
    const at = new Date(event.at);
    lastAt = at.getTime();
    switch (event.type) {
      case 'review': {
        const id = aliases.get(event.card) ?? event.card;
        const w = work(id, at);
        const before = w.card;
        reviews.push({
          id: event.id,
          card: id,
          deck: event.deck,
          device: logged.device,
          at,
          rating: event.rating,
          ms: event.ms,
          phaseBefore: phaseOf(before),
          retrievability: schedulerRetrievability(scheduler, before, at),
          history: w.history,
        });
        w.card = nextCard(scheduler, before, at, event.rating);
        w.buriedUntil = null;
        w.leech = w.card.lapses >= leechThreshold;
        // Suspended by the lapse that makes it a leech, and again by any later lapse after an unsuspend.
        if (w.leech && suspendLeeches && w.card.lapses > before.lapses) w.suspended = true;
        break;
      }
      case 'suspend':
      case 'unsuspend':
        work(aliases.get(event.card) ?? event.card, at).suspended = event.type === 'suspend';
        break;
      case 'bury':
        work(aliases.get(event.card) ?? event.card, at).buriedUntil = startOfStudyDayAfter(at, dayStartsAt);
        break;
      case 'forget': {
        const w = work(aliases.get(event.card) ?? event.card, at);
        w.card = emptySchedulerCard(w.card.id, at);
        w.leech = false;
        w.history += 1;
        break;
      }
      case 'relink': {
        const source = aliases.get(event.from) ?? event.from;
        // A card that already has a history of its own never takes another's.
        if (source === event.to || !hasHistory(source) || hasHistory(event.to)) break;
        const w = work(source, at);
        works.delete(source);
        moved.add(source);
        w.card.id = event.to;
        works.set(event.to, w);
        for (const [old, target] of aliases) if (target === source) aliases.set(old, event.to);
        aliases.set(source, event.to);
        break;
      }
      case 'card':
        texts.set(event.card, { deck: event.deck, text: event.text });
        break;
      default:
        // cram never feeds FSRS; undo was handled above; unknown types from newer versions are ignored.
        break;
    }
  }

  // `from.states` is only read during the fold above, so with `inPlace` it can take the results now.
  const states = owned?.states ?? new Map(from?.states);
  for (const id of moved) states.delete(id);
  for (const [id, w] of works) states.set(id, stateFromWork(w));
  return { states, reviews, texts, aliases, lastAt };
}
