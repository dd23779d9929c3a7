/**
 * The workspace every study command starts from: settings, the cards in the notes, and their schedule
 * replayed from the review log (through the cached snapshot), with methods that append an event, fsync
 * it, and update the schedule. The UI, stats, export and optimize build on this.
 */
import type { Card, Library } from '../cards/card.js';
import { matchesChapter } from '../cards/filter.js';
import { loadLibrary } from '../cards/library.js';
import { formatProblem, UserError, type Problem } from '../errors.js';
import type { CardState, ReviewRecord } from '../schedule/card-state.js';
import { countKeysAmong } from '../schedule/column-states.js';
import { startOfStudyDay } from '../schedule/days.js';
import { previewIntervals } from '../schedule/preview.js';
import { buildQueue, type Queue } from '../schedule/queue.js';
import { cardText, findRelinks, type Relink } from '../schedule/relink.js';
import { continuesReplay, newCardState, replay, type Replay } from '../schedule/replay.js';
import { loadSnapshot, SnapshotWriter, type LogMark, type StoredReviews } from '../schedule/snapshot.js';
import { readCompactLog } from '../store/compact-log.js';
import { loadSettings } from '../store/config.js';
import type { LoggedEvent, Rating, ReviewEvent } from '../store/events.js';
import { appendEvents, canContinue, newEvent, readLog, type EventFields } from '../store/log.js';
import { cacheDir, dataHome } from '../store/paths.js';
import type { Settings } from '../store/settings.js';
import type { GlobalOptions } from './context.js';
import { deckPaths } from './deck-paths.js';
import { fullReplay, fullReplayOnWorker, savedThrough, snapshotPath, type Schedule } from './full-replay.js';
import { parseProgress } from './parse-progress.js';

/** Event types `undo` takes back: what a learner did, not what recall did for them (relink, card). */
const UNDOABLE: ReadonlySet<ReviewEvent['type']> = new Set(['review', 'cram', 'bury', 'suspend', 'unsuspend', 'forget']);

/** Fewer new events than this are cheaper to replay at the next start than to save a new snapshot for. */
const SNAPSHOT_EVERY = 500;

/** An action of this session, with what it changed, so undoing it needs no replay. */
interface Done {
  readonly event: ReviewEvent;
  /** The card's state before the action (undefined: it had none). */
  readonly before: CardState | undefined;
  /** How many reviews there were before it (counting those not in memory). */
  readonly reviews: number;
}

export interface Undone {
  /** The event taken back. */
  readonly event: ReviewEvent;
  /** The card's state now (undefined: the card has no history any more). */
  readonly state: CardState | undefined;
}

export class Workspace {
  private current: Replay;
  private stored: StoredReviews | null;
  private readonly session: Done[] = [];
  private byId: Map<string, Card> | undefined;

  constructor(
    /** Settings from the config file, defaults filled in. */
    readonly settings: Settings,
    /** The data folder. */
    readonly home: string,
    /** Every deck and card in the notes, in note order, with the files that could not be read. */
    readonly library: Library,
    /** Lines of the review log that were skipped (file and line), to report once. */
    readonly logProblems: readonly Problem[],
    schedule: Schedule,
  ) {
    this.current = schedule.replay;
    this.stored = schedule.stored;
  }

  /** Schedule state of every card with history (also cards no longer in the notes), by card id. */
  get states(): ReadonlyMap<string, CardState> {
    return this.current.states;
  }

  /**
   * Effective reviews of every device, in time order (undone ones and cram answers left out). The first
   * call reads the older ones from the snapshot: for stats, exports and optimize, not for a start.
   */
  get reviews(): readonly ReviewRecord[] {
    const { earlier, reviews } = this.current;
    if (earlier > 0 && this.stored) {
      const all = this.stored.read(earlier);
      for (const review of reviews) all.push(review);
      this.current = { ...this.current, reviews: all, earlier: 0, recentSince: -Infinity };
    }
    return this.current.reviews;
  }

  /** Effective reviews since the start of `now`'s study day, perhaps with some earlier ones: what today's limits count. */
  reviewsOfStudyDay(now: Date): readonly ReviewRecord[] {
    const start = startOfStudyDay(now, this.settings.dayStartsAt).getTime();
    return start >= this.current.recentSince ? this.current.reviews : this.reviews;
  }

  /** The replay itself: states, reviews, recorded card texts (cards gone from the notes too), aliases. */
  get replay(): Replay {
    return this.current;
  }

  /** The card with this id in the notes, or a UserError naming it. */
  card(id: string): Card {
    this.byId ??= new Map(this.library.cards.map((c) => [c.id, c]));
    const card = this.byId.get(id);
    if (!card) throw new UserError(`no card ${id} in the decks; \`recall cards\` lists the cards and their ids`);
    return card;
  }

  /** A card's state, a new card's when it has no history. */
  stateOf(cardId: string, now: Date): CardState {
    return this.current.states.get(cardId) ?? newCardState(cardId, now);
  }

  /** Cards under an outline node matching any `--chapter` query (all cards without queries), in note order. */
  cards(chapters: readonly string[] = []): readonly Card[] {
    return chapters.length === 0 ? this.library.cards : this.library.cards.filter((c) => matchesChapter(c, chapters));
  }

  /** What is due at `now` among `cards(chapters)`, with today's limits counted over all cards and devices. */
  queue(now: Date, chapters: readonly string[] = []): Queue {
    return buildQueue(this.cards(chapters), this.current.states, this.reviewsOfStudyDay(now), this.settings, now);
  }

  /** The interval each rating would give the card at `now` (`<1m`, `10m`, `1d`, `3.2mo`…). */
  preview(cardId: string, now: Date): Record<Rating, string> {
    return previewIntervals(this.stateOf(cardId, now), this.settings, now);
  }

  /** Rates a card; before its first review the log gets the card's text (for relinking and exports). */
  rate(cardId: string, rating: Rating, ms: number, now: Date): CardState {
    const card = this.card(cardId);
    const fields: EventFields[] = [];
    if (!this.current.texts.has(card.id)) fields.push({ type: 'card', card: card.id, deck: card.deck, text: cardText(card) });
    fields.push({ type: 'review', card: card.id, rating, ms: Math.max(0, Math.round(ms)), deck: card.deck });
    return this.act(card.id, fields, now);
  }

  /** Practice outside the schedule: logged, never fed to FSRS. */
  cram(cardId: string, rating: Rating, ms: number, now: Date): void {
    this.act(this.card(cardId).id, [{ type: 'cram', card: cardId, rating, ms: Math.max(0, Math.round(ms)) }], now);
  }

  /** Hides the card until the next study day starts. */
  bury(cardId: string, now: Date): CardState {
    return this.act(this.card(cardId).id, [{ type: 'bury', card: cardId }], now);
  }

  suspend(cardId: string, now: Date): CardState {
    return this.act(this.card(cardId).id, [{ type: 'suspend', card: cardId }], now);
  }

  /** Takes a card out of suspension; it works for cards gone from the notes too. */
  unsuspend(cardId: string, now: Date): CardState {
    return this.act(cardId, [{ type: 'unsuspend', card: cardId }], now);
  }

  /** Sends the card back to new; its reviews stay in the log as an earlier history. */
  forget(cardId: string, now: Date): CardState {
    return this.act(this.card(cardId).id, [{ type: 'forget', card: cardId }], now);
  }

  /**
   * Takes back this device's last review, cram, bury, suspend, unsuspend or forget not yet undone;
   * null when there is none. The schedule afterwards is exactly as if it had never happened.
   */
  undo(now: Date): Undone | null {
    const done = this.session.pop();
    if (done) {
      const undo = newEvent({ type: 'undo', target: done.event.id }, now);
      appendEvents(this.home, this.settings.deviceId, [undo]);
      const card = (done.event as { card: string }).card;
      // The workspace owns its replay (see `append`): put the card back and drop the review in place.
      const { states, reviews, earlier } = this.current;
      if (done.before) states.set(card, done.before);
      else states.delete(card);
      reviews.length = done.reviews - earlier;
      this.current = { ...this.current, lastAt: Date.parse(undo.at) };
      return { event: done.event, state: done.before };
    }
    // Not from this session: find it in the whole log, then replay without it (from the snapshot when it
    // is newer than the snapshot, else in full).
    const target = readCompactLog(this.home).lastOf(this.settings.deviceId, UNDOABLE);
    if (!target) return null;
    appendEvents(this.home, this.settings.deviceId, [newEvent({ type: 'undo', target: target.id }, now)]);
    this.refresh();
    return { event: target, state: this.current.states.get((target as { card: string }).card) };
  }

  /**
   * Moves the history of cards edited in the notes to their new versions (`findRelinks`): a relink and
   * the new card's text are logged for each. openWorkspace does it once; returns the pairs.
   */
  relinkEditedCards(now: Date): Relink[] {
    // Only a card with history that left the notes can be relinked: when every card with a state is in
    // the notes, the recorded texts (read from the snapshot on first use) are not needed. Counted from
    // the notes' side: a snapshot's states find an id without decoding theirs.
    const { states } = this.current;
    if (countKeysAmong(states, this.library.cards.map((c) => c.id)) === states.size) return [];
    const relinks = findRelinks(this.library.cards, this.current.texts, (id) => this.current.states.has(id));
    if (relinks.length === 0) return relinks;
    this.append(relinks.flatMap(({ from, to }) => {
      const card = this.card(to);
      return [{ type: 'relink', from, to }, { type: 'card', card: to, deck: card.deck, text: cardText(card) }] as EventFields[];
    }), now);
    return relinks;
  }

  /** Logs the action `fields` (the last one is what undo takes back) and returns the card's new state. */
  private act(cardId: string, fields: readonly EventFields[], now: Date): CardState {
    const before = this.current.states.get(cardId);
    const reviews = this.current.earlier + this.current.reviews.length;
    const { events, continued } = this.append(fields, now);
    // After a full replay `before` may not be the state the log gives without this event: undo replays then.
    if (continued) this.session.push({ event: events[events.length - 1] as ReviewEvent, before, reviews });
    return this.stateOf(cardId, now);
  }

  /**
   * Appends `fields` as events at `now` (fsynced before returning) and folds them into the schedule;
   * `continued` is false when that took a full replay.
   */
  private append(fields: readonly EventFields[], now: Date): { events: ReviewEvent[]; continued: boolean } {
    const events = fields.map((f) => newEvent(f, now) as ReviewEvent);
    appendEvents(this.home, this.settings.deviceId, events);
    // Line numbers only matter for reporting bad lines; these were just written well-formed.
    const logged: LoggedEvent[] = events.map((event) => ({ event, device: this.settings.deviceId, line: 0 }));
    const continued = continuesReplay(this.current, logged);
    // The workspace owns its replay (undo keeps states, not the maps): fold in place, copying no history.
    if (continued) this.current = replay(logged, this.settings, this.current, true);
    else this.refresh(); // `now` before an event already replayed (a clock moved back): replay in log order.
    return { events, continued };
  }

  /** Replays the log again (from the snapshot when it can be continued). */
  private refresh(): void {
    const schedule = replayedLog(this.home, this.settings);
    this.stored?.close();
    this.current = schedule.replay;
    this.stored = schedule.stored;
    this.session.length = 0;
  }
}

/**
 * The replay of the whole log: the snapshot plus the events after it when it still fits (same
 * scheduling settings, files only grown, nothing older or undoing what it holds), else a full replay.
 */
export function replayedLog(home: string, settings: Settings): Schedule & { problems: Problem[] } {
  return continuedSnapshot(home, settings) ?? fullReplay(home, settings);
}

/** `replayedLog`, with a full replay done on a worker thread (its heap freed after: see full-replay.ts). */
async function replayedLogOffThread(home: string, settings: Settings): Promise<Schedule & { problems: Problem[] }> {
  const continued = continuedSnapshot(home, settings);
  if (continued) return continued;
  const problems = await fullReplayOnWorker(home, settings);
  if (problems === undefined) return fullReplay(home, settings);
  // The worker saved the snapshot: loaded as a normal start loads it (with any events logged meanwhile).
  const loaded = replayedLog(home, settings);
  return { ...loaded, problems: [...problems, ...loaded.problems] };
}

/** The snapshot plus the events after it, when it still fits the log (see `replayedLog`); null when it does not. */
function continuedSnapshot(home: string, settings: Settings): (Schedule & { problems: Problem[] }) | null {
  const path = snapshotPath(home);
  const snapshot = loadSnapshot(path, settings);
  if (snapshot && canContinue(home, snapshot.positions)) {
    const read = readLog(home, snapshot.positions, snapshot.lines);
    if (!read.full && continuesReplay(snapshot.replay, read.events)) {
      // Bad lines before the snapshot's positions were reported when they were first read.
      if (read.events.length === 0) return { ...snapshot, problems: read.problems };
      const result = replay(read.events, settings, snapshot.replay, true);
      if (read.events.length < SNAPSHOT_EVERY) return { replay: result, stored: snapshot.stored, problems: read.problems };
      const saved = savedSnapshot(path, snapshot.stored, result, read, settings);
      snapshot.stored.close();
      return { ...saved, problems: read.problems };
    }
  }
  snapshot?.stored.close();
  return null;
}

/** `result` (a fold onto a snapshot whose reviews are `stored`) saved as the new snapshot. */
function savedSnapshot(path: string, stored: StoredReviews, result: Replay, read: LogMark, settings: Settings): Schedule {
  const writer = new SnapshotWriter(path, stored);
  return savedThrough(writer, () => {
    // `stored` ends within the replay's in-memory reviews (the recent ones it was loaded with).
    for (const review of result.reviews.slice(stored.count - result.earlier)) writer.add(review);
    return writer.finish(result, read, settings);
  });
}

/** Settings, cards and schedule, with the history of edited cards relinked (once) to their new versions. */
export async function openWorkspace(globals: GlobalOptions, now: Date = new Date()): Promise<Workspace> {
  const settings = await loadSettings();
  const home = dataHome(globals.home);
  const library = await loadLibrary(deckPaths(globals, settings), settings, { cacheDir: cacheDir(home), progress: parseProgress() });
  const { problems, ...schedule } = await replayedLogOffThread(home, settings);
  const workspace = new Workspace(settings, home, library, problems, schedule);
  workspace.relinkEditedCards(now);
  return workspace;
}

/** Prints what could not be read (note files, log lines) to stderr, one line each with file and line. */
export function reportProblems(workspace: Workspace): void {
  for (const problem of [...workspace.library.problems, ...workspace.logProblems]) {
    process.stderr.write(`recall: ${formatProblem(problem)}\n`);
  }
}
