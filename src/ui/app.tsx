import { useApp } from 'ink';
import { useMemo, useState, type ReactElement } from 'react';
import type { Selection, TreeRow } from './deck-tree.js';
import { HomeScreen } from './home-screen.js';
import type { HomeState } from './home-state.js';
import type { Paint } from './paint.js';
import type { QueueCounts, SessionPort, SessionStep } from './review-item.js';
import { ReviewScreen } from './review-screen.js';
import type { TerminalSize } from './terminal-size.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface HomeData {
  readonly tree: readonly TreeRow[];
  /** What `r` gives: every deck's queue within today's limits (rows count their own share of them). */
  readonly total: QueueCounts;
  readonly problems: number;
}

export interface StatsScreenProps {
  readonly size: TerminalSize;
  readonly paint: Paint;
  readonly onBack: () => void;
}

export type StartScreen =
  | { readonly screen: 'home' }
  | {
    readonly screen: 'review';
    readonly port: SessionPort;
    readonly first?: SessionStep;
    /** When `first` came on screen, if it was painted before the app started (see firstReviewScreen). */
    readonly shownAt?: number;
  };

export interface AppProps {
  readonly start: StartScreen;
  /** Reads the tree afresh (after each session the counts change). */
  readonly home: () => HomeData;
  readonly openSession: (selection: Selection | null, cram: boolean) => SessionPort;
  /** The stats screen (engineer "stats"); without it `s` names the command. */
  readonly stats?: (props: StatsScreenProps) => ReactElement;
  readonly paint: Paint;
  readonly clock?: () => number;
}

type Route =
  | { readonly screen: 'home'; readonly status: string; readonly state?: HomeState }
  | { readonly screen: 'review'; readonly port: SessionPort; readonly first?: SessionStep; readonly shownAt?: number; readonly state?: HomeState }
  | { readonly screen: 'stats'; readonly state?: HomeState };

/** Routes between home, review (with its summary) and stats; a session started from the command line exits after it. */
export function App({ start, home, openSession, stats, paint, clock }: AppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [route, setRoute] = useState<Route>(start.screen === 'review' ? start : { screen: 'home', status: '' });
  const [generation, setGeneration] = useState(0);
  const data = useMemo(() => (route.screen === 'home' ? home() : null), [route.screen, generation, home]);

  const backHome = (state: HomeState | undefined) => {
    if (start.screen === 'review') return exit();
    setGeneration((g) => g + 1);
    setRoute({ screen: 'home', status: '', state });
  };

  switch (route.screen) {
    case 'review':
      return <ReviewScreen port={route.port} first={route.first} shownAt={route.shownAt} size={size} paint={paint} clock={clock} onDone={() => backHome(route.state)} />;
    case 'stats':
      return stats ? stats({ size, paint, onBack: () => backHome(route.state) }) : null;
    case 'home':
      return (
        <HomeScreen
          key={generation}
          tree={data?.tree ?? []}
          total={data?.total ?? { new: 0, learning: 0, review: 0 }}
          problems={data?.problems ?? 0}
          size={size}
          paint={paint}
          status={route.status}
          initial={route.state}
          onReview={(selection, cram, state) => {
            const port = openSession(selection, cram);
            const first = port.next();
            if (first.item === null) {
              setRoute({ screen: 'home', state, status: cram ? 'No cards in this row.' : 'Nothing due in this row now; c crams it anyway.' });
              setGeneration((g) => g + 1);
            } else {
              setRoute({ screen: 'review', port, first, state });
            }
          }}
          onStats={(state) => setRoute(stats ? { screen: 'stats', state } : { screen: 'home', state, status: 'No stats screen here: run recall stats.' })}
          onQuit={exit}
        />
      );
  }
}
