/**
 * The review screens' session port over the workspace: what to show next, and answers, undo, bury,
 * suspend and edit written to the log. The UI never sees the workspace; this is the only bridge.
 */
import type { Card } from '../cards/card.js';
import { startOfStudyDayAfter } from '../schedule/days.js';
import { buildQueue, type Queue, type QueueCounts } from '../schedule/queue.js';
import type { Rating } from '../store/events.js';
import { inSelection, type Selection } from '../ui/deck-tree.js';
import type { ReviewItem, SessionPort, SessionStep } from '../ui/review-item.js';
import type { Workspace } from './workspace.js';

/** Anki's learn-ahead: with nothing else left, a learning step due this soon is shown now rather than ending the session. */
const LEARN_AHEAD_MS = 20 * 60_000;

export interface SessionScope {
  /** A tree row (from the home screen), or null for every card. */
  readonly selection: Selection | null;
  /** `--chapter` queries (empty: no filter). */
  readonly chapters: readonly string[];
  readonly cram: boolean;
}

export interface SessionHooks {
  readonly clock: () => Date;
  /** Opens `file` at `line` in the user's editor with the terminal released; resolves when it exits. */
  readonly editFile: (file: string, line: number) => Promise<void>;
  /** Opens the workspace again (the notes changed). */
  readonly reopen: () => Promise<Workspace>;
}

function scopeTitle(scope: SessionScope): string {
  const what = scope.selection?.label ?? (scope.chapters.length > 0 ? `chapter ${scope.chapters.join(', ')}` : 'everything due');
  return scope.cram ? `Cram: ${scope.selection || scope.chapters.length > 0 ? what : 'every card'}` : what;
}

/** `cards` under the tree row `selection` (all of them without one). */
const underRow = (cards: readonly Card[], selection: Selection | null) =>
  selection ? cards.filter((card) => inSelection(card, selection)) : cards;

/** The cards of a scope, in note order. */
export function scopeCards(workspace: Workspace, scope: Pick<SessionScope, 'selection' | 'chapters'>): readonly Card[] {
  return underRow(workspace.cards(scope.chapters), scope.selection);
}

export class WorkspaceSession implements SessionPort {
  readonly cram: boolean;
  readonly title: string;
  /** Cram: card ids still to practise, in order (Again sends a card to the end). */
  private cramLeft: string[];
  /** One entry per action of this session: the cram list before it. */
  private readonly history: string[][] = [];
  /** A card taken back by undo: shown next. */
  private first: string | null = null;
  /** The scope's cards in the current workspace, computed once per workspace: next() runs on every key. */
  private scoped: { readonly of: Workspace; readonly cards: readonly Card[] } | null = null;

  constructor(private workspace: Workspace, private readonly scope: SessionScope, private readonly hooks: SessionHooks) {
    this.cram = scope.cram;
    this.title = scopeTitle(scope);
    this.cramLeft = scope.cram ? this.cards().map((c) => c.id) : [];
  }

  private cards(): readonly Card[] {
    if (this.scoped?.of !== this.workspace) this.scoped = { of: this.workspace, cards: scopeCards(this.workspace, this.scope) };
    return this.scoped.cards;
  }

  /**
   * The queue of the scope's cards: filtered first, then today's limits, so a tree row offers its own
   * new cards (as `recall review --chapter` does) and the home screen counts what it gives.
   */
  private queueAt(at: Date): Queue {
    const ws = this.workspace;
    return buildQueue(this.cards(), ws.states, ws.reviewsOfStudyDay(at), ws.settings, at);
  }

  /** The queue now; when it is empty but a learning step falls due within the learn-ahead window, the queue then. */
  private reviewQueue(now: Date): Queue {
    const queue = this.queueAt(now);
    const soon = queue.nextLearningDue;
    if (queue.cards.length > 0 || !soon || soon.getTime() - now.getTime() > LEARN_AHEAD_MS) return queue;
    return this.queueAt(soon);
  }

  next(): SessionStep {
    const now = this.hooks.clock();
    return this.cram ? this.cramStep(now) : this.reviewStep(now);
  }

  private reviewStep(now: Date): SessionStep {
    const queue = this.reviewQueue(now);
    const first = this.first ? queue.cards.find((c) => c.id === this.first) : undefined;
    const card = first ?? queue.cards[0];
    if (!card) return { item: null, counts: queue.counts };
    return { item: this.itemOf(card, queue.kinds.get(card.id) ?? 'review', now, false), counts: queue.counts };
  }

  private cramStep(now: Date): SessionStep {
    const byId = new Map(this.cards().map((c) => [c.id, c]));
    const left = this.cramLeft.filter((id) => byId.has(id));
    const counts = { new: 0, learning: 0, review: 0 };
    for (const id of left) counts[this.phaseQueue(id)] += 1;
    const id = left[0];
    if (id === undefined) return { item: null, counts };
    return { item: this.itemOf(byId.get(id) as Card, this.phaseQueue(id), now, true), counts };
  }

  private phaseQueue(id: string): keyof QueueCounts {
    const phase = this.workspace.states.get(id)?.phase ?? 'new';
    return phase === 'relearning' ? 'learning' : phase;
  }

  private itemOf(card: Card, queue: keyof QueueCounts, now: Date, cram: boolean): ReviewItem {
    const workspace = this.workspace;
    const deckTitle = workspace.library.decks.find((d) => d.key === card.deck)?.title ?? card.deck;
    // Worked out when first read (the answer side shows them), not before the card's front is drawn:
    // the first scheduler of a start costs milliseconds of the first frame. The card's state cannot
    // change before then: every action ends the step.
    let previews: ReviewItem['previews'] | undefined;
    return {
      card,
      deckTitle,
      queue,
      get previews() {
        previews ??= cram ? null : workspace.preview(card.id, now);
        return previews;
      },
    };
  }

  /** Records that an action happened (for undo) and drops `id` from the cram list. */
  private done(id: string, again: boolean): void {
    this.history.push(this.cramLeft);
    this.first = null;
    if (!this.cram) return;
    const at = this.cramLeft.indexOf(id);
    const rest = at === -1 ? this.cramLeft : [...this.cramLeft.slice(0, at), ...this.cramLeft.slice(at + 1)];
    this.cramLeft = again ? [...rest, id] : rest;
  }

  rate(item: ReviewItem, rating: Rating, ms: number): void {
    const now = this.hooks.clock();
    if (this.cram) this.workspace.cram(item.card.id, rating, ms, now);
    else this.workspace.rate(item.card.id, rating, ms, now);
    this.done(item.card.id, rating === 1);
  }

  bury(item: ReviewItem): void {
    this.workspace.bury(item.card.id, this.hooks.clock());
    this.done(item.card.id, false);
  }

  suspend(item: ReviewItem): void {
    this.workspace.suspend(item.card.id, this.hooks.clock());
    this.done(item.card.id, false);
  }

  undo(): boolean {
    const before = this.history.pop();
    if (!before) return false;
    const undone = this.workspace.undo(this.hooks.clock());
    this.cramLeft = before;
    const card = undone && 'card' in undone.event ? undone.event.card : null;
    this.first = card;
    return undone !== null;
  }

  async edit(item: ReviewItem): Promise<string> {
    const { file, line } = item.card.source;
    await this.hooks.editFile(file, line);
    this.workspace = await this.hooks.reopen();
    const count = this.workspace.library.cards.filter((c) => c.source.file === file).length;
    return `Reloaded ${file}: ${count} card${count === 1 ? '' : 's'}.`;
  }

  /**
   * Reviews the scope has on the next study day: review cards due by its end (within the daily limit,
   * today's unfinished ones included) and learning steps that fall in it. A step due later today is
   * not counted: it comes back today.
   */
  dueTomorrow(): number {
    const { states, settings } = this.workspace;
    const start = startOfStudyDayAfter(this.hooks.clock(), settings.dayStartsAt).getTime();
    const end = startOfStudyDayAfter(new Date(start), settings.dayStartsAt).getTime();
    let reviews = 0;
    let learning = 0;
    for (const card of this.cards()) {
      const state = states.get(card.id);
      if (!state || state.suspended) continue;
      const due = state.due.getTime();
      if (state.phase === 'review' && due < end) reviews++;
      else if ((state.phase === 'learning' || state.phase === 'relearning') && due >= start && due < end) learning++;
    }
    return Math.min(reviews, settings.reviewsPerDay) + learning;
  }
}
