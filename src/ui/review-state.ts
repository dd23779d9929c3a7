/** The review session's state and its reducer: pure, so every transition is tested without a terminal. */
import type { Rating } from '../store/events.js';
import type { QueueKind, SessionStep } from './review-item.js';

export interface Answer {
  readonly card: string;
  readonly rating: Rating;
  readonly queue: QueueKind;
  readonly ms: number;
}

/** What `u` can take back: an answer (it leaves the tally) or a bury / suspend. */
export type Done = { readonly kind: 'answer'; readonly answer: Answer } | { readonly kind: 'skip' };

export interface ReviewState {
  readonly step: SessionStep;
  readonly stage: 'front' | 'back';
  /** First card line shown. */
  readonly scroll: number;
  readonly help: boolean;
  /** The session is over: the summary shows (undo can still reopen it). */
  readonly finished: boolean;
  readonly done: readonly Done[];
  /** One line of feedback ("Undone.", "Buried until tomorrow."); empty for none. */
  readonly status: string;
  /** When the current card was shown (ms since the epoch), for the answer time. */
  readonly shownAt: number;
}

export type ReviewAction =
  | { readonly type: 'reveal' }
  | { readonly type: 'answered'; readonly answer: Answer; readonly next: SessionStep; readonly at: number }
  | { readonly type: 'skipped'; readonly next: SessionStep; readonly status: string; readonly at: number }
  | { readonly type: 'undone'; readonly next: SessionStep; readonly at: number }
  | { readonly type: 'reloaded'; readonly next: SessionStep; readonly status: string; readonly at: number }
  | { readonly type: 'scroll'; readonly by: number; readonly max: number }
  | { readonly type: 'help' }
  | { readonly type: 'status'; readonly status: string }
  | { readonly type: 'finish' };

export function initialReviewState(step: SessionStep, at: number): ReviewState {
  return { step, stage: 'front', scroll: 0, help: false, finished: step.item === null, done: [], status: '', shownAt: at };
}

/** A new card on screen: front side, top of the card, fresh timer; the session ends when none is left. */
function show(state: ReviewState, next: SessionStep, at: number, status: string): ReviewState {
  return { ...state, step: next, stage: 'front', scroll: 0, help: false, finished: next.item === null, status, shownAt: at };
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'reveal':
      return state.step.item ? { ...state, stage: 'back', status: '' } : state;
    case 'answered':
      return show({ ...state, done: [...state.done, { kind: 'answer', answer: action.answer }] }, action.next, action.at, '');
    case 'skipped':
      return show({ ...state, done: [...state.done, { kind: 'skip' }] }, action.next, action.at, action.status);
    case 'undone':
      return show({ ...state, done: state.done.slice(0, -1) }, action.next, action.at, 'Undone.');
    case 'reloaded':
      return show(state, action.next, action.at, action.status);
    case 'scroll':
      return { ...state, scroll: Math.max(0, Math.min(state.scroll + action.by, action.max)) };
    case 'help':
      return { ...state, help: !state.help };
    case 'status':
      return { ...state, status: action.status };
    case 'finish':
      return { ...state, finished: true, help: false };
  }
}

export interface SessionSummary {
  readonly reviewed: number;
  /** Share of answers that were Again, 0–1 (0 when none). */
  readonly againRate: number;
  readonly ms: number;
  /** Cards answered for the first time. */
  readonly newLearned: number;
}

export function summaryOf(done: readonly Done[]): SessionSummary {
  const answers = done.flatMap((d) => (d.kind === 'answer' ? [d.answer] : []));
  const again = answers.filter((a) => a.rating === 1).length;
  return {
    reviewed: answers.length,
    againRate: answers.length === 0 ? 0 : again / answers.length,
    ms: answers.reduce((sum, a) => sum + a.ms, 0),
    newLearned: new Set(answers.filter((a) => a.queue === 'new').map((a) => a.card)).size,
  };
}
