/** The workspace as the stats aggregates and exports read it. */
import { retrievabilityAt, schedulerFor } from '../schedule/fsrs.js';
import type { StatsInput } from '../stats/input.js';
import type { Workspace } from './workspace.js';

export function statsInputOf(workspace: Workspace): StatsInput {
  const { w } = schedulerFor(workspace.settings);
  return {
    cards: workspace.library.cards,
    states: workspace.states,
    reviews: workspace.reviews,
    texts: workspace.replay.texts,
    settings: workspace.settings,
    retrievability: (state, now) => retrievabilityAt(w, state, now),
  };
}
