/** Word counting and space collapsing, as their loops and narrow patterns stand in for `\s+` splits and replaces. */
import { describe, expect, it } from 'vitest';
import { collapsedSpaces, countWords } from '../../src/cards/words.js';

const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu;

/** DESIGN.md's definition, written the plain way. */
function wordsByDefinition(text: string): number {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .reduce((n, token) => {
      const cjk = (token.match(CJK_RUN) ?? []).reduce((c, run) => c + [...run].length, 0);
      if (cjk === 0) return n + 1;
      const rest = token.replace(CJK_RUN, ' ').trim();
      return n + Math.ceil(cjk / 2) + (rest ? rest.split(/\s+/).length : 0);
    }, 0);
}

describe('words', () => {
  const parts = [' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u0085', 'a', 'word', '总结', '日本語', 'x-y', '😀', 'é'];
  let seed = 3;
  const texts = Array.from({ length: 5000 }, () => {
    let text = '';
    for (let i = (seed = (seed * 1103515245 + 12345) % 2147483648) % 12; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += parts[seed % parts.length];
    }
    return text;
  });

  it('counts words as the definition does', () => {
    for (const text of texts) expect(countWords(text), JSON.stringify(text)).toBe(wordsByDefinition(text));
    expect(countWords('  two words\n')).toBe(2);
    expect(countWords('缓存很重要 ok')).toBe(4);
  });

  it('collapses every whitespace run into one space', () => {
    for (const text of texts) expect(collapsedSpaces(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' '));
  });
});
