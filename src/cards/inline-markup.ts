/**
 * Inline markup of a small piece of markdown source (a bullet, a paragraph): its syntax tree, where its code
 * is and where its `==highlights==` are. Offsets are into the source, so callers can cut and splice it.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { markdownTree } from './fast-blocks.js';
import type { Nodes, Root } from 'mdast';

/** What a cloze front shows in place of a hidden span. */
export const CLOZE_GAP = '[…]';

/** A half-open source range [start, end). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * A small piece of markdown (a bullet, a paragraph) parsed, without GFM: a piece holds no table, and GFM's
 * autolink literals would cost a third of the time, and are not needed: a URL's colon has no space after it.
 */
export function parseMarkdown(source: string): Root {
  return markdownTree(source, false, fromMarkdown);
}

/**
 * Calls `enter` on `node` and its descendants in document order; `enter` returning false skips a node's
 * children. A plain recursion: unist-util-visit's generality cost a fifth of the parse time.
 */
export function visitNodes(node: Nodes, enter: (node: Nodes) => boolean | void): void {
  if (enter(node) === false || !('children' in node)) return;
  for (const child of node.children) visitNodes(child, enter);
}

/** Source range of a parsed node (every node parsed from a string has a position). */
export function rangeOf(node: Nodes): Range {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** Source ranges of inline code spans and code blocks (or only the blocks), in source order. */
export function codeRanges(tree: Root, only?: 'blocks'): Range[] {
  const ranges: Range[] = [];
  visitNodes(tree, (node) => {
    if (node.type === 'code' || (node.type === 'inlineCode' && only !== 'blocks')) ranges.push(rangeOf(node));
  });
  return ranges;
}

export function insideRanges(offset: number, ranges: readonly Range[]): boolean {
  return ranges.some((r) => offset >= r.start && offset < r.end);
}

/** Characters that stop `==` from being a highlight marker: it is an arrow or a comparison (`==>`, `<==`, `===`). */
const ARROWISH = /[=<>]/;

/**
 * `==highlight==` spans (Obsidian) outside code: the whole span including both markers. A marker touching
 * `<`, `>` or `=` is no marker; an opener must be followed, and a closer preceded, by a non-space; a highlight
 * never crosses a blank line.
 */
export function highlightRanges(source: string, code: readonly Range[]): Range[] {
  const markers: number[] = [];
  for (let i = source.indexOf('=='); i !== -1; i = source.indexOf('==', i + 1)) {
    const touching = ARROWISH.test(source[i - 1] ?? '') || ARROWISH.test(source[i + 2] ?? '');
    if (!touching && !insideRanges(i, code)) markers.push(i);
  }
  const ranges: Range[] = [];
  let open: number | null = null;
  for (const at of markers) {
    if (open === null) {
      if (/\S/.test(source[at + 2] ?? '')) open = at;
      continue;
    }
    const inner = source.slice(open + 2, at);
    if (/\n[ \t]*\n/.test(inner)) {
      open = /\S/.test(source[at + 2] ?? '') ? at : null;
    } else if (/\S$/.test(inner)) {
      ranges.push({ start: open, end: at + 2 });
      open = null;
    }
  }
  return ranges;
}

/** Replaces source ranges (sorted, not overlapping) with what `replacement` gives for each. */
export function spliceRanges<R extends Range>(source: string, ranges: readonly R[], replacement: (r: R) => string): string {
  let out = '';
  let from = 0;
  for (const r of ranges) {
    out += source.slice(from, r.start) + replacement(r);
    from = r.end;
  }
  return out + source.slice(from);
}
