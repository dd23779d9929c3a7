/** What the interactive commands share: one workspace (reopened after an edit), its home tree, its sessions, the app. */
import { createElement, type ReactElement } from 'react';
import type { Selection } from '../ui/deck-tree.js';
import { deckTree } from '../ui/deck-tree.js';
import { App, type HomeData, type StartScreen, type StatsScreenProps } from '../ui/app.js';
import { statsReport } from '../stats/report.js';
import { StatsScreen } from '../ui/stats-screen.js';
import { colorWanted, createPaint } from '../ui/paint.js';
import type { GlobalOptions } from './context.js';
import { WorkspaceSession, type SessionScope } from './review-session.js';
import { statsInputOf } from './stats-input.js';
import { editFile } from './tui.js';
import { openWorkspace, type Workspace } from './workspace.js';

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

  /** The deck tree with what is due now in each row. */
  home(now: Date): HomeData {
    const queue = this.workspace.queue(now);
    const due = queue.cards.map((card) => ({ card, queue: queue.kinds.get(card.id) ?? 'review' }));
    return {
      tree: deckTree(this.workspace.library.decks, due),
      problems: this.workspace.library.problems.length + this.workspace.logProblems.length,
    };
  }

  app(start: StartScreen): ReactElement {
    return createElement(App, {
      start,
      home: () => this.home(new Date()),
      openSession: (selection: Selection | null, cram: boolean) => this.session({ selection, chapters: [], cram }),
      stats: (props: StatsScreenProps) =>
        createElement(StatsScreen, { ...props, load: () => statsReport(statsInputOf(this.workspace), [], new Date()) }),
      paint: createPaint(colorWanted(process.env)),
    });
  }
}
