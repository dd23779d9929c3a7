/**
 * Content blocks → the deck's outline tree (DESIGN.md, "Deck" and "Outline nodes"): the leading
 * heading is the deck, headings are placed by effective level with implicit parents for numbers whose
 * prefix has no heading, callouts become child nodes holding only their quoted content, and bold
 * questions open a node one level below the current one.
 */
import type { Block } from './blocks.js';
import { numbering, type HeadingLevel } from './numbering.js';
import { endsWithColon } from './short-lines.js';

export type NodeKind = 'deck' | 'heading' | 'implicit' | 'callout' | 'bold';

export interface NodeDraft {
  readonly kind: NodeKind;
  readonly number: string | null;
  readonly title: string;
  readonly level: number;
  readonly line: number;
  readonly skip: boolean;
  /** For a bold question: the question as markdown without its bold markers (inline code kept), for the front. */
  readonly question?: string;
  /** Callout type (note, tip, summary…), for callout nodes. */
  readonly calloutType?: string;
  /** Own content, in order. */
  readonly blocks: Block[];
  readonly children: NodeDraft[];
}

function node(fields: Omit<NodeDraft, 'blocks' | 'children'>): NodeDraft {
  return { ...fields, blocks: [], children: [] };
}

/** `-` and `_` read as spaces, case ignored. */
function comparable(text: string): string {
  return text.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Badges, HTML and link-only blocks may stand before a leading heading. */
function isDecoration(block: Block): boolean {
  return block.kind === 'paragraph' && (block.onlyLinks || /^(\[image: [^\]]*\]\s*)+$/.test(block.markdown));
}

/** Index of the block that is the deck's own heading, or -1. */
function leadingHeading(blocks: readonly Block[], names: readonly string[]): number {
  const first = blocks.findIndex((b) => b.kind === 'heading');
  if (first === -1) return -1;
  const heading = blocks[first]!;
  if (heading.kind !== 'heading') return -1;
  if (names.some((n) => comparable(n) === comparable(heading.text))) return first;
  const leads = blocks.slice(0, first).every(isDecoration);
  const alone = !blocks.some((b, i) => i !== first && b.kind === 'heading' && b.depth <= heading.depth);
  return leads && alone ? first : -1;
}

function isBoldQuestion(block: Block, next: Block | undefined): block is Extract<Block, { kind: 'paragraph' | 'quote' }> {
  if (block.kind !== 'paragraph' || block.bold !== 'all' || !next || next.kind === 'heading') return false;
  return /[?？]\s*$/.test(block.text) || endsWithColon(block.text);
}

type LevelOf = (heading: Extract<Block, { kind: 'heading' }>, index: number) => HeadingLevel;

/** Places `blocks` under `root`; `levelOf` gives each heading's number, title and effective level. */
function built(root: NodeDraft, blocks: readonly Block[], levelOf: LevelOf, levelOfParts: ReadonlyMap<number, number>): NodeDraft {
  const stack: NodeDraft[] = [root];
  const top = () => stack[stack.length - 1]!;
  const popTo = (level: number) => {
    while (stack.length > 1 && top().level >= level) stack.pop();
  };
  const popBold = () => {
    while (stack.length > 1 && top().kind === 'bold') stack.pop();
  };
  const ensureParent = (prefix: string, childLevel: number, line: number) => {
    if (stack.some((n) => n.number === prefix)) return;
    const parts = prefix.split('.').length;
    if (parts > 1) ensureParent(prefix.slice(0, prefix.lastIndexOf('.')), childLevel - 0.5, line);
    let level = levelOfParts.get(parts) ?? childLevel - 1;
    if (level >= childLevel) level = childLevel - 0.5;
    popTo(level);
    const implicit = node({ kind: 'implicit', number: prefix, title: '', level, line, skip: false });
    top().children.push(implicit);
    stack.push(implicit);
  };
  let headingIndex = 0;
  blocks.forEach((block, i) => {
    if (block.kind === 'heading') {
      popBold();
      const { number, title, level } = levelOf(block, headingIndex++);
      popTo(level);
      if (number?.includes('.')) ensureParent(number.slice(0, number.lastIndexOf('.')), level, block.line);
      const heading = node({ kind: 'heading', number, title, level, line: block.line, skip: block.skip });
      top().children.push(heading);
      stack.push(heading);
    } else if (block.kind === 'callout') {
      const parent = top();
      const callout = node({
        kind: 'callout',
        number: null,
        title: block.title || block.type,
        level: parent.level + 0.5,
        line: block.line,
        skip: block.skip,
        calloutType: block.type,
      });
      const inner: LevelOf = (h) => ({ number: null, title: h.text, level: callout.level + h.depth });
      parent.children.push(built(callout, block.blocks, inner, new Map()));
    } else if (isBoldQuestion(block, blocks[i + 1])) {
      popBold();
      const question = block.markdown.trim().replace(/^(\*\*|__)([\s\S]*)\1(\s*[:：]?)$/, '$2$3');
      const bold = node({ kind: 'bold', number: null, title: block.text.trim(), question, level: top().level + 0.5, line: block.line, skip: block.skip });
      top().children.push(bold);
      stack.push(bold);
    } else {
      top().blocks.push(block);
    }
  });
  return root;
}

export interface DeckTree {
  readonly title: string;
  readonly root: NodeDraft;
}

/**
 * The outline of one note. `names` are the frontmatter title and the file name (without a date
 * prefix), which make the first heading the deck's own.
 */
export function deckTree(blocks: readonly Block[], frontmatterTitle: string | undefined, fileTitle: string): DeckTree {
  const names = [frontmatterTitle, fileTitle].filter((n): n is string => Boolean(n));
  const lead = leadingHeading(blocks, names);
  const leadBlock = lead === -1 ? undefined : blocks[lead];
  const rest = lead === -1 ? blocks : blocks.filter((_, i) => i !== lead);
  const headings = rest.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');
  const { levels, levelOfParts } = numbering(headings);
  const title = frontmatterTitle ?? (leadBlock?.kind === 'heading' ? leadBlock.text : fileTitle);
  const root = node({ kind: 'deck', number: null, title, level: 0, line: leadBlock?.line ?? 1, skip: leadBlock?.skip ?? false });
  return { title, root: built(root, rest, (_, i) => levels[i]!, levelOfParts) };
}
