/**
 * The block scanner (fast-blocks.ts) gives exactly the tree mdast-util-from-markdown gives, positions
 * included: on generated corpus notes, the fixtures, the built-in deck, their bullets (parsed alone, without
 * GFM, as the summary rules do) and on random markdown built to hit the edges of what it takes on.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs bench scripts carry no types
import { corpus } from '../../bench/gen-corpus.mjs';
import { markdownTree } from '../../src/cards/fast-blocks.js';
import { noteText } from '../../src/cards/note-text.js';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'recall-fast-markdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withTables = (text: string) => fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
const plain = (text: string) => fromMarkdown(text);

function notesUnder(folder: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  walk(folder);
  return files;
}

function bodies(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    try {
      return [noteText(readFileSync(file, 'utf8')).body];
    } catch {
      return [];
    }
  });
}

/** The scanner's tree, and how many characters it left to micromark. */
function scanned(text: string, tables: boolean): { tree: Root; slowChars: number } {
  let slowChars = 0;
  const tree = markdownTree(text, tables, (slice) => {
    slowChars += slice.length;
    return tables ? withTables(slice) : plain(slice);
  });
  return { tree, slowChars };
}

function expectSameTrees(texts: readonly string[], tables: boolean): number {
  let slowChars = 0;
  for (const text of texts) {
    const fast = scanned(text, tables);
    slowChars += fast.slowChars;
    expect(fast.tree.children, text).toEqual((tables ? withTables(text) : plain(text)).children);
  }
  return slowChars;
}

/** Every list item's source, as the summary rules parse a bullet alone. */
function itemSources(text: string): string[] {
  const sources: string[] = [];
  visit(withTables(text), 'listItem', (item) => {
    sources.push(text.slice(item.position!.start.offset, item.position!.end.offset).replace(/^\s*([*+-]|\d+[.)])\s/, ''));
  });
  return sources;
}

describe('the block scanner in front of micromark', () => {
  const generated = bodies(notesUnder(corpus(join(dir, 'corpus'), { seed: 9, files: 120, hugeBytes: 200 * 1024 }).notesDir));
  const real = bodies([...notesUnder(join(ROOT, 'test', 'fixtures')), ...notesUnder(join(ROOT, 'decks'))]);

  it('gives micromark’s tree for generated notes, and builds most of it itself', () => {
    const slowChars = expectSameTrees(generated, true);
    const chars = generated.reduce((n, t) => n + t.length, 0);
    expect(slowChars / chars).toBeLessThan(0.1);
  });

  it('gives micromark’s tree for the fixtures and the built-in deck', () => {
    expectSameTrees(real, true);
  });

  it('gives micromark’s tree for bullets parsed alone, without tables', () => {
    expectSameTrees([...generated, ...real].flatMap(itemSources), false);
  });

  it('gives micromark’s tree for edge cases of what it takes on', () => {
    const cases = [
      '* a **b** \n* c  \n* d\n\n# h \n\npara \nx  \ny ',
      '| a | b | \n| :- | -: |\n|  | x |  \n',
      'para\n* 2) foo',
      'para\n> 2) foo',
      '    code\n> 2) foo',
      '* a\n\n* b\n\n- c\n\n1. d\n2. e\n\n3) f',
      '* a\n  * b\n\n* c\n    d',
      '> [!tip] T\n> `x`\n> **y**\n>\n> z',
      '    a\n    \n--->',
      '**a** b\n`c` **d**: e [f](g) ![h](i.png)',
      'a**b**c **d**e *f* _g_ ***h*** ** i ** `` j ` k `` `l',
      '[a [b]](c) [d](e "t") [f]\n\n[f]: /url',
      '```js meta\nx\n```\n\n~~~\n```\n~~~\n\n```\nunclosed',
      '<!-- a\n\nb -->\n\n<div>\nx\n</div>',
      '# h #\n## \n###### six\n####### seven',
      'a\n===\n\nb\n---\n\n***',
      '**总结**\n\n* 要点：**缓存**很重要\n* 😀 **x**😀',
      '1. a\n1. b\n\n10. c\n\n* [ ] task\n* [x] done',
      'a\rb **c**\r\n* d',
      'a\u0000b',
      '* a\n\n  b\n\n      code\n* c\n  * d\n\n    e',
    ];
    expectSameTrees(cases, true);
    expectSameTrees(cases, false);
  });

  it('gives micromark’s tree for delimiters that find no partner, in every block that holds inline text', () => {
    const inlines = [
      '**a b', 'a** b', '**a **b** c', '**a** b** c', 'a **b** c **d', '** a **b**', '**a [b** c](d) e**', '**a [b](c) d**',
      '[a **b](c) d**', '**[a](b)', '![**a](b.png) c**', '**a `b**` c', '*a b', 'a _b', '`a b', '``a` b', '[a b', 'a] b',
      '**a **b **c', 'a** b** c**', '**😀**a** b', '**a**b**c**d**', '**a\nb** c\n**d',
      '[a [b c', '[a [b](c) d', '[a [b](c) d](e)', '[a [b] c](d)', '[x [a [b](c) d] e](f)', '![p [a [b](c) d](e)',
      '[a ![b](c)](d)', '![a [b](c)](d)', '[a] [b](c) ]', '[**a [b** c](d)', '[a\n[b](c)', '[[a](b)](c)',
    ];
    const blocks = (inline: string) => [
      `${inline}\n`,
      `# ${inline.replace(/\n/g, ' ')}\n`,
      `| a | b |\n| - | - |\n| ${inline.replace(/\n/g, ' ')} | **c** |\n`,
      `- **x** y\n- ${inline.replace(/\n/g, '\n  ')}\n- **z** w\n`,
      `1. ${inline.replace(/\n/g, '\n   ')}\n\n2. **x**\n`,
      `> ${inline.replace(/\n/g, '\n> ')}\n`,
    ];
    const cases = [...inlines.flatMap(blocks), `${'- **a** b\n'.repeat(200)}- **a b\n`, `${'**a '.repeat(50)}b\n`];
    expectSameTrees(cases, true);
    expectSameTrees(cases, false);
  });

  it('gives micromark’s tree for lists with one item that may be left to micromark', () => {
    const items = [
      '*a* b', '_a b', '*a b', 'a &amp; b', 'a \\* b', 'a <b>c</b>', 'a  \n  b', 'a\\\n  b', 'a\n  ```\n  x', 'a\n  <div>\n  x',
      '```\n  x\n  ```\n  *y*', '*a*\n\n  b', '*a*\n\n      code', '*a*\n  - *b*\n  - c', '*a*\n  > *q*', '*a*\n  ---', '*a*\n  ===',
      '*a*\n  | a |\n  | - |\n  | *b* |', '# *h*', '*a*\n  <!-- c', '1. *a*\n     2) *b*', '2) *a*', '| *a* |\n  | - |', '<b>*a*</b>',
    ];
    const cases = items.flatMap((item) => [
      `- **x** y\n- ${item}\n- **z** w\n`,
      `- **x** y\n- ${item}\n`,
      `- **x** y\n- ${item}\n\n`,
      `- x\n\n- ${item}\n\n- z\n`,
      `1. x\n2. ${item.replace(/\n  /g, '\n   ')}\n3. z\n`,
      `> - x\n> - ${item.replace(/\n/g, '\n> ')}\n`,
      `- x\n  - ${item.replace(/\n/g, '\n  ')}\n  - z\n`,
      `para\n* ${item}\n`,
    ]);
    expectSameTrees(cases, true);
    expectSameTrees(cases, false);
  });

  it('builds a long list with a stray `**`, and a paragraph of unclosed `[`, itself', () => {
    expect(scanned(`${'- **a** b\n'.repeat(200)}- **a b\n`, true).slowChars).toBe(0);
    expect(scanned(`${'[a '.repeat(200)}[b](c)\n`, true).slowChars).toBe(0);
  });

  it('leaves only real definitions to micromark with the whole text, not a `[…]:` inside a line', () => {
    const transcript = 'Run `rke config`:\n\n    [+] SSH Private Key Path [~/.ssh/id_rsa]:\n    [+] Number of Hosts [1]:\n\n[a] is text\n';
    expect(scanned(transcript, true).slowChars).toBe(0);
    const defined = ['[a]: /u\n\n[a]\n', '> - [a]: /u\n\n[a]\n', '[a\nb]: /u\n\n[a b]\n', '[^1]: n\n\nx[^1]\n'];
    for (const text of defined) expect(scanned(text, true).slowChars).toBe(text.length);
    expectSameTrees([transcript, ...defined], true);
  });

  it('ends an unclosed fence or comment in a list item where the whole text ends it', () => {
    const cases = ['* ```\n\n\nq', '\n\n* ```\n\n\n**', '* <!-- b`\n\n\nq', '- a\n- <!-- c\n\n\n  d\n\ne **f**\n'];
    expectSameTrees(cases, true);
    expectSameTrees(cases, false);
  });

  it('builds emphasis itself, and leaves a `*` closing a `**` or an `_` to micromark', () => {
    const list = `${'- *a* b **c** *d **e** f* _g_ __h__ snake_case_name x__y\n'.repeat(200)}- *a b _c\n`;
    expect(scanned(list, true).slowChars).toBe(0);
    expectSameTrees([list], true);
    const unsure = ['**a* b', '*a** b', '***a*** b', 'a*b*c', '_a* b', '*a_ b', '___a___'];
    for (const item of unsure) expect(scanned(`- x\n- ${item}\n`, true).slowChars).toBeGreaterThan(0);
    const more = ['(_a_)b', '*a **b* c**', '**a *b** c*', '_a **b** c_', '__a *b* c__', 'x_y_ z', '_(a)_', 'a_ b _c', '*a_b*', '_a*b_'];
    expectSameTrees([...unsure, ...more].map((t) => `- x\n- ${t}\n`), true);
  });

  it('gives micromark’s tree for random markdown', () => {
    const pieces = ['word', ' ', '\n', '\n\n', '**', '*', '_', '`', '[', ']', '](u)', '![', '# ', '> ', '* ', '- ', '1. ', '2) ', '  ', '    ', '|', '\n| a | b |\n| --- | :-: |\n| c | `d` |\n', '```\n', '~~~', '<!-- c -->', '<b>', '&amp;', '\\', '\t', ':', '?', 'é', '😀', '---', '===', '[x]', '\n* ', '\n  * ', '\n\n    '];
    const prefixes = ['', '', '* ', '  * ', '    * ', '- ', '1. ', '2. ', '> ', '> * ', '>', '    ', '  ', '# ', '| a | b |\n', '| --- | --- |\n', '```\n', '<!--', '-->', '---'];
    const inline = ['word', ' ', ' ', '**', '`c`', '`', '[a](b)', '![i](j.png)', '[x]', ':', ' - ', ' | ', '  ', '*', '**b**', '::'];
    const joins = ['\n', '\n', '\n\n', '\n  ', '\n    ', ' \n', '  \n'];
    let seed = 7;
    const pick = <T,>(list: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return list[Math.floor((seed / 2147483648) * list.length)]!;
    };
    const counts = Array.from({ length: 30 }, (_, i) => i + 1);
    const texts: string[] = [];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      if (n % 2 === 0) for (let i = pick(counts); i > 0; i--) text += pick(pieces);
      else {
        for (let l = pick(counts.slice(0, 12)); l > 0; l--) {
          text += pick(prefixes);
          for (let i = pick(counts.slice(0, 8)); i > 1; i--) text += pick(inline);
          text += pick(joins);
        }
      }
      texts.push(text);
    }
    expectSameTrees(texts, true);
    expectSameTrees(texts, false);
  }, 60_000);
});
