/** The home screen's input: key → command from the key table → reducer action or a route change. */
import { useInput } from 'ink';
import type { Selection } from './deck-tree.js';
import type { HomeAction } from './home-state.js';
import { commandFor, keyNames } from './keys.js';

export interface HomeKeysOptions {
  /** The selected row's cards, as of the latest key. */
  readonly selection: () => Selection | null;
  readonly page: number;
  /** The help overlay is open, as of the latest key. */
  readonly help: () => boolean;
  readonly onReview: (selection: Selection | null, cram: boolean) => void;
  readonly onStats: () => void;
  readonly onQuit: () => void;
}

export function useHomeKeys(dispatch: (action: HomeAction) => void, o: HomeKeysOptions): void {
  const withSelection = (then: (selection: Selection) => void) => {
    const selection = o.selection();
    if (selection) then(selection);
  };
  const press = (name: string) => {
    if (o.help()) {
      dispatch({ type: 'help', open: false });
      return;
    }
    switch (commandFor('home', name)) {
      case 'up': return dispatch({ type: 'move', by: -1 });
      case 'down': return dispatch({ type: 'move', by: 1 });
      case 'page-up': return dispatch({ type: 'move', by: -o.page });
      case 'page-down': return dispatch({ type: 'move', by: o.page });
      case 'open': return dispatch({ type: 'open' });
      case 'close': return dispatch({ type: 'close' });
      case 'toggle': return dispatch({ type: 'toggle' });
      case 'review-row': return withSelection((selection) => o.onReview(selection, false));
      case 'review-all': return o.onReview(null, false);
      case 'cram-row': return withSelection((selection) => o.onReview(selection, true));
      case 'stats': return o.onStats();
      case 'help': return dispatch({ type: 'help', open: true });
      case 'quit': return o.onQuit();
      default: return undefined;
    }
  };
  useInput((input, key) => keyNames(input, key).forEach(press));
}
