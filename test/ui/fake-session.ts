/** Cards and an in-memory session port for screen tests that need no store. */
import type { Card } from '../../src/cards/card.js';
import type { Rating } from '../../src/store/events.js';
import type { QueueKind, ReviewItem, SessionPort, SessionStep } from '../../src/ui/review-item.js';

export function cardOf(id: string, fields: Partial<Card> = {}): Card {
  return {
    id,
    deck: 'deck.md',
    kind: 'section',
    chapter: { number: '1', title: 'One' },
    path: [{ number: '1.1', title: 'First' }],
    front: `Front of ${id}`,
    back: `Back of ${id}`,
    source: { file: 'deck.md', line: 3 },
    ...fields,
  };
}

export const itemOf = (card: Card, queue: QueueKind = 'new'): ReviewItem => ({
  card,
  deckTitle: 'Deck',
  queue,
  previews: { 1: '<10m', 2: '1d', 3: '3d', 4: '8d' },
});

export interface FakeSession extends SessionPort {
  readonly calls: string[];
}

/** Shows `items` in order; answering removes a card, Again puts it at the end (a learning step). */
export function fakeSession(items: readonly ReviewItem[], edit?: (item: ReviewItem) => Promise<string>): FakeSession {
  let queue = [...items];
  const history: ReviewItem[][] = [];
  const calls: string[] = [];
  const step = (): SessionStep => {
    const counts = { new: 0, learning: 0, review: 0 };
    for (const i of queue) counts[i.queue] += 1;
    return { item: queue[0] ?? null, counts };
  };
  const remove = (item: ReviewItem, requeue: boolean) => {
    history.push(queue);
    queue = queue.filter((i) => i !== item);
    if (requeue) queue.push({ ...item, queue: 'learning' });
  };
  return {
    cram: false,
    title: 'everything due',
    calls,
    next: step,
    rate(item: ReviewItem, rating: Rating, ms: number) {
      calls.push(`rate ${item.card.id} ${rating} ${ms >= 0 ? 'ms' : 'negative'}`);
      remove(item, rating === 1);
    },
    undo() {
      const before = history.pop();
      if (!before) return false;
      calls.push('undo');
      queue = before;
      return true;
    },
    bury(item) {
      calls.push(`bury ${item.card.id}`);
      remove(item, false);
    },
    suspend(item) {
      calls.push(`suspend ${item.card.id}`);
      remove(item, false);
    },
    edit: edit ?? (async () => 'Reloaded.'),
    dueTomorrow: () => 7,
  };
}
