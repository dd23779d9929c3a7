/**
 * Outline → card drafts (DESIGN.md, "Section cards", "Summary nodes", tables, explicit cards): a walk
 * over the tree that gives each node its cards, shaped under the cap, with the breadcrumb on the front.
 */
import type { CardKind, OutlineRef } from './card.js';
import { blockMarkdown, blockText, type Block } from './blocks.js';
import { isSummaryTitle, summaryBulletCard } from './bullet-card.js';
import { contentBlocks, isOnlyLinksOrImages } from './noise.js';
import type { NodeDraft } from './outline.js';
import { shaped, type ShapeLimits } from './shape.js';
import { endsWithColon, introOf, isIntroLine } from './short-lines.js';
import { isListedTitle } from './titles.js';
import { collapsedSpaces, countWords } from './words.js';

export interface CardRules extends ShapeLimits {
  readonly summaryWords: readonly string[];
  readonly skipTitles: readonly string[];
}

export interface CardDraft {
  readonly kind: CardKind;
  /** The outline node the card belongs to. */
  readonly node: NodeDraft;
  readonly path: readonly OutlineRef[];
  /** Markdown: breadcrumb, context, prompt. */
  readonly front: string;
  /** The front without breadcrumb and context: what dedupe compares. */
  readonly prompt: string;
  readonly back: string;
  readonly line: number;
}

export interface LintNote {
  readonly line: number;
  readonly reason: string;
  /** The card (or text) concerned, as its front reads. */
  readonly front: string;
}

export interface Drafts {
  readonly cards: CardDraft[];
  readonly lint: LintNote[];
}

const SUMMARY_CALLOUTS = new Set(['summary', 'tldr', 'abstract', 'tip', 'important']);
const SECTION_PROMPT = 'What are the key points?';
// A title that is already a question ("Where will my cluster live?") is the prompt itself.
const sectionPrompt = (subject: string) =>
  !subject ? SECTION_PROMPT : /[?？]$/.test(subject) ? subject : `What are the key points about ${subject}?`;
const MIN_SECTION_WORDS = 5;
const SHORT_BULLET_WORDS = 4;
const TINY_WORDS = 2;
const ROW_NUMBER = /^\s*#?\d+[.)]?\s*$/;

interface Place {
  readonly node: NodeDraft;
  readonly path: readonly OutlineRef[];
  /** One line: the UI and exports rely on it being exactly the front's first line. */
  readonly breadcrumb: string;
  /** What a section card asks about: the node's title, or the nearest titled node's above it. */
  readonly subject: string;
  /** Titles of the path, for the cloze rule (a term in the breadcrumb is not hidden). */
  readonly crumbs: readonly string[];
  /** An intro line of the parent, shown on the front. */
  readonly context: string | null;
}

function refOf(node: NodeDraft): OutlineRef {
  return { number: node.number, title: node.title };
}

function crumbTitle(node: NodeDraft): string {
  return node.title.replace(/\s*[:：]$/, '');
}

function crumbOf(node: NodeDraft): string {
  return node.number ? `${node.number} ${crumbTitle(node)}` : crumbTitle(node);
}

function frontOf(place: Place, prompt: string, extra: string | null = null): string {
  const below = [place.context, extra, prompt].filter((s): s is string => Boolean(s));
  return [place.breadcrumb, ...below].join('\n\n');
}

/** A breadcrumb on one line (a frontmatter title may span several). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Only a reference code block (too long to recall), perhaps under intro lines: nothing to ask. */
function isOnlyReference(blocks: readonly Block[]): boolean {
  const rest = blocks.filter((b) => !isIntroLine(b));
  return rest.length === 1 && rest[0]!.kind === 'code' && rest[0]!.reference;
}

class Collector {
  readonly cards: CardDraft[] = [];
  readonly lint: LintNote[] = [];

  constructor(private readonly rules: CardRules) {}

  /** `shown`: the prompt as the front words it, when it names the breadcrumb's subject (dedupe sets that aside). */
  add(place: Place, kind: CardKind, prompt: string, back: string, line: number, context: string | null = null, shown = prompt): void {
    const front = frontOf(place, shown, context);
    if (!back.trim() || !prompt.trim()) return;
    if (isOnlyLinksOrImages(back)) {
      this.note(line, 'the answer is only links or images, which a terminal cannot show', front);
      return;
    }
    const plainBack = plainWords(back);
    if (plainBack.length > 0 && plainWords(prompt).includes(plainBack)) {
      this.note(line, 'the front already states the answer', front);
    } else if (kind !== 'explicit' && !back.includes('```') && countWords(plainBack) < TINY_WORDS) {
      this.note(line, `tiny: the answer is under ${TINY_WORDS} words`, front);
    }
    this.cards.push({ kind, node: place.node, path: place.path, front, prompt, back, line });
  }

  note(line: number, reason: string, front: string): void {
    this.lint.push({ line, reason, front });
  }

  explicit(place: Place, blocks: readonly Block[]): void {
    for (const block of blocks) {
      if (!block.skip) for (const e of block.explicit) this.add(place, 'explicit', e.front, e.back, e.line);
    }
  }

  tableRows(place: Place, kind: CardKind, table: Extract<Block, { kind: 'table' }>, context: string | null): void {
    const header = table.header ?? [];
    // A first column of row numbers (1, 2, 3…) names no row.
    const numbered = table.rows.every((cells) => ROW_NUMBER.test(cells[0] ?? ''));
    const skipped = (i: number, cells: readonly string[]) => (numbered && i === 0) || cells[i]!.trim() === '';
    table.rows.forEach((cells, r) => {
      const line = table.line + 2 + r;
      if (isOnlyLinksOrImages(cells.join(' '))) return;
      const key = cells.findIndex((_, i) => !skipped(i, cells));
      if (key === -1) return;
      const named = (i: number) => (header[i] ? `**${header[i]}:** ${cells[i]}` : cells[i]!);
      const back = cells
        .map((_, i) => (i === key || skipped(i, cells) ? null : named(i)))
        .filter((c): c is string => c !== null)
        .join('\n\n');
      this.add(place, kind, named(key), back, line, context);
    });
  }

  /** Pulls tables with a header out of a section's `blocks` as row cards; returns the rest. */
  private withoutTables(place: Place, blocks: readonly Block[]): Block[] {
    const rest: Block[] = [];
    blocks.forEach((block, i) => {
      if (block.kind !== 'table' || block.header === null) {
        rest.push(block);
        return;
      }
      const before = blocks[i - 1];
      const intro = introOf(before);
      if (intro) rest.pop();
      this.tableRows(place, 'section', block, intro);
    });
    return rest;
  }

  section(place: Place, blocks: readonly Block[]): void {
    const content = this.withoutTables(place, blocks);
    if (content.length === 0) return;
    const text = content.map(blockText).join('\n');
    if (isOnlyQuestions(text)) return;
    if (isOnlyReference(content)) return;
    if (!content.some((b) => b.kind === 'code') && countWords(text) < MIN_SECTION_WORDS) return;
    const question = place.node.kind === 'bold' ? (place.node.question ?? place.node.title) : null;
    const { trees, parts } = shaped(content, this.rules);
    for (const tree of trees) {
      this.add(place, 'section', tree.label, tree.back, tree.line, [question, tree.context].filter(Boolean).join('\n\n') || null);
    }
    const asked = parts.filter((part) => !isOnlyReference(part.blocks));
    for (const part of parts.filter((p) => !asked.includes(p))) {
      this.note(part.blocks[0]!.line, 'a part that is only a long code block is reference, not a question: no card', place.breadcrumb);
    }
    asked.forEach((part, k) => {
      const counted = asked.length > 1 ? { ...place, breadcrumb: `${place.breadcrumb} (${k + 1}/${asked.length})` } : place;
      const back = part.blocks.map(blockMarkdown).join('\n\n');
      const line = part.blocks[0]?.line ?? place.node.line;
      const prompt = part.label ?? question ?? SECTION_PROMPT;
      const shown = prompt === SECTION_PROMPT ? sectionPrompt(place.subject) : prompt;
      const extra = [part.label ? question : null, part.context].filter(Boolean).join('\n\n') || null;
      if (part.oversized) {
        this.note(line, `over the cap (${back.length} characters) because a block here cannot split`, frontOf(counted, shown, extra));
      }
      this.add(counted, 'section', prompt, back, line, extra, shown);
    });
  }

  summary(place: Place, blocks: readonly Block[]): void {
    if (!blocks.some((b) => b.kind === 'list')) {
      this.section(place, blocks);
      return;
    }
    blocks.forEach((block, i) => {
      const next = blocks[i + 1];
      if (block.kind === 'paragraph' && endsWithColon(block.text) && next?.kind === 'list') return;
      if (block.kind === 'list') {
        const lead = blocks[i - 1];
        if (lead?.kind === 'paragraph' && endsWithColon(lead.text)) {
          this.add(place, 'summary', lead.markdown, blockMarkdown(block), lead.line);
          return;
        }
        for (const item of block.items) {
          const card = summaryBulletCard(item.body, place.crumbs);
          if (card) this.add(place, 'summary', card.front, card.back, item.line);
          else if (countWords(item.text) < SHORT_BULLET_WORDS) this.note(item.line, 'a summary bullet of fewer than 4 words makes no card', item.text.trim());
        }
      } else if (block.kind === 'table' && block.header !== null) {
        this.tableRows(place, 'summary', block, null);
      } else if (block.kind === 'paragraph') {
        this.note(block.line, 'a paragraph in a summary with a list makes no card (make it a bullet)', block.text.trim());
      }
    });
  }
}

/** Markdown as the words it shows: list markers and emphasis gone, spaces collapsed, lower case. */
function plainWords(markdown: string): string {
  return collapsedSpaces(markdown.replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '').replace(/[*_`>#]/g, ''))
    .trim()
    .toLowerCase();
}

function isOnlyQuestions(text: string): boolean {
  const sentences = text.split(/(?<=[.!?。！？])\s+|\n+/).filter((s) => s.trim());
  return sentences.length > 0 && sentences.every((s) => /[?？]\s*$/.test(s));
}

function isSummaryNode(node: NodeDraft, words: readonly string[]): boolean {
  if (node.kind === 'callout' && SUMMARY_CALLOUTS.has(node.calloutType ?? '')) return true;
  return node.kind !== 'deck' && node.kind !== 'implicit' && isSummaryTitle(node.title, words);
}

/** Card drafts of a deck's outline, in note order, with what --lint reports. */
export function cardDrafts(root: NodeDraft, rules: CardRules): Drafts {
  const out = new Collector(rules);
  const walk = (node: NodeDraft, parent: Place | null, context: string | null): void => {
    if (node.skip) return;
    const path = node.kind === 'deck' ? [] : [...(parent?.path ?? []), refOf(node)];
    // A bold question is the prompt itself, so it is not repeated in its own breadcrumb.
    const inherited = parent?.crumbs ?? [];
    const crumbs = node.kind === 'deck' || node.kind === 'implicit' ? inherited : [...inherited, crumbOf(node)];
    // A summary titled only "Summary" (or another summary word) adds nothing to the breadcrumb either.
    const summary = isSummaryNode(node, rules.summaryWords);
    const bare = node.kind === 'bold' || (summary && isListedTitle(node.title, rules.summaryWords));
    const shown = bare ? inherited : crumbs;
    // Untitled nodes (an implicit chapter, a callout named only by its type) ask about the node above.
    const untitled = bare || node.title === '' || (node.kind === 'callout' && node.title === node.calloutType);
    // A local list's number (`1. Vertical Scaling`) is no part of what is asked about.
    const subject = untitled ? (parent?.subject ?? '') : oneLine(crumbTitle(node)).replace(/^\d+[.)]\s+/, '');
    const breadcrumb = oneLine(shown.join(' › ')) || oneLine(root.title) || '(untitled)';
    const place: Place = { node, path, crumbs, breadcrumb, subject, context };
    out.explicit(place, node.blocks);
    const content = contentBlocks(node.blocks);
    let childContext: string | null = null;
    const only = content.length === 1 ? content[0] : undefined;
    if (only?.kind === 'paragraph' && endsWithColon(only.text) && node.children.length > 0) {
      childContext = introOf(only);
    } else if (node.kind !== 'deck' && isListedTitle(node.title, rules.skipTitles)) {
      // A table of contents, further reading…: no card of its own.
    } else if (summary) {
      out.summary(place, content);
    } else {
      out.section(place, content);
    }
    for (const child of node.children) walk(child, place, childContext);
  };
  walk(root, null, null);
  // Note order: a callout or bold question inside a section comes where it stands.
  const byLine = <T extends { readonly line: number }>(list: T[]) => list.sort((a, b) => a.line - b.line);
  return { cards: byLine(out.cards), lint: byLine(out.lint) };
}
