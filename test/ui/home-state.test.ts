import { describe, expect, it } from 'vitest';
import type { DeckOutline, OutlineNode } from '../../src/cards/card.js';
import { deckTree, inSelection } from '../../src/ui/deck-tree.js';
import { homeReducer, initialHomeState, visibleRows } from '../../src/ui/home-state.js';
import { cardOf } from './fake-session.js';

const node = (number: string | null, title: string, children: OutlineNode[] = []): OutlineNode =>
  ({ number, title, line: 1, cards: 1 + children.length, children });

const deck: DeckOutline = {
  key: 'deck.md', title: 'Deck', file: 'deck.md', tags: [], cards: 5,
  chapters: [
    node('1', 'One', [node('1.1', 'First'), node('1.2', 'Second', [node(null, 'Deep')])]),
    node('2', 'Two'),
  ],
};

const c1 = cardOf('c1', { chapter: { number: '1', title: 'One' }, path: [{ number: '1', title: 'One' }, { number: '1.1', title: 'First' }] });
const c2 = cardOf('c2', { chapter: { number: '1', title: 'One' }, path: [{ number: '1', title: 'One' }, { number: '1.2', title: 'Second' }, { number: null, title: 'Deep' }] });
const c3 = cardOf('c3', { chapter: { number: '2', title: 'Two' }, path: [{ number: '2', title: 'Two' }] });
const other = cardOf('c4', { deck: 'other.md' });

describe('deckTree', () => {
  const tree = deckTree([deck], [
    { card: c1, queue: 'new' }, { card: c2, queue: 'review' }, { card: c3, queue: 'learning' }, { card: other, queue: 'new' },
  ]);

  it('counts what is due in each subtree, per queue', () => {
    expect(tree[0]!.counts).toEqual({ new: 1, learning: 1, review: 1 });
    const one = tree[0]!.children[0]!;
    expect(one.label).toBe('1 One');
    expect(one.counts).toEqual({ new: 1, learning: 0, review: 1 });
    expect(one.children[1]!.counts).toEqual({ new: 0, learning: 0, review: 1 });
    expect(one.children[1]!.selection.label).toBe('Deck › 1 One › 1.2 Second');
  });

  it('a selection matches the cards under its node, with or without the chapter in the path', () => {
    const second = { deck: 'deck.md', path: [{ number: '1', title: 'One' }, { number: '1.2', title: 'Second' }] };
    expect(inSelection(c2, second)).toBe(true);
    expect(inSelection({ ...c2, path: c2.path.slice(1) }, second)).toBe(true);
    expect(inSelection(c1, second)).toBe(false);
    expect(inSelection(other, { deck: 'deck.md', path: [] })).toBe(false);
  });
});

describe('homeReducer', () => {
  const tree = deckTree([deck], []);
  const reduce = homeReducer(tree);
  const start = initialHomeState(tree);
  const labels = (s: typeof start) => visibleRows(tree, s.open).map((r) => r.row.label);

  it('starts with decks open and the first deck selected', () => {
    expect(labels(start)).toEqual(['Deck', '1 One', '2 Two']);
    expect(start.selected).toBe('deck.md');
  });

  it('moves within the visible rows and stops at the ends', () => {
    const down = reduce(reduce(reduce(reduce(start, { type: 'move', by: 1 }), { type: 'move', by: 1 }), { type: 'move', by: 1 }), { type: 'move', by: 1 });
    expect(down.selected).toBe('deck.md/1');
    expect(reduce(start, { type: 'move', by: -1 }).selected).toBe('deck.md');
  });

  it('opens a row, then a second open goes to its first child; close goes back up', () => {
    const onOne = reduce(start, { type: 'move', by: 1 });
    const opened = reduce(onOne, { type: 'open' });
    expect(labels(opened)).toEqual(['Deck', '1 One', '1.1 First', '1.2 Second', '2 Two']);
    const child = reduce(opened, { type: 'open' });
    expect(child.selected).toBe('deck.md/0/0');
    const up = reduce(child, { type: 'close' });
    expect(up.selected).toBe('deck.md/0');
    expect(labels(reduce(up, { type: 'close' }))).toEqual(['Deck', '1 One', '2 Two']);
  });

  it('help opens and closes the overlay without touching the tree', () => {
    const open = reduce(start, { type: 'help', open: true });
    expect(open).toEqual({ ...start, help: true });
    expect(reduce(open, { type: 'help', open: false })).toEqual(start);
  });

  it('toggle opens and closes; leaves do nothing', () => {
    const onTwo = reduce(start, { type: 'move', by: 2 });
    expect(reduce(onTwo, { type: 'toggle' })).toBe(onTwo);
    const closed = reduce(start, { type: 'toggle' });
    expect(labels(closed)).toEqual(['Deck']);
  });
});
