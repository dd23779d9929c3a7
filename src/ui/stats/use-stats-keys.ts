/** The stats screen's input: key → command from the key table → reducer action or back. */
import { useInput } from 'ink';
import { keyName } from '../keys.js';
import { statsCommandFor, TAB_DIGITS } from './stats-keys.js';
import type { StatsAction } from './stats-state.js';

export interface StatsKeysOptions {
  /** Lines a page scrolls. */
  readonly page: number;
  readonly onBack: () => void;
  readonly isActive: boolean;
}

export function useStatsKeys(dispatch: (action: StatsAction) => void, o: StatsKeysOptions): void {
  useInput((input, key) => {
    const name = keyName(input, key);
    if (TAB_DIGITS.includes(name)) return dispatch({ type: 'tab-to', index: Number(name) - 1 });
    switch (statsCommandFor(name)) {
      case 'next-tab': return dispatch({ type: 'tab', by: 1 });
      case 'previous-tab': return dispatch({ type: 'tab', by: -1 });
      case 'up': return dispatch({ type: 'scroll', by: -1 });
      case 'down': return dispatch({ type: 'scroll', by: 1 });
      case 'page-up': return dispatch({ type: 'scroll', by: -o.page });
      case 'page-down': return dispatch({ type: 'scroll', by: o.page });
      case 'back': return o.onBack();
      default: return undefined;
    }
  }, { isActive: o.isActive });
}
