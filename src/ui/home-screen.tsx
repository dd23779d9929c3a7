import { useMemo } from 'react';
import type { Selection, TreeRow } from './deck-tree.js';
import { Frame } from './frame.js';
import { homeFrame } from './home-frame.js';
import { homeReducer, initialHomeState, selectedIndex, visibleRows, type HomeState } from './home-state.js';
import type { Paint } from './paint.js';
import type { QueueCounts } from './review-item.js';
import type { TerminalSize } from './terminal-size.js';
import { useHomeKeys } from './use-home-keys.js';
import { useSyncReducer } from './use-sync-reducer.js';

export interface HomeScreenProps {
  readonly tree: readonly TreeRow[];
  /** What `r` gives now. */
  readonly total: QueueCounts;
  /** Notes that could not be read fully. */
  readonly problems: number;
  readonly size: TerminalSize;
  readonly paint: Paint;
  /** One line of feedback (after a session, a missing stats screen). */
  readonly status: string;
  /** The tree's open rows and selection, kept across a review session. */
  readonly initial?: HomeState;
  readonly onReview: (selection: Selection | null, cram: boolean, state: HomeState) => void;
  readonly onStats: (state: HomeState) => void;
  readonly onQuit: () => void;
}

/** Decks → chapters → sections with what is due in each; enter reviews a row, r everything. */
export function HomeScreen(props: HomeScreenProps) {
  const { tree, size, paint } = props;
  const reducer = useMemo(() => homeReducer(tree), [tree]);
  const [state, dispatch, getState] = useSyncReducer(reducer, () => props.initial ?? initialHomeState(tree));
  const rows = visibleRows(tree, state.open);
  const selected = selectedIndex(rows, state.selected);
  const height = size.rows - 1;
  useHomeKeys(dispatch, {
    selection: () => {
      const latest = visibleRows(tree, getState().open);
      return latest[selectedIndex(latest, getState().selected)]?.row.selection ?? null;
    },
    page: Math.max(height - 8, 1),
    help: () => getState().help,
    onReview: (selection, cram) => props.onReview(selection, cram, getState()),
    onStats: () => props.onStats(getState()),
    onQuit: props.onQuit,
  });
  const lines = homeFrame({ rows, open: state.open, selected, help: state.help, status: props.status, problems: props.problems, total: props.total }, size.columns, height, paint);
  return <Frame lines={lines} width={size.columns} />;
}
