// Targeted rules of DESIGN.md "Cards from notes" that fixture folders show less directly.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardsFromFile } from '../../src/cards/deck.js';
import { loadLibrary } from '../../src/cards/library.js';
import { SPLIT_BYTES } from '../../src/cards/markdown.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const cardsOf = (text: string, file = 'note.md') => cardsFromFile(text, file, file, DEFAULT_SETTINGS);
const outlineOf = (text: string) =>
  cardsOf(text).deck!.chapters.map((c) => [c.number ?? c.title, c.children.map((s) => [s.number ?? s.title, s.children.map((x) => x.title)])]);
const body = (words: string) => `${words} and enough other words to count as content.`;

describe('numbering', () => {
  it('reads a stray ### 2.2 among ## sections as ##, with the ### after it as its children', () => {
    const text = ['# 2. Chapter', '## 2.1 One', body('one'), '### 2.2 Two', body('two'), '### Child', body('child'), '## 2.3 Three', body('three')].join('\n\n');
    expect(outlineOf(text)).toEqual([['2', [['2.1', []], ['2.2', ['Child']], ['2.3', []]]]]);
  });

  it('gives sections 1.1 and 1.2 an implicit chapter 1 that never shows in a breadcrumb', () => {
    const result = cardsOf(['# Deck title', '## 1.1 First', body('first'), '## 1.2 Second', body('second')].join('\n\n'), 'deck-title.md');
    expect(result.deck!.title).toBe('Deck title');
    expect(result.deck!.chapters.map((c) => [c.number, c.title])).toEqual([['1', '']]);
    expect(result.cards[0]!.front.split('\n')[0]).toBe('1.1 First');
    expect(result.cards[0]!.chapter).toEqual({ number: '1', title: '' });
  });

  it('counts a single number again after an unnumbered heading above it starts a new part', () => {
    const text = ['# Deck', '## Part A', '### 1. First', body('first'), '#### 1. Local', body('local'), '## Part B', '### 1. Again', body('again')].join('\n\n');
    expect(outlineOf(text)).toEqual([['Part A', [['1', ['1. Local']]]], ['Part B', [['1', []]]]]);
  });

  it('keeps duplicate chapter numbers distinct and an unnumbered ## FAQ a sibling', () => {
    const text = ['## 4. Alpha', body('a'), '## 4. Beta', body('b'), '## FAQ', body('faq')].join('\n\n');
    expect(outlineOf(text)).toEqual([['4', []], ['4', []], ['FAQ', []]]);
  });
});

describe('the deck node', () => {
  it('is not the first heading when another heading shares its level', () => {
    const result = cardsOf(['# One', body('one'), '# Two', body('two')].join('\n\n'), '2018-03-12-my-notes.md');
    expect(result.deck!.title).toBe('my-notes');
    expect(result.deck!.chapters.map((c) => c.title)).toEqual(['One', 'Two']);
  });

  it('takes a heading equal to the file name, - and _ read as spaces', () => {
    const result = cardsOf(['## My_notes', body('deck'), '## Intro', body('intro')].join('\n\n'), 'my-notes.md');
    expect(result.deck!.chapters.map((c) => c.title)).toEqual(['Intro']);
    expect(result.deck!.title).toBe('My_notes');
  });
});

describe('callouts', () => {
  it('hold their own content, with headings inside them as children', () => {
    const text = ['# Deck', '## Setup', body('intro'), '> [!note] Steps\n> Follow these in order with enough words here.\n>\n> ### Step one\n> Install the tool first with the package manager of the system.', body('after')].join('\n\n');
    const cards = cardsOf(text).cards.map((c) => [c.path.map((p) => p.title).join(' › '), c.back]);
    expect(cards).toEqual([
      ['Setup', 'intro and enough other words to count as content.\n\nafter and enough other words to count as content.'],
      ['Setup › Steps', 'Follow these in order with enough words here.'],
      ['Setup › Steps › Step one', 'Install the tool first with the package manager of the system.'],
    ]);
  });
});

describe('section cards', () => {
  it('puts an intro line that is a node\'s only content on its children\'s fronts', () => {
    const result = cardsOf(['# Deck', '## Prerequisites', 'Before you start:', '### Tools', body('install the tools'), '## Next'].join('\n\n'));
    expect(result.cards).toHaveLength(1);
    expect(result.cards[0]!.front).toBe('Prerequisites › Tools\n\nBefore you start:\n\nWhat are the key points about Tools?');
  });

  it('makes no card for a node of questions only, or with fewer than 5 words, unless it is code', () => {
    const text = ['## Open questions', 'Why is it slow? What changed last week?', '## Tiny', 'Too short here.', '## Command', '```sh\nrke up\n```'].join('\n\n');
    expect(cardsOf(text).cards.map((c) => c.path[0]!.title)).toEqual(['Command']);
  });

  it('folds a code block over 25 lines inside a card to its first 10 lines', () => {
    const code = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
    const card = cardsOf(`## Setup\n\nRun this script to prepare the machine:\n\n\`\`\`sh\n${code}\n\`\`\`\n\nThen reboot the machine before continuing.\n`).cards[0]!;
    expect(card.back).toContain('line 10\n```\n… 20 more lines');
    expect(card.back).not.toContain('line 11');
  });

  it('makes bullet-tree nodes of labelled items, their list\'s intro line on their fronts', () => {
    const group = (name: string) =>
      `- ${name} services\n${['first', 'second', 'third'].map((n) => `  - the ${n} ${name} service does one useful thing well for the whole team`).join('\n')}`;
    const text = `# Deck\n\n## Cloud\n\nThe main groups:\n\n${['Compute', 'Storage', 'Database', 'Network'].map(group).join('\n')}\n`;
    const cards = cardsOf(text).cards;
    expect(cards.map((c) => c.front)).toEqual(
      ['Compute', 'Storage', 'Database', 'Network'].map((n) => `Cloud\n\nThe main groups:\n\n${n} services`),
    );
    expect(cards[0]!.back).toBe(['first', 'second', 'third'].map((n) => `- the ${n} Compute service does one useful thing well for the whole team`).join('\n'));
  });

  it('repeats a split list\'s intro line on its later parts', () => {
    const items = Array.from({ length: 12 }, (_, i) => `- item number ${i + 1} of the long list`).join('\n');
    const cards = cardsOf(`## Long list\n\nThe steps:\n\n${items}\n`).cards;
    expect(cards.length).toBeGreaterThan(1);
    expect(cards[0]!.front).toContain('(1/');
    expect(cards[1]!.front).toContain('The steps:');
    for (const card of cards) expect(card.back.split('\n').filter((l) => l.startsWith('- ')).length).toBeLessThanOrEqual(7);
  });
});

describe('explicit cards', () => {
  it('are not made from std::vector or AWS::EC2::Volume, and their lines leave the section back', () => {
    const result = cardsOf('## C++\n\nA `std::vector` grows, and AWS::EC2::Volume names a volume type here.\n\nCapital of Italy :: Rome\n');
    expect(result.cards.map((c) => [c.kind, c.back])).toEqual([
      ['section', 'A `std::vector` grows, and AWS::EC2::Volume names a volume type here.'],
      ['explicit', 'Rome'],
    ]);
  });
});

describe('summaries and lint', () => {
  it('names summary paragraphs and short bullets that make no card', () => {
    const result = cardsOf('# Deck\n## Summary\n\nSome closing thoughts that are not a bullet.\n\n- Rancher manages many clusters from one place\n- ok\n');
    expect(result.cards).toHaveLength(1);
    expect(result.lint.map((l) => [l.line, l.reason])).toEqual([
      [4, 'a paragraph in a summary with a list makes no card (make it a bullet)'],
      [7, 'a summary bullet of fewer than 4 words makes no card'],
    ]);
  });
});

describe('lint', () => {
  it('names a tiny answer and a front that already states the answer', () => {
    const result = cardsOf('# Deck\n## Summary\n\nThe HTTPS port:\n\n- 443\n\nRancher needs docker and ssh:\n\n- docker and ssh\n');
    expect(result.cards).toHaveLength(2);
    expect(result.lint.map((l) => [l.line, l.reason])).toEqual([
      [4, 'tiny: the answer is under 2 words'],
      [8, 'the front already states the answer'],
    ]);
  });
});

describe('large notes', () => {
  it(`parse a 2 MB note (over ${SPLIT_BYTES / 1e3} kB) in pieces, reference links resolving in every piece`, { timeout: 180_000 }, () => {
    const sections: string[] = ['# Big', '## First', 'See [the docs][5] for the details of this first section.'];
    for (let i = 0, size = 0; size < 2.1e6; i++) {
      const section = [`## Section ${i}`, `Paragraph ${i} with a [link][5] inside. ${'Filler words make the section longer. '.repeat(12)}`];
      sections.push(...section);
      size += section.join('\n\n').length + 4;
    }
    sections.push('## Last', 'The last section points to [the docs][5] as well.', '[5]: https://example.com/docs');
    const text = sections.join('\n\n');
    const result = cardsOf(text);
    expect(result.cards[0]!.back).toBe('See [the docs](https://example.com/docs) for the details of this first section.');
    const last = result.cards[result.cards.length - 1]!;
    expect(last.back).toBe('The last section points to [the docs](https://example.com/docs) as well.');
    expect(last.source.line).toBe(text.split('\n').findIndex((l) => l.startsWith('The last section')) + 1);
    expect(result.deck!.chapters).toHaveLength(sections.filter((s) => s.startsWith('## ')).length);
  });
});

describe('loading decks', () => {
  it('keeps identical cards once across decks, the first in path order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-dedupe-'));
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'a', 'one.md'), '## Shared\n\nThis fact appears in two notes word for word.\n');
    writeFileSync(path.join(dir, 'b', 'two.md'), '## Copied\n\nThis fact appears in two notes word for word.\n');
    const library = await loadLibrary([dir], DEFAULT_SETTINGS);
    expect(library.cards.map((c) => c.deck)).toEqual(['a/one.md']);
    expect(library.decks.map((d) => d.key)).toEqual(['a/one.md', 'b/two.md']);
  });

  it('pins the deck key with a frontmatter id', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-key-'));
    writeFileSync(path.join(dir, 'n.md'), '---\nid: my-deck\ntags: [k8s, rancher]\n---\n## S\n\nEnough words in this section for a card.\n');
    const library = await loadLibrary([path.join(dir, 'n.md')], DEFAULT_SETTINGS);
    expect(library.decks.map((d) => [d.key, d.tags])).toEqual([['my-deck', ['k8s', 'rancher']]]);
    expect(library.cards[0]!.deck).toBe('my-deck');
  });
});
