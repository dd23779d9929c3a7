/** The stats screen's keys, as data: the input handler and the footer read this one table. */
export type StatsCommand = 'next-tab' | 'previous-tab' | 'up' | 'down' | 'page-up' | 'page-down' | 'back';

export interface StatsBinding {
  readonly command: StatsCommand;
  /** Key names as `keyName` (src/ui/keys.ts) gives them. */
  readonly keys: readonly string[];
  /** How the footer shows the keys, and its word for them ('' = not in the footer). */
  readonly label: string;
  readonly short: string;
}

export const STATS_KEYS: readonly StatsBinding[] = [
  { command: 'next-tab', keys: ['right', 'l', 'tab'], label: '←→', short: 'tab' },
  { command: 'previous-tab', keys: ['left', 'h'], label: '', short: '' },
  { command: 'up', keys: ['up', 'k'], label: '↑↓', short: 'scroll' },
  { command: 'down', keys: ['down', 'j'], label: '', short: '' },
  { command: 'page-up', keys: ['pageup'], label: 'PgUp/PgDn', short: 'page' },
  { command: 'page-down', keys: ['pagedown', 'space'], label: '', short: '' },
  { command: 'back', keys: ['q', 'escape', 's'], label: 'q', short: 'back' },
];

/** Digits jump straight to a tab. */
export const TAB_DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function statsCommandFor(name: string): StatsCommand | undefined {
  return STATS_KEYS.find((binding) => binding.keys.includes(name))?.command;
}
