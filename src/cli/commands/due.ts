/** `recall due [--chapter Q]… [--leeches] [--json]`: what the queue holds now, per deck and chapter. */
import type { Card, OutlineRef } from '../../cards/card.js';
import { UserError } from '../../errors.js';
import type { CardState } from '../../schedule/card-state.js';
import type { QueueCounts, QueueKind } from '../../schedule/queue.js';
import type { GlobalOptions } from '../context.js';
import { dueText } from '../when.js';
import { openWorkspace, reportProblems } from '../workspace.js';

interface DueOptions {
  readonly chapter?: string[];
  readonly leeches?: boolean;
  readonly json?: boolean;
}

/** How many of the next cards to list. */
const NEXT_CARDS = 10;

type Counts = Record<QueueKind, number>;
const zero = (): Counts => ({ new: 0, learning: 0, review: 0 });

interface ChapterCounts {
  /** null: cards of the deck node itself. */
  readonly chapter: OutlineRef | null;
  readonly counts: Counts;
}

interface DeckCounts {
  readonly deck: string;
  readonly title: string;
  readonly counts: Counts;
  readonly chapters: ChapterCounts[];
}

const chapterName = (c: OutlineRef | null) => (c ? [c.number, c.title].filter(Boolean).join(' ') : '(deck)');
const firstLine = (markdown: string) => markdown.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
/** A front's breadcrumb (always its first line) and the first line of its question. */
const frontParts = (front: string) => {
  const end = front.indexOf('\n');
  return end === -1
    ? { breadcrumb: front.trim(), question: '' }
    : { breadcrumb: front.slice(0, end).trim(), question: firstLine(front.slice(end + 1)) };
};
const frontLine = (p: { breadcrumb: string; question: string }) => (p.question ? `${p.breadcrumb} — ${p.question}` : p.breadcrumb);
const countsText = (c: QueueCounts) => `${c.new} new, ${c.learning} learning, ${c.review} review`;

/** Queue counts grouped by deck, then chapter, in note order. */
function perDeck(cards: readonly Card[], kinds: ReadonlyMap<string, QueueKind>, titles: ReadonlyMap<string, string>): DeckCounts[] {
  const decks = new Map<string, DeckCounts>();
  const chapters = new Map<string, ChapterCounts>();
  for (const card of cards) {
    const kind = kinds.get(card.id) as QueueKind;
    let deck = decks.get(card.deck);
    if (!deck) {
      deck = { deck: card.deck, title: titles.get(card.deck) ?? card.deck, counts: zero(), chapters: [] };
      decks.set(card.deck, deck);
    }
    deck.counts[kind]++;
    const key = `${card.deck}\u0000${card.chapter?.number ?? ''}\u0000${card.chapter?.title ?? ''}`;
    let chapter = chapters.get(key);
    if (!chapter) {
      chapter = { chapter: card.chapter, counts: zero() };
      chapters.set(key, chapter);
      deck.chapters.push(chapter);
    }
    chapter.counts[kind]++;
  }
  return [...decks.values()];
}

export async function run(_operands: string[], options: DueOptions, globals: GlobalOptions): Promise<void> {
  const now = new Date();
  const workspace = await openWorkspace(globals, now);
  reportProblems(workspace);
  const chapters = options.chapter ?? [];
  const cards = workspace.cards(chapters);
  if (chapters.length > 0 && cards.length === 0) {
    throw new UserError(`no cards under --chapter ${chapters.join(', ')} (recall decks shows the outline)`);
  }
  if (options.leeches) return printLeeches(cards, workspace.states, options.json === true);

  const queue = workspace.queue(now, chapters);
  const titles = new Map(workspace.library.decks.map((d) => [d.key, d.title]));
  const decks = perDeck(queue.cards, queue.kinds, titles);
  const next = queue.cards.slice(0, NEXT_CARDS).map((card) => ({
    id: card.id,
    kind: queue.kinds.get(card.id) as QueueKind,
    deck: card.deck,
    chapter: card.chapter,
    ...frontParts(card.front),
  }));
  if (options.json) {
    const json = { now: now.toISOString(), counts: queue.counts, doneToday: queue.doneToday, nextLearningDue: queue.nextLearningDue, decks, next };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const lines = [`Due now: ${countsText(queue.counts)} (done today: ${queue.doneToday.new} new, ${queue.doneToday.review} review)`];
  if (queue.nextLearningDue) lines.push(`Next learning step: ${dueText(queue.nextLearningDue, now)}`);
  for (const deck of decks) {
    lines.push('', `${deck.title}  ·  ${countsText(deck.counts)}`);
    for (const c of deck.chapters) lines.push(`  ${chapterName(c.chapter)}  ·  ${countsText(c.counts)}`);
  }
  if (next.length > 0) {
    lines.push('', 'Next cards:');
    for (const n of next) lines.push(`  ${n.id}  ${n.kind.padEnd(8)}  ${frontLine(n)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Leeches among `cards`: lapses reached leechThreshold. */
function printLeeches(cards: readonly Card[], states: ReadonlyMap<string, CardState>, json: boolean): void {
  const leeches = cards.flatMap((card) => {
    const state = states.get(card.id);
    return state?.leech ? [{ id: card.id, deck: card.deck, chapter: card.chapter, lapses: state.lapses, suspended: state.suspended, ...frontParts(card.front), source: card.source }] : [];
  });
  if (json) {
    process.stdout.write(`${JSON.stringify(leeches, null, 2)}\n`);
    return;
  }
  if (leeches.length === 0) {
    process.stdout.write('No leeches.\n');
    return;
  }
  const lines = leeches.map((l) => `${l.id}  ${l.lapses} lapses${l.suspended ? ', suspended' : ''}  ${l.source.file}:${l.source.line}  ${frontLine(l)}`);
  process.stdout.write(`${lines.join('\n')}\n${leeches.length} lee${leeches.length === 1 ? 'ch' : 'ches'}\n`);
}
