import { describe, expect, it } from 'vitest';
import { isOnlyLinksOrImages } from '../../src/cards/noise.js';

/** The rule as first written with regular expressions: the scan must decide exactly as it did. */
const byRegex = (markdown: string): boolean =>
  !/[\p{L}\p{N}]/u.test(
    markdown
      .replace(/\[image: [^\]]*\]/g, '')
      .replace(/!?\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/<https?:[^>]+>|https?:\/\/\S+/g, ''),
  );

/** A deterministic string of link syntax, letters and spaces. */
function randomText(seed: number, length: number): string {
  const pieces = ['[', ']', '(', ')', '!', 'a', ' ', '1', '](', '![', 'https://x.io/p', '\n', '[image: i]'];
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += pieces[state % pieces.length];
  }
  return text;
}

describe('isOnlyLinksOrImages', () => {
  it('is true for links, images and bare URLs only, false once a word is left', () => {
    expect(isOnlyLinksOrImages('[docs](https://ranchermanager.docs.rancher.com) ![diagram](img/a.png)')).toBe(true);
    expect(isOnlyLinksOrImages('<https://rancher.com> https://k3s.io')).toBe(true);
    expect(isOnlyLinksOrImages('[image: cluster]')).toBe(true);
    expect(isOnlyLinksOrImages('see [docs](https://rancher.com)')).toBe(false);
    expect(isOnlyLinksOrImages('[a [b](c)')).toBe(true);
    expect(isOnlyLinksOrImages('[unclosed [link text')).toBe(false);
  });

  it('decides as the regular expressions did on 20 000 random strings of link syntax', () => {
    for (let seed = 1; seed <= 20_000; seed++) {
      const text = randomText(seed, 1 + (seed % 40));
      expect(isOnlyLinksOrImages(text), JSON.stringify(text)).toBe(byRegex(text));
    }
  });

  it('reads a long line of `[` with no link once (the regex read it once per `[`)', () => {
    const text = `${'[a '.repeat(50_000)}] x`;
    expect(isOnlyLinksOrImages(text)).toBe(false);
  });
});
