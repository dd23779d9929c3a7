import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { prettyJsonPieces, writePieces } from '../../src/cli/chunked-output.js';

const element = (i: number) => ({
  key: `deck-${i}.md`,
  // Quotes, backslashes, control characters, a lone surrogate, CJK and emoji: JSON.stringify escapes some.
  title: i % 3 === 0 ? `“${i}” \\ "q" \n\t\u0001 \ud800 总结 🃏` : `Deck ${i}`,
  cards: i,
  chapters: i % 2 ? [] : [{ number: i % 4 ? null : `${i}.1`, sections: i % 4 ? [] : [{ number: null, cards: 0 }] }],
});

describe('prettyJsonPieces', () => {
  it.each([0, 1, 2, 3, 4, 5, 7, 100])('joined, is JSON.stringify(…, null, 2) of %i elements, piece size aside', (count) => {
    const elements = Array.from({ length: count }, (_, i) => i);
    for (const perPiece of [1, 2, 3, 50]) {
      const pieces = [...prettyJsonPieces(elements, element, perPiece)];
      expect(pieces.join('')).toBe(JSON.stringify(elements.map(element), null, 2));
      if (count > perPiece) expect(pieces.length).toBeGreaterThan(Math.floor(count / perPiece));
    }
  });
});

describe('writePieces', () => {
  it('writes every piece in order to a stream that is slower than the writer', async () => {
    const received: string[] = [];
    let waits = 0;
    const slow = new Writable({
      highWaterMark: 8,
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk.toString());
        waits += 1;
        setTimeout(done, 1);
      },
    });
    const pieces = Array.from({ length: 40 }, (_, i) => `piece ${i} `.repeat(3));
    await writePieces(slow, pieces);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(received.join('')).toBe(pieces.join(''));
    expect(waits).toBe(40);
  });

  it('does not make the next piece before the stream has drained', async () => {
    const made: string[] = [];
    const log: string[] = [];
    const stream = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        log.push(`wrote ${chunk.toString()}`);
        setTimeout(done, 1);
      },
    });
    function* pieces() {
      for (const name of ['a', 'b', 'c']) {
        made.push(name);
        log.push(`made ${name}`);
        yield name;
      }
    }
    await writePieces(stream, pieces());
    expect(made).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['made a', 'wrote a', 'made b', 'wrote b', 'made c', 'wrote c']);
  });
});
