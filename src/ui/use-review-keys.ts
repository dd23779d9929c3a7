/**
 * The review session's input: a key → a command from the key table → a call on the session port
 * (which writes the log) → an action for the reducer. The port is called before the next card shows.
 */
import { useInput } from 'ink';
import { useRef } from 'react';
import type { Rating } from '../store/events.js';
import { commandFor, keyNames, type Command } from './keys.js';
import type { SessionPort } from './review-item.js';
import type { ReviewAction, ReviewState } from './review-state.js';

const RATINGS: Partial<Record<Command, Rating>> = { again: 1, hard: 2, good: 3, easy: 4 };

export interface ReviewKeysOptions {
  readonly port: SessionPort;
  /** Lines of the card beyond the body (for PgDn) and the body's height (a page). */
  readonly scrollMax: number;
  readonly page: number;
  /** The session is over and the user is done with its summary. */
  readonly onDone: () => void;
  readonly clock: () => number;
  /** Writes the last frame again: an editor has had the screen. */
  readonly redraw: () => void;
}

export function useReviewKeys(
  getState: () => ReviewState,
  dispatch: (action: ReviewAction) => void,
  { port, scrollMax, page, onDone, clock, redraw }: ReviewKeysOptions,
): void {
  // The editor runs outside React: ignore keys until it is back.
  const editing = useRef(false);

  const undo = () => {
    const back = port.undo();
    if (back) dispatch({ type: 'undone', next: port.next(), at: clock() });
    else dispatch({ type: 'status', status: 'Nothing to undo in this session.' });
  };

  const press = (name: string) => {
    if (editing.current) return;
    const state = getState();
    if (state.finished) {
      const command = commandFor('summary', name);
      if (command === 'undo') undo();
      else if (command === 'back') onDone();
      return;
    }
    if (state.help) {
      dispatch({ type: 'help' });
      return;
    }
    const item = state.step.item;
    const command = commandFor('review', name, state.stage);
    if (!item || !command) return;
    const rating = RATINGS[command];
    if (rating !== undefined) {
      const ms = clock() - state.shownAt;
      port.rate(item, rating, ms);
      dispatch({ type: 'answered', answer: { card: item.card.id, rating, queue: item.queue, ms }, next: port.next(), at: clock() });
      return;
    }
    switch (command) {
      case 'reveal':
        dispatch({ type: 'reveal' });
        return;
      case 'undo':
        undo();
        return;
      case 'bury':
        port.bury(item);
        dispatch({ type: 'skipped', next: port.next(), status: 'Buried until tomorrow (u to undo).', at: clock() });
        return;
      case 'suspend':
        port.suspend(item);
        dispatch({ type: 'skipped', next: port.next(), status: 'Suspended (u to undo).', at: clock() });
        return;
      case 'edit':
        editing.current = true;
        port.edit(item).then(
          (status) => dispatch({ type: 'reloaded', next: port.next(), status, at: clock() }),
          (error: Error) => dispatch({ type: 'status', status: error.message }),
        ).finally(() => {
          editing.current = false;
          redraw();
        });
        return;
      case 'page-up':
        dispatch({ type: 'scroll', by: -page, max: scrollMax });
        return;
      case 'page-down':
        dispatch({ type: 'scroll', by: page, max: scrollMax });
        return;
      case 'help':
        dispatch({ type: 'help' });
        return;
      case 'quit':
        dispatch({ type: 'finish' });
        return;
    }
  };
  // A failed write (disk full, log folder gone) stays on this card with the reason, rather than crashing the screen.
  const safely = (name: string) => {
    try {
      press(name);
    } catch (error) {
      dispatch({ type: 'status', status: `Not saved: ${(error as Error).message}` });
    }
  };
  useInput((input, key) => keyNames(input, key).forEach(safely));
}
