import { describe, expect, it } from 'vitest';
import { JsonBytes } from '../../src/cli/json-bytes.js';

const written = (write: (out: JsonBytes) => void, capacity = 64): Buffer => {
  const out = new JsonBytes(capacity);
  write(out);
  return out.take();
};

const TRICKY = [
  '',
  'plain ascii',
  'quote " and backslash \\ and slash /',
  'controls \u0000 \u0001 \b \f \n \r \t \u001f and DEL \u007f',
  'separators \u2028 \u2029 (not escaped by JSON.stringify)',
  'lone high \ud800 in the middle',
  'lone low \udc00 in the middle',
  'high at the end \udbff',
  '\udfff low at the start',
  'reversed pair \udc00\ud800',
  'emoji 🃏 and flags 🇫🇷 and ZWJ 👩‍💻',
  'CJK 总结 and kana カード, Latin-1 é ß, two-byte Ω',
  '\u0080\u07ff\u0800\uffff\ufeff',
  `${'long '.repeat(200)}总结`,
];

describe('JsonBytes', () => {
  it.each(TRICKY.map((text) => [JSON.stringify(text), text]))('string(%s) is the UTF-8 of JSON.stringify', (_name, text) => {
    expect(written((out) => out.string(text))).toEqual(Buffer.from(JSON.stringify(text)));
  });

  it('string is JSON.stringify on random UTF-16, lone surrogates included', () => {
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 48271) % 2147483647) % below);
    const units = [0x22, 0x5c, 0x0a, 0x1f, 0x20, 0x41, 0x7f, 0xe9, 0x3a9, 0x2028, 0x603b, 0xd83c, 0xdccf, 0xd800, 0xdfff, 0xffff];
    for (let i = 0; i < 2000; i++) {
      const text = String.fromCharCode(...Array.from({ length: random(12) }, () => units[random(units.length)] as number));
      expect(written((out) => out.string(text)).toString('latin1')).toBe(Buffer.from(JSON.stringify(text)).toString('latin1'));
    }
  });

  it.each([0, 7, 10, 99, 100, 12345, 2147483646, 2147483647, 1e21, -1, -0, 0.5, NaN, Infinity, -Infinity])('number(%s) is JSON.stringify', (value) => {
    expect(written((out) => out.number(value)).toString()).toBe(JSON.stringify(value));
  });

  it('string(text, start, end) is string(text.slice(start, end)), a pair cut at either end included', () => {
    const text = TRICKY.join('|');
    for (let start = 0; start < text.length; start += 7) {
      for (const end of [start, start + 1, start + 5, start + 40, text.length]) {
        const slice = text.slice(start, Math.min(end, text.length));
        expect(written((out) => out.string(text, start, Math.min(end, text.length)))).toEqual(written((out) => out.string(slice)));
      }
    }
  });

  it('raw writes text as it is, a lone surrogate as U+FFFD like Buffer.from', () => {
    for (const text of ['[\n  {\n', 'tab\tquote"', 'lone \ud800 end', '总结']) expect(written((out) => out.raw(text))).toEqual(Buffer.from(text));
  });

  it('grows past its capacity and starts afresh after take', () => {
    const out = new JsonBytes(4);
    const long = '总结 '.repeat(1000);
    out.string(long);
    out.bytes(Buffer.from(', '));
    out.number(123456);
    expect(out.take().toString()).toBe(`${JSON.stringify(long)}, 123456`);
    out.string('next');
    expect(out.take().toString()).toBe('"next"');
  });
});
