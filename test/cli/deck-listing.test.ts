import { describe, expect, it } from 'vitest';
import type { DeckOutline, OutlineNode } from '../../src/cards/card.js';
import { deckColumns } from '../../src/cards/stored-decks.js';
import { decksJsonPieces } from '../../src/cli/deck-listing.js';

/** What `recall decks --json` printed before it was written by hand: the reference for its bytes. */
function jsonOf(deck: DeckOutline) {
  return {
    key: deck.key,
    title: deck.title,
    file: deck.file,
    cards: deck.cards,
    chapters: deck.chapters.map((c) => ({
      number: c.number,
      title: c.title,
      cards: c.cards,
      sections: c.children.map((s) => ({ number: s.number, title: s.title, cards: s.cards })),
    })),
  };
}
const expected = (decks: readonly DeckOutline[]): Buffer => Buffer.from(`${JSON.stringify(decks.map(jsonOf), null, 2)}\n`);

const TITLES = [
  '“quoted” "q" \\ backslash',
  'controls \n\t\u0001\u001f',
  'separators \u2028\u2029',
  'lone \ud800 high, lone \udc00 low',
  'emoji 🃏 CJK 总结',
  '',
];
const node = (number: string | null, title: string, cards: number, children: OutlineNode[] = []): OutlineNode => ({ number, title, line: 1, cards, children });

function deck(i: number): DeckOutline {
  const title = (k: number) => TITLES[(i + k) % TITLES.length] as string;
  const chapters =
    i % 4 === 1
      ? []
      : [
          node(i % 3 === 0 ? null : `${i}`, title(1), i, i % 2 ? [] : [node(`${i}.1`, title(2), 1), node(null, title(3), 0, [node('deep', 'not listed', 5)])]),
          node('2', title(4), 0),
        ];
  return { key: `deck-${i}-${title(0)}.md`, title: title(5), file: `/notes/${title(2)}/deck-${i}.md`, tags: i % 2 ? ['t'] : [], cards: i * 11, chapters };
}

describe('decksJsonPieces', () => {
  it.each([0, 1, 2, 3, 5, 12, 40])('joined, is JSON.stringify(…, null, 2) and a newline for %i decks', (count) => {
    const decks = Array.from({ length: count }, (_, i) => deck(i));
    for (const perPiece of [1, 2, 3, 256]) {
      const pieces = [...decksJsonPieces(deckColumns(decks), perPiece)];
      expect(Buffer.concat(pieces)).toEqual(expected(decks));
      expect(pieces.length).toBe(Math.floor(count / perPiece) + 1);
    }
  });

  it('gives each piece the decks it is for', () => {
    const decks = Array.from({ length: 6 }, (_, i) => deck(i));
    const [first, second] = decksJsonPieces(deckColumns(decks), 2);
    expect(String(first)).toContain('"key": "deck-1-');
    expect(String(first)).not.toContain('"key": "deck-2-');
    expect(String(second)).toMatch(/^\n {2}\},\n {2}\{\n {4}"key": "deck-2-/);
  });
});
