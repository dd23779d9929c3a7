import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { visibleWidth, wrapStyled } from '../../src/ui/wrap-styled.js';
import { strip } from './screen-helpers.js';

const bold = (s: string) => `\u001B[1m${s}\u001B[22m`;

describe('wrapStyled', () => {
  it('wraps plain text at spaces like wrap-ansi does', () => {
    const text = 'The Rancher server runs the authentication proxy, the API server and a cluster controller for each cluster.';
    for (const width of [10, 20, 33, 60]) {
      expect(wrapStyled(text, width)).toEqual(wrapAnsi(text, width, { hard: true, trim: true }).split('\n'));
    }
  });

  it('never exceeds the width, cutting words longer than a line', () => {
    const lines = wrapStyled(`short ${'x'.repeat(25)} end`, 10);
    expect(lines.map(strip)).toEqual(['short', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx end']);
  });

  it('measures wide characters by columns', () => {
    const lines = wrapStyled('漢字漢字漢字 かなかな 한국어', 8);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(8);
    expect(lines.map(strip).join('')).toBe('漢字漢字漢字かなかな한국어');
  });

  it('closes a style at a line end and opens it again on the next line', () => {
    const lines = wrapStyled(`a ${bold('one two three')} b`, 8);
    expect(lines.map(strip)).toEqual(['a one', 'two', 'three b']);
    expect(lines[0]).toBe('a \u001B[1mone\u001B[0m');
    expect(lines[1]).toBe('\u001B[1mtwo\u001B[0m');
    expect(lines[2]).toBe('\u001B[1mthree\u001B[22m b');
  });

  it('keeps explicit line breaks and blank lines', () => {
    expect(wrapStyled('one\ntwo\n\nthree', 20)).toEqual(['one', 'two', '', 'three']);
  });

  it('visibleWidth ignores styles', () => {
    expect(visibleWidth(bold('abc'))).toBe(3);
    expect(visibleWidth('\u001B[36m漢字\u001B[39m')).toBe(4);
  });
});

describe('visibleWidth', () => {
  it('agrees with string-width on every character of the basic plane, alone and between others', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `a${c}${c}é─`, `${c}\u0301`, `中${c}`]) {
        if (visibleWidth(text) !== stringWidth(text)) differ.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('measures styled text without its styles', () => {
    expect(visibleWidth('\u001B[1m── über ──\u001B[22m')).toBe(10);
    expect(visibleWidth('\u001B[2m中文 ok\u001B[22m')).toBe(7);
  });
});
