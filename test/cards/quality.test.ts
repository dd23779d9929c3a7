// Cards a reviewer rejected on the built-in deck, each fixed at its rule: part labels, reference code,
// the item cap, prompts that name their node, counts after dedupe, the breadcrumb line.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardsFromFile } from '../../src/cards/deck.js';
import { loadLibrary } from '../../src/cards/library.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const cardsOf = (text: string) => cardsFromFile(text, 'note.md', 'note.md', DEFAULT_SETTINGS);
/** The last paragraph of a front: what the card asks. */
const promptOf = (front: string) => front.split('\n\n').pop()!;
const fact = (n: number) => `Fact number ${n} holds a plain statement that a learner should be able to recall later on.`;

describe('part fronts', () => {
  // Over the cap in characters, so it splits; each part opens with the block under test.
  const section = (opening: string, after: string) =>
    ['# Deck', '## Topic', fact(1), fact(2), fact(3), fact(4), fact(5), opening, after, fact(6), fact(7), fact(8)].join('\n\n');
  const partOpening = (text: string, opening: string) => cardsOf(text).cards.find((c) => c.back.startsWith(opening));

  it('do not show a short fact with no closing period as a label', () => {
    const card = partOpening(section('Top down approach', fact(9)), 'Top down approach');
    expect(card).toBeDefined();
    expect(promptOf(card!.front)).toBe('What are the key points about Topic?');
  });

  it('do not show a line with text after its colon, and keep the answer off the front', () => {
    const opening = 'To do the letsencrypt option use: `--acme-domain rancher.example.com`';
    const card = partOpening(section(opening, fact(9)), opening);
    expect(card!.front).not.toContain('acme-domain');
  });

  it('do not show a whole bold sentence as a label', () => {
    const opening = '**If you are running the kubernetes deployment of Rancher only run it in an RKE cluster**';
    const card = partOpening(section(opening, fact(9)), opening);
    expect(promptOf(card!.front)).toBe('What are the key points about Topic?');
  });

  it('show a line ending in a colon, inline code kept', () => {
    const opening = 'Start the `rancher` container with:';
    const card = partOpening(section(opening, '* one flag\n* another flag'), opening);
    expect(promptOf(card!.front)).toBe(opening);
  });

  it('show a short bold label followed by a list', () => {
    const opening = '**Alert timing**';
    const card = partOpening(section(opening, '* group wait\n* group interval\n* repeat interval'), opening);
    expect(promptOf(card!.front)).toBe(opening);
  });
});

describe('fronts showing note text', () => {
  it('keep inline code in bullet-tree labels and intro lines', () => {
    const tree = ['- The `latest` tag:', '  - makes each deploy pull an image that may have changed since', '  - leaves pods of one workload running different versions'].join('\n');
    const text = ['# Deck', '## Images', ...Array.from({ length: 8 }, (_, i) => fact(i)), tree, '## Tools', 'Install `rke` first:', '### Binary', fact(9)].join('\n\n');
    const fronts = cardsOf(text).cards.map((c) => promptOf(c.front));
    expect(fronts).toContain('The `latest` tag:');
    expect(cardsOf(text).cards.at(-1)!.front).toContain('Install `rke` first:');
  });

  it('keep inline code in a bold question, without its bold markers', () => {
    const [card] = cardsOf(['# Deck', '## Interview', '**What does `kubectl apply` do?**', fact(1)].join('\n\n')).cards;
    expect(promptOf(card!.front)).toBe('What does `kubectl apply` do?');
  });
});

describe('code blocks', () => {
  const transcript = Array.from({ length: 25 }, (_, i) => `[+] Question number ${i + 1} of the interactive setup [default]:`);
  const oneLiner = `kubectl get nodes -o go-template='${'{{range .items}}{{.metadata.name}}'.repeat(14)}'`;
  const fence = (lines: readonly string[]) => ['```', ...lines, '```'].join('\n');

  it('fold a 25-line block over a third of the cap inside a card', () => {
    const text = ['# Deck', '## Config', 'Another way is to answer the questions of the config tool:', fence(transcript), fact(1)].join('\n\n');
    const [card] = cardsOf(text).cards;
    expect(card!.back).toContain('[+] Question number 1 of');
    expect(card!.back).not.toContain('Question number 25');
    expect(card!.back).toMatch(/\n… \d+ more lines/);
    expect(card!.back.length).toBeLessThanOrEqual(DEFAULT_SETTINGS.maxCardChars);
  });

  it('cut a long one-line command, and make no card of a node that is only it and its label', () => {
    const alone = cardsOf(['# Deck', '## Conditions', 'Check status:', fence([oneLiner])].join('\n\n'));
    expect(alone.cards).toEqual([]);
    const text = ['# Deck', '## Conditions', fact(1), fence([oneLiner])].join('\n\n');
    const [card] = cardsOf(text).cards;
    expect(card!.back).toContain("kubectl get nodes -o go-template='{{range");
    expect(card!.back).toMatch(/ …\n```$/);
    expect(card!.back.length).toBeLessThan(oneLiner.length);
  });

  it('make no part of a reference block and its label alone, and number the other parts without it', () => {
    const long = (topic: string) => Array.from({ length: 13 }, (_, i) => `${topic} sentence ${i + 1} says something a learner might recall.`).join(' ');
    const text = ['# Deck', '## Overlay test', long('First'), 'Check status:', fence([oneLiner]), long('Second')].join('\n\n');
    const result = cardsOf(text);
    expect(result.cards.map((c) => c.front.split('\n')[0])).toEqual(['Overlay test (1/2)', 'Overlay test (2/2)']);
    expect(result.cards.some((c) => c.back.includes('kubectl'))).toBe(false);
    expect(result.lint.map((l) => l.reason)).toEqual(['a part that is only a long code block is reference, not a question: no card']);
  });

  it('ask a command under its label with the label, the command alone on the back', () => {
    const [card] = cardsOf(['# Deck', '## Overlay test', 'Apply', '```\nkubectl create -f ds-overlay-test.yml\n```'].join('\n\n')).cards;
    expect(promptOf(card!.front)).toBe('Apply');
    expect(card!.back).toBe('```\nkubectl create -f ds-overlay-test.yml\n```');
  });
});

describe('the item cap', () => {
  it('counts paragraphs, so a section of many short facts splits into parts', () => {
    const facts = Array.from({ length: 10 }, (_, i) => `Short fact ${i + 1} is true.`);
    const { cards } = cardsOf(['# Deck', '## Facts', ...facts].join('\n\n'));
    expect(cards.length).toBe(2);
    expect(cards.map((c) => c.front.split('\n')[0])).toEqual(['Facts (1/2)', 'Facts (2/2)']);
    expect(cards.map((c) => c.back.split('\n\n').length)).toEqual([5, 5]);
  });
});

describe('section prompts', () => {
  it('name the node asked about; an untitled chapter asks about the deck', () => {
    const { cards } = cardsOf(['# Rancher', fact(1), '## 1.1 Certificate Options', fact(2)].join('\n\n'));
    expect(cards.map((c) => promptOf(c.front))).toEqual([
      'What are the key points about Rancher?',
      'What are the key points about Certificate Options?',
    ]);
  });

  it('take a title that is already a question as the question', () => {
    const { cards } = cardsOf(['# Deck', '## 3.1: Where will my cluster live?', fact(1)].join('\n\n'));
    expect(cards.map((c) => promptOf(c.front))).toEqual(['Where will my cluster live?']);
  });
});

describe('deck counts', () => {
  it('count the cards listed: a card kept once counts only in the deck that keeps it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-counts-'));
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'a', 'one.md'), `# One\n\n## Shared\n\n${fact(1)}\n`);
    writeFileSync(path.join(dir, 'b', 'two.md'), `# Two\n\n## Copied\n\n${fact(1)}\n\n## Own\n\n${fact(2)}\n`);
    const library = await loadLibrary([dir], DEFAULT_SETTINGS);
    expect(library.cards.map((c) => c.deck)).toEqual(['a/one.md', 'b/two.md']);
    expect(library.decks.map((d) => [d.key, d.cards, d.chapters.map((c) => [c.title, c.cards])])).toEqual([
      ['a/one.md', 1, [['Shared', 1]]],
      ['b/two.md', 1, [['Copied', 0], ['Own', 1]]],
    ]);
  });
});

describe('breadcrumbs', () => {
  it('are exactly the first line of every front, then a blank line', () => {
    const deck = readFileSync(path.join(import.meta.dirname, '../../decks/rancher-certified-operator.md'), 'utf8');
    const notes = [deck, `---\ntitle: |\n  A title\n  on two lines\n---\n\n${fact(1)}\n\nQ :: A\n`];
    for (const note of notes) {
      for (const card of cardsOf(note).cards) {
        const [first, second] = card.front.split('\n');
        expect(first!.trim()).not.toBe('');
        expect(second).toBe('');
      }
    }
    expect(cardsOf(notes[1]!).cards[0]!.front.split('\n')[0]).toBe('A title on two lines');
  });
});
