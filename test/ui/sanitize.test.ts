import { describe, expect, it } from 'vitest';
import { sanitize, sanitizeLine } from '../../src/ui/sanitize.js';

describe('sanitize', () => {
  it.each([
    ['CSI colour', 'a\u001B[31mred\u001B[0m b', 'ared b'],
    ['cursor movement and clear screen', 'x\u001B[2J\u001B[H\u001B[10;5Hy', 'xy'],
    ['OSC window title ended by BEL', 'a\u001B]0;pwned\u0007b', 'ab'],
    ['OSC 8 hyperlink ended by ST', '\u001B]8;;http://evil\u001B\\link\u001B]8;;\u001B\\', 'link'],
    ['DCS string', 'a\u001BPq#0;2;0;0;0\u001B\\b', 'ab'],
    ['two-character escape', 'a\u001BMb\u001Bcc', 'abc'],
    ['C1 CSI', 'a\u009B31mb', 'a31mb'],
    ['bell, backspace, NUL, DEL', 'a\u0007b\u0008c\u0000d\u007Fe', 'abcde'],
    ['carriage return', 'over\rwrite', 'over\nwrite'],
    ['bidi override (Trojan Source)', 'if (admin\u202E // \u2066x\u2069)', 'if (admin // x)'],
    ['LRM, RLM, ALM', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
    ['line separator', 'a\u2028b', 'ab'],
    ['tabs become spaces', 'a\tb', 'a    b'],
    ['lone ESC at the end', 'abc\u001B', 'abc'],
  ])('%s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  it('keeps newlines, CJK, emoji and combining marks', () => {
    const text = '第一\n👩‍💻 café e\u0301';
    expect(sanitize(text)).toBe(text);
  });

  it('sanitizeLine folds newlines', () => {
    expect(sanitizeLine('a\n\nb\u001B[1m')).toBe('a b');
  });
});
