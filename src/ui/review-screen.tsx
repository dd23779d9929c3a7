import { useStdout } from 'ink';
import { useMemo } from 'react';
import { cardFace } from './card-face.js';
import { Frame } from './frame.js';
import { markdownLines } from './markdown-lines.js';
import type { Paint } from './paint.js';
import { bodyHeight, bodyLines, reviewScreenLines, textWidth, type CardText } from './review-frame.js';
import type { SessionPort, SessionStep } from './review-item.js';
import { initialReviewState, reviewReducer } from './review-state.js';
import type { TerminalSize } from './terminal-size.js';
import { useReviewKeys } from './use-review-keys.js';
import { useSyncReducer } from './use-sync-reducer.js';

export interface ReviewScreenProps {
  readonly port: SessionPort;
  /** The session's first step when the caller has it already (it checked the session is not empty): `next()` builds the queue. */
  readonly first?: SessionStep;
  /** When `first` came on screen, if before this screen started (see firstReviewScreen); else now. */
  readonly shownAt?: number;
  readonly size: TerminalSize;
  readonly paint: Paint;
  /** The session is over and its summary dismissed. */
  readonly onDone: () => void;
  readonly clock?: () => number;
}

/** Review (or cram) until the queue is empty or the user quits, then the session's summary. */
export function ReviewScreen({ port, first, shownAt, size, paint, onDone, clock = Date.now }: ReviewScreenProps) {
  const { write } = useStdout();
  const [state, dispatch, getState] = useSyncReducer(reviewReducer, () => initialReviewState(first ?? port.next(), shownAt ?? clock()));
  const width = textWidth(size.columns);
  const height = bodyHeight(size.rows - 1);
  const item = state.step.item;
  const revealed = state.stage === 'back';
  const face = useMemo(() => (item ? cardFace(item) : null), [item]);
  const front = useMemo(() => (face ? markdownLines(face.front, width, paint) : null), [face, width, paint]);
  // The answer is rendered when it is revealed: the first card shows sooner, and most backs are short.
  const back = useMemo(() => (face && revealed ? markdownLines(face.back, width, paint) : []), [face, revealed, width, paint]);
  const text = useMemo<CardText | null>(() => (front ? { front, back } : null), [front, back]);
  const scrollMax = text ? Math.max(bodyLines(text, revealed, width, paint).length - height, 0) : 0;
  useReviewKeys(getState, dispatch, { port, scrollMax, page: Math.max(height - 2, 1), onDone, clock, redraw: () => write('') });
  return <Frame lines={reviewScreenLines(state, text, port, size, paint)} width={size.columns} />;
}
