/** What the interactive commands share: one workspace (reopened after an edit), its home tree, its sessions. */
import { buildQueue } from '../schedule/queue.js';
import type { HomeData } from '../ui/app.js';
import { cappedCounts, deckTree } from '../ui/deck-tree.js';
import type { GlobalOptions } from './context.js';
import { WorkspaceSession, type SessionScope } from './review-session.js';
import { editFile } from './screen.js';
import { openWorkspace, type Workspace } from './workspace.js';

export class Study {
  constructor(private current: Workspace, private readonly globals: GlobalOptions) {}

  /** The workspace now (a session's edit opens it again). */
  get workspace(): Workspace {
    return this.current;
  }

  session(scope: SessionScope): WorkspaceSession {
    return new WorkspaceSession(this.current, scope, {
      clock: () => new Date(),
      editFile,
      reopen: async () => {
        this.current = await openWorkspace(this.globals);
        return this.current;
      },
    });
  }

  /**
   * The deck tree with what entering each row gives now: a session of a row queues that subtree and
   * then applies today's limits (as `recall review --chapter` does), so the rows start from the queue
   * with no limit and cap their own counts.
   */
  home(now: Date): HomeData {
    const ws = this.current;
    const settings = ws.settings;
    const open = buildQueue(ws.cards(), ws.states, ws.reviewsOfStudyDay(now), { ...settings, newPerDay: Infinity, reviewsPerDay: Infinity }, now);
    const limits = {
      new: Math.max(0, settings.newPerDay - open.doneToday.new),
      review: Math.max(0, settings.reviewsPerDay - open.doneToday.review),
    };
    const due = open.cards.map((card) => ({ card, queue: open.kinds.get(card.id) ?? 'review' }));
    return {
      tree: deckTree(ws.library.decks, due, limits),
      total: cappedCounts(open.counts, limits),
      problems: ws.library.problems.length + ws.logProblems.length,
    };
  }
}
