import { describe, expect, it } from 'vitest';
import type { DeckOutline, OutlineNode } from '../../src/cards/card.js';
import { deckColumns, decksOf } from '../../src/cards/stored-columns.js';

const leaf = (number: string | null, title: string, line: number, cards: number): OutlineNode => ({ number, title, line, cards, children: [] });

const decks: DeckOutline[] = [
  {
    key: 'k8s/storage.md',
    title: 'Storage',
    file: '/notes/k8s/storage.md',
    tags: ['k8s', 'ops'],
    cards: 5,
    chapters: [
      {
        number: '1',
        title: 'Volumes',
        line: 3,
        cards: 4,
        children: [
          { number: '1.1', title: 'Claims', line: 5, cards: 3, children: [leaf('1.1.1', 'Modes', 7, 1), leaf(null, 'Tip', 9, 2)] },
          leaf('1.2', 'Volumes', 12, 1),
        ],
      },
      leaf(null, '总结 "quoted"', 20, 1),
    ],
  },
  { key: 'empty.md', title: 'empty', file: 'empty.md', tags: [], cards: 0, chapters: [] },
  { key: 'flat.md', title: 'Flat', file: 'flat.md', tags: ['ops'], cards: 2, chapters: [leaf('2', 'Only', 1, 2), leaf('3', 'Volumes', 4, 0)] },
];

describe('decksOf', () => {
  it('gives back the decks deckColumns stored, every outline node in place', () => {
    const stored = decksOf(deckColumns(decks));
    expect(stored).toEqual(decks);
    expect(JSON.stringify(stored)).toBe(JSON.stringify(decks));
    // Spread copies (as recounting a deck does) keep the outline.
    expect(stored.map((deck) => ({ ...deck }))).toEqual(decks);
  });

  it('decodes an outline again each time it is read, the same every time', () => {
    const [deck] = decksOf(deckColumns(decks));
    expect(deck!.chapters).toEqual(deck!.chapters);
    expect(deck!.chapters[0]!.children[0]!.children.map((n) => n.title)).toEqual(['Modes', 'Tip']);
  });

  it('reads no decks from no columns', () => {
    expect(decksOf(deckColumns([]))).toEqual([]);
  });
});
