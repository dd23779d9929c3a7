/** The Ink app of the interactive commands over a Study: home, review sessions and the stats screen. */
import { createElement, lazy, Suspense, type ReactElement } from 'react';
import { App, type StartScreen, type StatsScreenProps } from '../ui/app.js';
import type { Selection } from '../ui/deck-tree.js';
import type { Paint } from '../ui/paint.js';
import type { Study } from './study.js';
import type { Workspace } from './workspace.js';

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

export function studyApp(study: Study, start: StartScreen, paint: Paint): ReactElement {
  return createElement(App, {
    start,
    home: () => study.home(new Date()),
    openSession: (selection: Selection | null, cram: boolean) => study.session({ selection, chapters: [], cram }),
    stats: (props: StatsScreenProps) =>
      createElement(Suspense, { fallback: null }, createElement(LazyStatsScreen, { ...props, workspace: study.workspace })),
    paint,
  });
}
