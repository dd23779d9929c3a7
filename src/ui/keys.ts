/**
 * Every key of every screen, as data: the input handlers, the footers and the help overlay all read
 * this table, so what the screen says is what the keys do.
 */
import type { Key } from 'ink';

export type Screen = 'home' | 'review' | 'summary';

/** When a binding applies on the review screen: before the answer shows, after, or both. */
export type Stage = 'front' | 'back' | 'any';

export type Command =
  | 'up' | 'down' | 'toggle' | 'open' | 'close' | 'review-row' | 'review-all' | 'cram-row' | 'stats'
  | 'reveal' | 'again' | 'hard' | 'good' | 'easy' | 'undo' | 'bury' | 'suspend' | 'edit'
  | 'page-up' | 'page-down' | 'help' | 'quit' | 'back';

export interface Binding {
  readonly command: Command;
  /** Key names as `keyName` gives them. */
  readonly keys: readonly string[];
  /** How the footer and help show the keys. */
  readonly label: string;
  /** The footer's word for it. */
  readonly short: string;
  readonly description: string;
  readonly stage: Stage;
}

const b = (command: Command, keys: readonly string[], label: string, short: string, description: string, stage: Stage = 'any'): Binding =>
  ({ command, keys, label, short, description, stage });

export const KEY_TABLE: Readonly<Record<Screen, readonly Binding[]>> = {
  home: [
    b('up', ['up', 'k'], '↑↓/jk', 'move', 'move up'),
    b('down', ['down', 'j'], '↓/j', '', 'move down'),
    b('open', ['right', 'l'], '→', 'open', 'open the row'),
    b('close', ['left', 'h'], '←', 'close', 'close the row (or go to its parent)'),
    b('toggle', ['space'], 'space', '', 'open or close the row'),
    b('review-row', ['enter'], 'enter', 'review', "review what is due in the row's subtree"),
    b('review-all', ['r'], 'r', 'all due', 'review everything due'),
    b('cram-row', ['c'], 'c', 'cram', 'cram the row: every card, schedule untouched'),
    b('stats', ['s'], 's', 'stats', 'statistics'),
    b('page-up', ['pageup'], 'PgUp/PgDn', '', 'page up'),
    b('page-down', ['pagedown'], 'PgDn', '', 'page down'),
    b('help', ['?'], '?', 'help', 'help'),
    b('quit', ['q', 'escape'], 'q', 'quit', 'quit'),
  ],
  review: [
    b('reveal', ['space', 'enter'], 'space', 'show answer', 'show the answer', 'front'),
    b('again', ['1'], '1', 'Again', 'Again: forgotten', 'back'),
    b('hard', ['2'], '2', 'Hard', 'Hard: recalled with difficulty', 'back'),
    b('good', ['3', 'space'], '3', 'Good', 'Good: recalled (space too)', 'back'),
    b('easy', ['4'], '4', 'Easy', 'Easy: recalled at once', 'back'),
    b('undo', ['u'], 'u', 'undo', 'undo the last answer'),
    b('bury', ['b'], 'b', 'bury', 'bury: hide the card until tomorrow'),
    b('suspend', ['!'], '!', 'suspend', 'suspend: hide the card until unsuspended'),
    b('edit', ['e'], 'e', 'edit', 'edit the note at this card, then reload'),
    // Help and quit before scrolling: a narrow footer keeps the keys a user cannot do without.
    b('help', ['?'], '?', 'help', 'help'),
    b('quit', ['q', 'escape'], 'q', 'quit', 'end the session'),
    b('page-up', ['pageup'], 'PgUp/PgDn', 'scroll', 'scroll the card up'),
    b('page-down', ['pagedown'], 'PgDn', '', 'scroll the card down'),
  ],
  summary: [
    b('undo', ['u'], 'u', 'undo', 'undo the last answer and go back to it'),
    b('back', ['enter', 'q', 'escape', 'space'], 'enter', 'done', 'done'),
  ],
};

const CHARACTER_NAMES: Readonly<Record<string, string>> = { '\r': 'enter', '\n': 'enter', ' ': 'space', '\t': 'tab', '\u001B': 'escape' };

/**
 * The keys of one input event, in order. Ink hands a run of typed characters over as one event (fast
 * typing, a held key, tmux send-keys), so `jj\r` is three keys here.
 */
export function keyNames(input: string, key: Key): string[] {
  if ([...input].length <= 1) return [keyName(input, key)];
  return [...input].map((char) => CHARACTER_NAMES[char] ?? char);
}

/** A stable name for a key press: `up`, `enter`, `pagedown`, `space`, or the character typed. */
export function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return 'tab';
  if (input === ' ') return 'space';
  return input;
}

/** The command `name` runs on `screen` at `stage`, if any. */
export function commandFor(screen: Screen, name: string, stage: Stage = 'any'): Command | undefined {
  return KEY_TABLE[screen].find((binding) => binding.keys.includes(name) && appliesAt(binding, stage))?.command;
}

/** Whether `binding` works at `stage` (`any` on either side: always). */
export const appliesAt = (binding: Binding, stage: Stage) => binding.stage === 'any' || stage === 'any' || binding.stage === stage;

/** The binding of `command` on `screen`, for footers. */
export function bindingOf(screen: Screen, command: Command): Binding {
  const found = KEY_TABLE[screen].find((binding) => binding.command === command);
  if (!found) throw new Error(`no key for ${command} on ${screen}`);
  return found;
}

const KEY_LABELS: Readonly<Record<string, string>> = {
  up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', enter: 'enter', escape: 'esc', space: 'space',
};

/** Every key of a binding, for the help overlay: `q/esc`. */
export function keysText(binding: Binding): string {
  return binding.keys.map((key) => KEY_LABELS[key] ?? key).join('/');
}
