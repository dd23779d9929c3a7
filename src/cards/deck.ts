/**
 * One note file → its deck outline and cards: the whole pipeline (parse → outline → candidate cards
 * → shaping → noise → identity) as one pure function of the text, so a worker thread can run it.
 */
import type { Problem } from '../errors.js';
import { blocksOf } from './blocks.js';
import { cardDrafts, type CardDraft, type CardRules } from './candidates.js';
import type { Card, DeckOutline, OutlineNode } from './card.js';
import { cardIds, dedupeKey } from './identity.js';
import { FrontmatterError, noteText } from './note-text.js';
import type { NodeDraft } from './outline.js';
import { deckTree } from './outline.js';

/** A finding of `recall cards --lint`: a card a learner would likely drop, and where to fix it. */
export interface LintFinding {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
  readonly front: string;
}

export interface FileCards {
  /** Null when the file makes no deck (excluded by `recall: false`, or unreadable). */
  readonly deck: DeckOutline | null;
  readonly cards: readonly Card[];
  /** One per card: what cross-deck dedupe compares. */
  readonly dedupeKeys: readonly string[];
  readonly lint: readonly LintFinding[];
  readonly problems: readonly Problem[];
}

const NO_CARDS: Omit<FileCards, 'problems'> = { deck: null, cards: [], dedupeKeys: [], lint: [] };

/** The file name as a title: no folder, no `.md`, no leading date such as `2018-03-12-`. */
export function fileTitle(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.md$/i, '').replace(/^\d{4}-\d{2}-\d{2}[-_ ]/, '').trim() || base;
}

function isOutlineNode(node: NodeDraft): boolean {
  return node.kind === 'heading' || node.kind === 'implicit';
}

/** Heading nodes with the cards they and their descendants hold; callouts and bold questions count in their heading. */
function outlineNodes(nodes: readonly NodeDraft[], own: ReadonlyMap<NodeDraft, number>): OutlineNode[] {
  const result: OutlineNode[] = [];
  for (const node of nodes) {
    if (node.skip) continue;
    if (!isOutlineNode(node)) continue;
    const children = outlineNodes(node.children, own);
    const cards = (own.get(node) ?? 0) + foldedCount(node, own) + children.reduce((n, c) => n + c.cards, 0);
    result.push({ number: node.number, title: node.title, line: node.line, cards, children });
  }
  return result;
}

/** Cards of the non-heading nodes (callouts, bold questions) under a node, down to the next heading. */
function foldedCount(node: NodeDraft, own: ReadonlyMap<NodeDraft, number>): number {
  return node.children.filter((c) => !isOutlineNode(c)).reduce((n, c) => n + (own.get(c) ?? 0) + foldedCount(c, own), 0);
}

function cardsOf(drafts: readonly CardDraft[], deck: string, file: string): Card[] {
  const ids = cardIds(deck, drafts);
  return drafts.map((d, i) => {
    const chapter = d.path[0] ?? null;
    return { id: ids[i]!, deck, kind: d.kind, chapter, path: d.path, front: d.front, back: d.back, source: { file, line: d.line } };
  });
}

/**
 * Cards and outline of one note. `file` is how the card sources name it; `deckKey` its path
 * relative to the deck folder (a frontmatter `id` overrides it).
 */
export function cardsFromFile(text: string, file: string, deckKey: string, options: CardRules): FileCards {
  try {
    return pipeline(text, file, deckKey, options);
  } catch (error) {
    // A bug on one odd note must not cost the learner every other deck.
    const message = `recall could not make cards from this note (${(error as Error).message}); please report it`;
    return { ...NO_CARDS, problems: [{ file, message }] };
  }
}

function pipeline(text: string, file: string, deckKey: string, options: CardRules): FileCards {
  let note;
  try {
    note = noteText(text);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    return { ...NO_CARDS, problems: [{ file, line: error.line, message: `${error.message}; fix the YAML between the --- lines (quote values that start with a special character)` }] };
  }
  if (note.frontmatter.excluded) return { ...NO_CARDS, problems: [] };
  const key = note.frontmatter.id ?? deckKey;
  const tree = deckTree(blocksOf(note.body, note.bodyLineOffset, options.maxCardChars), note.frontmatter.title, fileTitle(file));
  const { cards: drafts, lint } = cardDrafts(tree.root, options);
  const own = new Map<NodeDraft, number>();
  for (const d of drafts) own.set(d.node, (own.get(d.node) ?? 0) + 1);
  const cards = cardsOf(drafts, key, file);
  const deck: DeckOutline = {
    key,
    title: tree.title,
    file,
    tags: note.frontmatter.tags,
    cards: cards.length,
    chapters: outlineNodes(tree.root.children, own),
  };
  return {
    deck,
    cards,
    dedupeKeys: drafts.map(dedupeKey),
    lint: lint.map((l) => ({ file, ...l })),
    problems: [],
  };
}
