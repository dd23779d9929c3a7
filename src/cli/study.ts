/** What the interactive commands share: one workspace (reopened after an edit), its home tree, its sessions, the app. */
import { createElement, lazy, Suspense, type ReactElement } from 'react';
import { buildQueue } from '../schedule/queue.js';
import { cappedCounts, deckTree, type Selection } from '../ui/deck-tree.js';
import { App, type HomeData, type StartScreen, type StatsScreenProps } from '../ui/app.js';
import { colorWanted, createPaint } from '../ui/paint.js';
import type { GlobalOptions } from './context.js';
import { WorkspaceSession, type SessionScope } from './review-session.js';
import { editFile } from './tui.js';
import { openWorkspace, type Workspace } from './workspace.js';

/**
 * The stats screen with its report, imported when first opened: the aggregates and their screen are a
 * large part of the app and nothing of them is needed for the first frame.
 */
const LazyStatsScreen = lazy(async () => {
  const [{ StatsScreen }, { statsReport }, { statsInputOf }] = await Promise.all([
    import('../ui/stats-screen.js'), import('../stats/report.js'), import('./stats-input.js'),
  ]);
  const WorkspaceStats = ({ workspace, ...props }: StatsScreenProps & { readonly workspace: Workspace }) =>
    createElement(StatsScreen, { ...props, load: () => statsReport(statsInputOf(workspace), [], new Date()) });
  return { default: WorkspaceStats };
});

export class Study {
  constructor(private workspace: Workspace, private readonly globals: GlobalOptions) {}

  session(scope: SessionScope): WorkspaceSession {
    return new WorkspaceSession(this.workspace, scope, {
      clock: () => new Date(),
      editFile,
      reopen: async () => {
        this.workspace = await openWorkspace(this.globals);
        return this.workspace;
      },
    });
  }

  /**
   * The deck tree with what entering each row gives now: a session of a row queues that subtree and
   * then applies today's limits (as `recall review --chapter` does), so the rows start from the queue
   * with no limit and cap their own counts.
   */
  home(now: Date): HomeData {
    const ws = this.workspace;
    const settings = ws.settings;
    const open = buildQueue(ws.cards(), ws.states, ws.reviews, { ...settings, newPerDay: Infinity, reviewsPerDay: Infinity }, now);
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

  app(start: StartScreen): ReactElement {
    return createElement(App, {
      start,
      home: () => this.home(new Date()),
      openSession: (selection: Selection | null, cram: boolean) => this.session({ selection, chapters: [], cram }),
      stats: (props: StatsScreenProps) =>
        createElement(Suspense, { fallback: null }, createElement(LazyStatsScreen, { ...props, workspace: this.workspace })),
      paint: createPaint(colorWanted(process.env)),
    });
  }
}
