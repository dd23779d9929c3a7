// Bullets and paragraphs are parsed on their own; a line of plain text skips the parser, and must give
// the very tree the parser gives.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/cards/inline-markup.js';

describe('parseMarkdown', () => {
  it.each([
    'Minimum number of nodes for a rancher server installation is 1',
    'term: definition - with a dash',
    '中文 テスト and 🚀 emoji',
    'see https://example.com for more',
    '1. a numbered line',
    '2) another',
    '- a list line',
    '+ plus',
    '---',
    '  indented',
    'trailing space ',
    'snake_case and **bold** and `code`',
    'a &amp; b',
    'escaped \\* star',
    'two\nlines',
    '42',
  ])('gives the parser\'s tree for %j', (source) => {
    expect(parseMarkdown(source)).toEqual(fromMarkdown(source));
  });
});
