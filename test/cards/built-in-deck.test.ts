// What issue 2 says the built-in deck must show: its outline, its summary cards, sample cards a reviewer
// would accept, section 2.2 shaped into parts, the --chapter filter and ids that stay put under edits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card, Library } from '../../src/cards/card.js';
import { cardsFromFile } from '../../src/cards/deck.js';
import { matchesChapter } from '../../src/cards/filter.js';
import { loadLibrary } from '../../src/cards/library.js';
import { isLabelText } from '../../src/cards/short-lines.js';
import { builtInDecks } from '../../src/cli/deck-paths.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const deckFile = path.join(builtInDecks(), 'rancher-certified-operator.md');
let library: Library;
let cards: readonly Card[];

beforeAll(async () => {
  library = await loadLibrary([builtInDecks()], DEFAULT_SETTINGS);
  cards = library.cards;
});

const plain = (markdown: string) => markdown.replace(/[*_`]/g, '');
const lastBlock = (markdown: string) => markdown.split(/\n{2,}/).pop()!.trimEnd();
/** A closing paragraph (not code, list or quote) that reads as a label line. */
const endsOnLabel = (markdown: string) => {
  const last = lastBlock(markdown);
  return !/^(```|~~~| {4}|[*+-] |\d+[.)] |>)/.test(last) && isLabelText(plain(last));
};

describe('the built-in deck', () => {
  it('loads without problems, as one deck titled by its frontmatter', () => {
    expect(library.problems).toEqual([]);
    expect(library.decks.map((d) => [d.key, d.title])).toEqual([['rancher-certified-operator.md', 'Rancher Certified Operator']]);
  });

  it('has the chapters of the issue, in order, with their sections', () => {
    const outline = library.decks[0]!.chapters.map((c) => [c.number, c.title, c.children.map((s) => s.number)]);
    expect(outline).toEqual([
      ['1', '', ['1.1', '1.2', '1.3']],
      ['2', 'Installing and Manaing Rancher', ['2.1', '2.2']],
      ['3', 'Designing and Provisioning Clusters', ['3.1', '3.2', '3.3']],
      ['4', 'Editing Clusters', ['4.1', '4.2', '4.3']],
      ['4', 'Managing Kubernetes with Rancher', ['4.1', '4.5']],
      ['5', 'Running Kubernetes Workloads', ['5.1', '5.2', '5.3', '5.4', '5.5']],
    ]);
    expect(library.decks[0]!.chapters[4]!.children[0]!.title).toBe('Configuring Namespaces');
  });

  it('makes 84 summary cards from the 18 Summary sections', () => {
    const summaries = cards.filter((c) => c.kind === 'summary');
    expect(summaries).toHaveLength(84);
    const sections = new Set(summaries.map((c) => `${c.path.map((p) => p.number ?? p.title).join('>')}@${c.path.length}`));
    const summaryHeadings = readFileSync(deckFile, 'utf8').split('\n').filter((l) => /^### Summary\s*$/.test(l));
    expect(summaryHeadings).toHaveLength(18);
    // 3.3 has two Summary headings: the two share a path, so count them by their lines.
    const byLine = new Set(summaries.map((c) => c.path.map((p) => p.title).join('>')));
    expect(byLine.size + 1).toBe(18);
    expect(sections.size).toBe(17);
  });

  it('makes section cards for the other headings, none empty, no id twice', () => {
    const sections = cards.filter((c) => c.kind === 'section');
    expect(sections.length).toBeGreaterThan(80);
    expect(cards.filter((c) => !c.front.trim() || !c.back.trim())).toEqual([]);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    for (const card of cards) expect(card.chapter).toEqual(card.path[0] ?? null);
  });

  it('turns the bold number into a cloze ending in […]', () => {
    const card = cards.find((c) => c.back.includes('Minimum number of nodes for a rancher server installation'))!;
    expect(card.kind).toBe('summary');
    expect(card.front.endsWith('Minimum number of nodes for a rancher server installation is […]')).toBe(true);
    expect(card.back).toContain('**1**');
  });

  it('splits "Rancher cloud provider - …" at the dash', () => {
    const card = cards.find((c) => c.back.includes('leverage cloud-specific features'))!;
    expect(card.front.split('\n').pop()).toBe('Rancher cloud provider');
    expect(card.back.startsWith('allows Kubernetes to leverage cloud-specific features')).toBe(true);
  });

  it('makes "Use Rancher CLI instead of kubectl:" one card whose back is its three bullets', () => {
    const matching = cards.filter((c) => c.front.includes('Use Rancher CLI instead of kubectl:'));
    expect(matching).toHaveLength(1);
    expect(matching[0]!.back.split('\n').filter((l) => l.startsWith('* '))).toHaveLength(3);
    expect(matching[0]!.back).toContain('To create projects and move namespaces into them');
  });

  it('shapes section 2.2 into parts of about 800 characters, none ending on a label line', () => {
    const parts = cards.filter((c) => c.path.length === 2 && c.path[1]!.number === '2.2' && c.kind === 'section');
    expect(parts.length).toBeGreaterThanOrEqual(4);
    parts.forEach((card, k) => {
      expect(card.front).toContain(`(${k + 1}/${parts.length})`);
      expect(card.back.length).toBeLessThanOrEqual(1000);
      expect(endsOnLabel(card.back)).toBe(false);
    });
    const helm = parts.find((c) => c.back.includes('Add helm repo'))!;
    expect(helm.back).toMatch(/Add helm repo\n\n```\nhelm repo add rancher-stable\n```/);
    const own = parts.find((c) => c.back.includes('Using your own certificates'))!;
    expect(own.back).toMatch(/Using your own certificates\n\n1\. Load private key/);
  });

  it('keeps every section card under the cap unless lint names it', () => {
    const linted = new Set((library as Library & { lint: { line: number }[] }).lint.map((l) => l.line));
    const over = cards.filter((c) => c.kind === 'section' && c.back.length > 1000 && !linted.has(c.source.line));
    expect(over).toEqual([]);
  });
});

describe('--chapter', () => {
  const numbers = (list: readonly Card[]) => new Set(list.map((c) => c.path[1]?.number ?? null));

  it('1.2 selects exactly the cards of section 1.2', () => {
    const selected = cards.filter((c) => matchesChapter(c, ['1.2']));
    expect(selected.length).toBeGreaterThan(5);
    expect(numbers(selected)).toEqual(new Set(['1.2']));
    expect(cards.filter((c) => c.path[1]?.number === '1.2')).toEqual(selected);
  });

  it('1 selects chapter 1 at a dot boundary, rke matches titles', () => {
    expect(numbers(cards.filter((c) => matchesChapter(c, ['1'])))).toEqual(new Set(['1.1', '1.2', '1.3']));
    const rke = cards.filter((c) => matchesChapter(c, ['rke']));
    expect(rke.some((c) => c.path[1]?.title === 'Discovering RKE')).toBe(true);
    expect(rke.every((c) => c.path.some((p) => p.title.toLowerCase().includes('rke')))).toBe(true);
  });

  it('does not let 1.2 match 1.20, and no queries match everything', () => {
    const card = { ...cards[0]!, path: [{ number: '1', title: '' }, { number: '1.20', title: 'Twenty' }] };
    expect(matchesChapter(card, ['1.2'])).toBe(false);
    expect(matchesChapter(card, ['1.20'])).toBe(true);
    expect(matchesChapter(card, [])).toBe(true);
  });
});

describe('card ids', { timeout: 60_000 }, () => {
  const text = readFileSync(deckFile, 'utf8');
  const idsOf = (t: string) => cardsFromFile(t, 'deck.md', 'deck.md', DEFAULT_SETTINGS).cards.map((c) => c.id);
  const before = idsOf(text);

  it('are the same when the notes are parsed again', () => {
    expect(idsOf(text)).toEqual(before);
  });

  it('change only for the edited bullet', () => {
    const edited = idsOf(text.replace('* Rancher can manage any CNCF certifified distribution', '* Rancher can manage any CNCF certified distribution'));
    expect(edited).toHaveLength(before.length);
    const changed = edited.filter((id, i) => id !== before[i]);
    expect(changed).toHaveLength(1);
  });

  it('stay put when a section is added elsewhere', () => {
    const added = idsOf(text.replace('## 1.2 Discovering RKE', '## 1.15 A new section\n\nA brand new section with enough words to make a card.\n\n## 1.2 Discovering RKE'));
    expect(added).toHaveLength(before.length + 1);
    expect(added.filter((id) => !before.includes(id))).toHaveLength(1);
  });
});
