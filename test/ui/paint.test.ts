import { describe, expect, it } from 'vitest';
import type { DeckOutline } from '../../src/cards/card.js';
import { deckTree } from '../../src/ui/deck-tree.js';
import { homeFrame } from '../../src/ui/home-frame.js';
import { initialHomeState, visibleRows } from '../../src/ui/home-state.js';
import { colorWanted, createPaint } from '../../src/ui/paint.js';
import { cardOf } from './fake-session.js';

const COLOUR = /\u001B\[(3[0-79]|4[0-79]|9[0-7]|10[0-7])m/;

describe('colour', () => {
  it('is on unless NO_COLOR is set to something', () => {
    expect(colorWanted({})).toBe(true);
    expect(colorWanted({ NO_COLOR: '' })).toBe(true);
    expect(colorWanted({ NO_COLOR: '1' })).toBe(false);
  });

  it('a frame drawn without colour has attributes but no colour codes', () => {
    const deck: DeckOutline = { key: 'd', title: 'Deck', file: 'd', tags: [], cards: 1, chapters: [] };
    const tree = deckTree([deck], [{ card: cardOf('a', { deck: 'd' }), queue: 'new' }]);
    const state = initialHomeState(tree);
    const view = { rows: visibleRows(tree, state.open), open: state.open, selected: 0, help: false, status: '', problems: 0, total: tree[0]!.counts };
    const plain = homeFrame(view, 80, 24, createPaint(false)).join('\n');
    const coloured = homeFrame(view, 80, 24, createPaint(true)).join('\n');
    expect(plain).not.toMatch(COLOUR);
    expect(plain).toContain('\u001B[7m');
    expect(coloured).toMatch(COLOUR);
  });
});
