import { describe, expect, it } from 'vitest';
import type { Card, DeckOutline, OutlineNode, OutlineRef } from '../../src/cards/card.js';
import type { CardTexts } from '../../src/cards/stored-card.js';
import { cardColumns, joinedCardColumns, storedCards, type CardPart } from '../../src/cards/stored-columns.js';
import { deckColumns, decksOf } from '../../src/cards/stored-decks.js';

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

describe('joinedCardColumns', () => {
  const volumes = { number: '1', title: 'Volumes' };
  const claims = { number: '1.1', title: 'Claims' };
  const tip = { number: null, title: '总结 "quoted"' };
  const card = (id: string, deck: string, chapter: OutlineRef | null, path: OutlineRef[], line: number): Card => ({
    id,
    deck,
    kind: line % 2 ? 'section' : 'explicit',
    chapter,
    path,
    front: `front of ${id}`,
    back: `back of ${id}`,
    source: { file: `/notes/${deck}`, line },
  });
  const first = [card('a1', 'k8s.md', volumes, [volumes], 3), card('a2', 'k8s.md', claims, [volumes, claims], 5), card('a3', 'k8s.md', null, [], 1)];
  const second = [card('b1', 'ops.md', tip, [tip], 2), card('b2', 'ops.md', claims, [volumes, claims], 4), card('b3', 'ops.md', volumes, [volumes], 6)];
  /** A part as the parse cache has it: the cards' columns with text positions from 0. */
  const part = (cards: Card[], kept: boolean[] | null, base: number): CardPart => ({
    columns: cardColumns(cards, Float64Array.from(cards.flatMap((_, i) => [10 * i, 4, 5]))),
    kept,
    base,
  });
  const texts = {} as CardTexts;
  const fields = (c: Card) => ({ id: c.id, deck: c.deck, kind: c.kind, chapter: c.chapter, path: c.path, source: c.source });

  it('gives back the cards kept of each part, in order, as columns of them all would', () => {
    const kept = [true, false, true];
    const joined = joinedCardColumns([part(first, null, 1000), part(second, kept, 5000)]);
    const expected = [...first, ...second.filter((_, i) => kept[i])];
    expect(storedCards(joined, texts, 0).map(fields)).toEqual(expected.map(fields));
    // Text positions: the part's base plus the card's offset; front and back bytes as stored.
    expect([...joined.texts]).toEqual([1000, 4, 5, 1010, 4, 5, 1020, 4, 5, 5000, 4, 5, 5020, 4, 5]);
    // Equal refs and paths of different parts are stored once.
    expect(joined.refs.length).toBe(2 * 3);
  });

  it('joins no parts into no cards', () => {
    expect(storedCards(joinedCardColumns([]), texts, 0)).toEqual([]);
  });
});
