/** The stats screen's state: which tab shows, and how far it is scrolled. */

export interface StatsState {
  readonly tab: number;
  /** First body line shown. */
  readonly offset: number;
}

export type StatsAction =
  | { readonly type: 'tab'; readonly by: number }
  | { readonly type: 'tab-to'; readonly index: number }
  | { readonly type: 'scroll'; readonly by: number };

export const initialStatsState: StatsState = { tab: 0, offset: 0 };

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));

/**
 * A reducer for tabs whose bodies can scroll by `maxOffsets[i]` lines at most. Tabs wrap around;
 * switching tabs starts the new one at its top.
 */
export function statsReducer(maxOffsets: readonly number[]) {
  const tabs = maxOffsets.length;
  return (state: StatsState, action: StatsAction): StatsState => {
    switch (action.type) {
      case 'tab':
        return { tab: (((state.tab + action.by) % tabs) + tabs) % tabs, offset: 0 };
      case 'tab-to':
        return action.index >= 0 && action.index < tabs ? { tab: action.index, offset: 0 } : state;
      case 'scroll':
        return { ...state, offset: clamp(state.offset + action.by, maxOffsets[state.tab] ?? 0) };
    }
  };
}
