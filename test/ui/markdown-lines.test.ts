import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { markdownLines } from '../../src/ui/markdown-lines.js';
import { createPaint } from '../../src/ui/paint.js';
import { strip } from './screen-helpers.js';

const plain = createPaint(false);
const color = createPaint(true);
const render = (md: string, width = 60, paint = plain) => markdownLines(md, width, paint);
const text = (md: string, width = 60) => render(md, width).map(strip);

describe('markdownLines', () => {
  it('styles bold, italic and inline code', () => {
    const [line] = render('a **bold** and *it* and `code`', 60, color);
    expect(line).toContain('\u001B[1mbold\u001B[22m');
    expect(line).toContain('\u001B[3mit\u001B[23m');
    expect(line).toContain('\u001B[36mcode\u001B[39m');
    expect(strip(line!)).toBe('a bold and it and code');
  });

  it('wraps paragraphs to the width, never wider', () => {
    const lines = text('word '.repeat(40), 30);
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(30);
  });

  it('wraps CJK by display width', () => {
    for (const l of text('漢字'.repeat(30), 20)) expect(stringWidth(l)).toBeLessThanOrEqual(20);
  });

  it('boxes code blocks without re-wrapping them', () => {
    const lines = text('```sh\nrke up --config cluster.yml\n  indented line\n```', 60);
    expect(lines[0]).toMatch(/^┌─ sh ─+┐$/);
    expect(lines[1]).toBe('│ rke up --config cluster.yml │');
    expect(lines[2]).toBe('│   indented line             │');
    expect(lines[3]).toMatch(/^└─+┘$/);
  });

  it('cuts code lines wider than the box with an ellipsis', () => {
    const lines = text(`\`\`\`\n${'x'.repeat(100)}\n\`\`\``, 30);
    expect(lines).toHaveLength(3);
    expect(stringWidth(lines[1]!)).toBe(30);
    expect(lines[1]).toContain('…');
  });

  it('renders nested lists with markers and indentation', () => {
    expect(text('- one\n  - inner\n- two\n\n1. first\n2. second')).toEqual([
      '• one', '  • inner', '• two', '', '1. first', '2. second',
    ]);
  });

  it('indents wrapped list items under their text', () => {
    const lines = text(`- ${'alpha '.repeat(12)}`, 30);
    expect(lines[0]!.startsWith('• alpha')).toBe(true);
    expect(lines[1]!.startsWith('  alpha')).toBe(true);
  });

  it('prefixes block quotes', () => {
    expect(text('> quoted\n> text')).toEqual(['│ quoted text']);
  });

  it('shows links as text plus dimmed URL', () => {
    const [line] = render('see [the docs](https://rancher.com/docs)', 60, color);
    expect(strip(line!)).toBe('see the docs (https://rancher.com/docs)');
    expect(line).toContain('\u001B[2m(https://rancher.com/docs)\u001B[22m');
  });

  it('draws tables as a grid when they fit', () => {
    expect(text('| Port | Use |\n|---|---|\n| 443 | API |\n| 2379 | etcd |')).toEqual([
      'Port │ Use', '─────┼─────', '443  │ API', '2379 │ etcd',
    ]);
  });

  it('falls back to labelled rows when a table is too wide', () => {
    const lines = text(`| Name | Description |\n|---|---|\n| etcd | ${'long '.repeat(20)}|`, 30);
    expect(lines[0]).toBe('Name: etcd');
    expect(lines[1]!.startsWith('Description: long')).toBe(true);
  });

  it('drops HTML comments and shows images as their alt text', () => {
    expect(text('<!-- hidden -->\n\n![diagram of nodes](x.png)')).toEqual(['[image: diagram of nodes]']);
  });

  it('passes note text through the sanitiser', () => {
    const lines = render('evil \u001B]0;title\u0007text \u001B[2J and \u202Ereversed');
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0008\u000B-\u001A\u001C-\u001F\u202E]/);
    expect(lines.map(strip)).toEqual(['evil text and reversed']);
  });

  it('sanitises what character references decode to', () => {
    const md = 'a &#x1b;]0;title&#7; b &#x202E;c `x&#27;[2J` [l](http://x&#x1b;y)\n\n```\n\u001B[31mred\n```';
    const out = strip(render(md, 60, plain).join('\n'));
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  });

  it('uses no colour when colour is off, only attributes', () => {
    const out = render('**b** `c` [l](http://x)\n\n> q\n\n```\nx\n```', 60, plain).join('\n');
    expect(out).toContain('\u001B[1mb\u001B[22m');
    expect(out).not.toMatch(/\u001B\[(3[0-79]|4[0-79]|9[0-7]|10[0-7])m/);
  });
});

describe('markdownLines on one plain line', () => {
  it('gives what the parser gives for the same line (the parser sees it with a blank line after)', () => {
    const pieces = ['What', 'are', 'the', 'key', 'points', 'ünïcödé', '中文', 'Ω', 'x2', '(a)', "it's", '"q"', 'a-b', '--', 'www.example.com',
      'WWW.x', 'a.b', 'end.', 'why?', 'one,', 'two;', '1.', '2)', '-', 'e.g', 'A', 'z'];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const paint = createPaint(false);
    for (let i = 0; i < 400; i++) {
      const words = Array.from({ length: 1 + next(14) }, () => pieces[next(pieces.length)]);
      const line = words.join(next(5) === 0 ? '  ' : ' ');
      for (const width of [8, 20, 96]) {
        expect(markdownLines(line, width, paint), line).toEqual(markdownLines(`${line}\n\n`, width, paint));
      }
    }
  });
});
