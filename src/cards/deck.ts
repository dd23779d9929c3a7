/**
 * One note file → its deck outline and cards: the whole pipeline (parse → outline → candidate cards
 * → shaping → noise → identity) as one pure function of the text, so a worker thread can run it.
 */
import type { Problem } from '../errors.js';
import { blocksOf } from './blocks.js';
import { cardDrafts, type CardDraft, type CardRules } from './candidates.js';
import type { Card, DeckOutline, OutlineNode } from './card.js';
import { cardIds, cardTexts, dedupeKey, type CardTexts } from './identity.js';
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
  /** One per card: the preorder index of its outline node in `deck.chapters` (-1: the deck itself), to recount after dedupe. */
  readonly cardNodes: readonly number[];
  readonly lint: readonly LintFinding[];
  readonly problems: readonly Problem[];
}

const NO_CARDS: Omit<FileCards, 'problems'> = { deck: null, cards: [], dedupeKeys: [], cardNodes: [], lint: [] };

/** The file name as a title: no folder, no `.md`, no leading date such as `2018-03-12-`. */
export function fileTitle(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.md$/i, '').replace(/^\d{4}-\d{2}-\d{2}[-_ ]/, '').trim() || base;
}

function isOutlineNode(node: NodeDraft): boolean {
  return node.kind === 'heading' || node.kind === 'implicit';
}

/**
 * Heading nodes (no counts yet) and, for every draft node, the preorder index of the outline node it
 * counts in: callouts and bold questions count in their heading.
 */
function outlineSkeleton(root: NodeDraft): { chapters: OutlineNode[]; indexOf: Map<NodeDraft, number> } {
  const indexOf = new Map<NodeDraft, number>();
  let next = 0;
  // Everything inside a callout or bold question, headings too, counts where the callout stands.
  const countIn = (node: NodeDraft, enclosing: number): void => {
    indexOf.set(node, enclosing);
    for (const child of node.children) countIn(child, enclosing);
  };
  const walk = (nodes: readonly NodeDraft[], enclosing: number): OutlineNode[] => {
    const result: OutlineNode[] = [];
    for (const node of nodes) {
      if (node.skip) continue;
      if (!isOutlineNode(node)) {
        countIn(node, enclosing);
        continue;
      }
      const index = next++;
      indexOf.set(node, index);
      result.push({ number: node.number, title: node.title, line: node.line, cards: 0, children: walk(node.children, index) });
    }
    return result;
  };
  indexOf.set(root, -1);
  return { chapters: walk(root.children, -1), indexOf };
}

/**
 * The deck with its card counts: a node holds its own cards (`cardNodes` index it in preorder) and its
 * descendants'. `kept` leaves out cards dropped by dedupe, so counts match the cards listed.
 */
export function countedDeck(deck: DeckOutline, cardNodes: readonly number[], kept: (card: number) => boolean = () => true): DeckOutline {
  const own = new Map<number, number>();
  let total = 0;
  cardNodes.forEach((node, i) => {
    if (!kept(i)) return;
    own.set(node, (own.get(node) ?? 0) + 1);
    total += 1;
  });
  let next = 0;
  const counted = (nodes: readonly OutlineNode[]): OutlineNode[] =>
    nodes.map((node) => {
      const index = next++;
      const children = counted(node.children);
      return { ...node, cards: (own.get(index) ?? 0) + children.reduce((n, c) => n + c.cards, 0), children };
    });
  return { ...deck, cards: total, chapters: counted(deck.chapters) };
}

function cardsOf(drafts: readonly CardDraft[], texts: readonly CardTexts[], deck: string, file: string): Card[] {
  const ids = cardIds(deck, texts);
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
  const { chapters, indexOf } = outlineSkeleton(tree.root);
  const cardNodes = drafts.map((d) => indexOf.get(d.node) ?? -1);
  const texts = drafts.map(cardTexts);
  const cards = cardsOf(drafts, texts, key, file);
  const deck = countedDeck({ key, title: tree.title, file, tags: note.frontmatter.tags, cards: 0, chapters }, cardNodes);
  return {
    deck,
    cards,
    dedupeKeys: texts.map(dedupeKey),
    cardNodes,
    lint: lint.map((l) => ({ file, ...l })),
    problems: [],
  };
}
