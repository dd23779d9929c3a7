/**
 * Shaping (DESIGN.md, "Shaping"): a node's content over the cap (`maxCardChars` characters or
 * `maxCardItems` top-level blocks: paragraphs and list items) becomes bullet-tree nodes and then parts of
 * even size, cut at block boundaries, never separating a label line from the block after it.
 */
import { blockMarkdown, type Block, type ListItem } from './blocks.js';
import { endsWithColon, introOf, isBoldLabel, isLabelLine, LABEL_WORDS } from './short-lines.js';
import { countWords } from './words.js';

export interface ShapeLimits {
  readonly maxCardChars: number;
  readonly maxCardItems: number;
}

/** A list item split off as its own node: front its label, back its nested list. */
export interface TreeNode {
  readonly label: string;
  readonly back: string;
  readonly line: number;
  /** The intro line of the list the item came from, shown as context. */
  readonly context: string | null;
}

export interface Part {
  /** The part's content; a label shown as the prompt of a label + code part is not repeated here. */
  readonly blocks: readonly Block[];
  /**
   * The label the part opens with, as markdown, for its front: a one-line paragraph ending in `:`, a short
   * bold label before a list or code, or any label line when the part is only it and a code block.
   */
  readonly label: string | null;
  /** The intro line of a list that began in an earlier part, repeated as context. */
  readonly context: string | null;
  /** The part is over the cap because a block in it cannot split (or by more than a merge allows). */
  readonly oversized: boolean;
}

export interface Shaped {
  readonly trees: readonly TreeNode[];
  readonly parts: readonly Part[];
}

const TREE_MIN_ITEMS = 2;
const TREE_MIN_WORDS = 12;
/** A part may pass the cap by a quarter after a small neighbour merged into it. */
const MERGE_SLACK = 1.25;

function charsOf(block: Block): number {
  return blockMarkdown(block).length;
}

/** Facts a block holds toward `maxCardItems`: a paragraph is one, a list one per item. */
function itemsOf(block: Block): number {
  if (block.kind === 'list') return block.items.length;
  return block.kind === 'paragraph' || block.kind === 'quote' ? 1 : 0;
}

function weightOf(chars: number, items: number, limits: ShapeLimits): number {
  return Math.max(chars / limits.maxCardChars, items / limits.maxCardItems);
}

function isTreeItem(item: ListItem): boolean {
  const labelled = countWords(item.label) <= LABEL_WORDS || endsWithColon(item.label);
  return labelled && item.nested !== null && item.nested.items >= TREE_MIN_ITEMS && item.nested.words >= TREE_MIN_WORDS;
}

/** A label line or a bold label: a cut just before one is preferred. */
function isCutLabel(block: Block | undefined): boolean {
  return isLabelLine(block) || isBoldLabel(block);
}

interface Unit {
  readonly blocks: Block[];
  readonly weight: number;
  /** Characters of the unit's longest block: over the cap, the unit cannot fit any part. */
  readonly longest: number;
  /** The unit opens with a label line or bold label. */
  readonly opensWithLabel: boolean;
  /** For a fragment of a split list: the list it came from and its intro line. */
  readonly list?: Block;
  readonly intro?: string | null;
}

/** Blocks as cut units: a long list becomes one unit per item; a label line joins the unit after it. */
function unitsOf(blocks: readonly Block[], limits: ShapeLimits): Unit[] {
  const units: Unit[] = [];
  let pending: Block[] = [];
  const push = (unit: Unit) => {
    if (pending.length) {
      const glued = pending;
      pending = [];
      const weight = glued.reduce((w, b) => w + weightOf(charsOf(b), itemsOf(b), limits), unit.weight);
      const longest = Math.max(unit.longest, ...glued.map(charsOf));
      units.push({ ...unit, blocks: [...glued, ...unit.blocks], weight, longest, opensWithLabel: isCutLabel(glued[0]) });
    } else units.push(unit);
  };
  blocks.forEach((block, i) => {
    const weight = weightOf(charsOf(block), itemsOf(block), limits);
    if (isLabelLine(block) && i < blocks.length - 1) {
      pending.push(block);
      return;
    }
    if (block.kind === 'list' && weight > 1 && block.items.length > 1) {
      const before = pending.length ? pending[pending.length - 1] : blocks[i - 1];
      const intro = introOf(before);
      for (const item of block.items) {
        const fragment: Block = { ...block, items: [item] };
        const chars = item.markdown.length + 1;
        push({ blocks: [fragment], weight: weightOf(chars, 1, limits), longest: chars, opensWithLabel: false, list: block, intro });
      }
      return;
    }
    push({ blocks: [block], weight, longest: charsOf(block), opensWithLabel: isCutLabel(block) });
  });
  if (pending.length) push({ blocks: [], weight: 0, longest: 0, opensWithLabel: false });
  return units;
}

/** Cut positions (unit indexes starting each later part) for `n` parts of even weight. */
function cuts(units: readonly Unit[], n: number): number[] {
  const total = units.reduce((w, u) => w + u.weight, 0);
  const even = total / n;
  const before: number[] = [0];
  for (const u of units) before.push(before[before.length - 1]! + u.weight);
  const result: number[] = [];
  let previous = 0;
  for (let k = 1; k < n; k++) {
    const ideal = k * even;
    let best = -1;
    let bestScore = Infinity;
    for (let j = previous + 1; j < units.length; j++) {
      const distance = Math.abs(before[j]! - ideal);
      if (before[j]! > ideal + even) break;
      // Within 25 % of even, a cut just before a label wins.
      const score = distance <= even / 4 && units[j]!.opensWithLabel ? distance - even : distance;
      if (score < bestScore) {
        bestScore = score;
        best = j;
      }
    }
    if (best === -1) break;
    result.push(best);
    previous = best;
  }
  return result;
}

/** A part's consecutive fragments of one list joined back into one list block. */
function joinedFragments(units: readonly Unit[]): Block[] {
  const blocks: Block[] = [];
  let lastList: Block | undefined;
  for (const unit of units) {
    for (const block of unit.blocks) {
      const previous = blocks[blocks.length - 1];
      if (unit.list && lastList === unit.list && previous?.kind === 'list' && block.kind === 'list') {
        blocks[blocks.length - 1] = { ...previous, items: [...previous.items, ...block.items] };
      } else blocks.push(block);
    }
    lastList = unit.list;
  }
  return blocks;
}

/** Groups of units, the parts too small (under a quarter of even) merged into their smaller neighbour. */
function grouped(units: readonly Unit[], at: readonly number[]): Unit[][] {
  const groups: Unit[][] = [];
  [0, ...at].forEach((start, k) => groups.push(units.slice(start, at[k] ?? units.length)));
  const weight = (g: readonly Unit[]) => g.reduce((w, u) => w + u.weight, 0);
  const even = weight(units) / groups.length;
  for (let i = 0; i < groups.length && groups.length > 1; ) {
    if (weight(groups[i]!) >= even / 4) {
      i += 1;
      continue;
    }
    const left = i > 0 ? weight(groups[i - 1]!) : Infinity;
    const right = i < groups.length - 1 ? weight(groups[i + 1]!) : Infinity;
    if (left <= right) groups.splice(i - 1, 2, [...groups[i - 1]!, ...groups[i]!]);
    else groups.splice(i, 2, [...groups[i]!, ...groups[i + 1]!]);
    i = Math.max(0, i - 1);
  }
  return groups;
}

/**
 * A part's front label and the blocks left for its back. Only a real label goes on a front: a short fact
 * with no closing period ("Top down approach", "Image: full path to image") is content, not a label.
 */
function labelled(blocks: readonly Block[]): { label: string | null; blocks: readonly Block[] } {
  const [first, next] = blocks;
  if (first?.kind !== 'paragraph') return { label: null, blocks };
  const markdown = first.markdown.trim();
  // A command under its label: the label asks for it, and only the command is the answer.
  if (blocks.length === 2 && next?.kind === 'code' && isLabelLine(first)) return { label: markdown, blocks: [next] };
  const colonLine = !markdown.includes('\n') && endsWithColon(markdown);
  const boldLabel = first.bold === 'all' && countWords(first.text) <= LABEL_WORDS && (next?.kind === 'list' || next?.kind === 'code');
  return { label: colonLine || boldLabel ? markdown : null, blocks };
}

function partOf(group: readonly Unit[], previous: readonly Unit[] | undefined, limits: ShapeLimits): Part {
  const first = group[0];
  const continued = first?.list !== undefined && previous?.some((u) => u.list === first.list) === true;
  const blocks = joinedFragments(group);
  // Only characters make a part too long to answer: a few items over the count after a merge do not.
  const chars = blocks.reduce((c, b) => c + charsOf(b), 0);
  return {
    ...labelled(blocks),
    context: continued ? (first.intro ?? null) : null,
    oversized: chars > MERGE_SLACK * limits.maxCardChars || group.some((u) => u.longest > limits.maxCardChars),
  };
}

/** Content that fits on one card: its label is a prompt only when the content is a command under it. */
function wholePart(blocks: readonly Block[]): Part {
  const { label, blocks: rest } = labelled(blocks);
  const command = label !== null && rest.length === 1 && rest[0]!.kind === 'code';
  return { label: command ? label : null, blocks: command ? rest : blocks, context: null, oversized: false };
}

/** Whether blocks fit on one card. */
function fits(blocks: readonly Block[], limits: ShapeLimits): boolean {
  const chars = blocks.reduce((c, b) => c + charsOf(b), 0);
  const items = blocks.reduce((c, b) => c + itemsOf(b), 0);
  return weightOf(chars, items, limits) <= 1;
}

/** Bullet-tree nodes and parts of a node's content. */
export function shaped(blocks: readonly Block[], limits: ShapeLimits): Shaped {
  if (fits(blocks, limits)) return { trees: [], parts: [wholePart(blocks)] };
  const trees: TreeNode[] = [];
  const rest: Block[] = [];
  for (const block of blocks) {
    if (block.kind !== 'list') {
      rest.push(block);
      continue;
    }
    const before = rest[rest.length - 1];
    const context = introOf(before);
    const kept = block.items.filter((item) => {
      if (!isTreeItem(item)) return true;
      trees.push({ label: item.labelMarkdown, back: item.nested!.markdown, line: item.line, context });
      return false;
    });
    if (kept.length) rest.push({ ...block, items: kept });
    // A list whose items all became nodes leaves its intro line on their fronts, with nothing left to introduce here.
    else if (context !== null) rest.pop();
  }
  if (rest.length === 0) return { trees, parts: [] };
  if (fits(rest, limits)) return { trees, parts: [wholePart(rest)] };
  const units = unitsOf(rest, limits);
  const n = Math.max(1, Math.ceil(units.reduce((w, u) => w + u.weight, 0)));
  const groups = grouped(units, cuts(units, n));
  return { trees, parts: groups.map((g, k) => partOf(g, groups[k - 1], limits)) };
}
