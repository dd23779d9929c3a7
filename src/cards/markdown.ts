/**
 * mdast-util-from-markdown (remark's parser, with GFM tables) over a note body. remark's time grows faster than linearly on one large
 * document, so a large body is parsed in pieces of about 64 kB cut at headings outside code and HTML
 * comments, each piece carrying the body's link and footnote definitions so `[text][5]` still resolves.
 * DESIGN.md asks for this over 1 MB; measured on a 450 kB note, 64 kB pieces already parse a third faster.
 */
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { markdownTree } from './fast-blocks.js';

// Of GFM, cards need tables only; the rest of remark-gfm (autolink literals above all) costs a third
// of the parse time. Bare URLs are still read as links by the noise rule.
const extensions = [gfmTable()];
const mdastExtensions = [gfmTableFromMarkdown()];

/** A parsed stretch of the body: its top-level nodes index into `text`; add `lineOffset` for file lines. */
export interface ParsedPiece {
  readonly text: string;
  readonly lineOffset: number;
  readonly nodes: readonly RootContent[];
  /** Link definitions by identifier, so a card can show `[text](url)` for `[text][5]`. */
  readonly definitions: ReadonlyMap<string, string>;
}

function definitionsOf(nodes: readonly RootContent[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const node of nodes) if (node.type === 'definition' && !map.has(node.identifier)) map.set(node.identifier, node.url);
  return map;
}

export const SPLIT_BYTES = 128_000;
const PIECE_CHARS = 64_000;

function micromarkTree(text: string): Root {
  return fromMarkdown(text, { extensions, mdastExtensions });
}

/** The block scanner builds what it is sure of and hands micromark the rest. */
function parsedMarkdown(text: string): Root {
  return markdownTree(text, true, micromarkTree);
}

/**
 * Fenced code, followed line by line: the fence open after `line` (null outside code) given the one open
 * before it. A line is outside code when both are null.
 */
export function fenceAfter(line: string, fence: string | null): string | null {
  const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
  if (!fence) return marker ?? null;
  return marker && marker[0] === fence[0] && marker.length >= fence.length ? null : fence;
}

interface LineScan {
  /** Line indexes of ATX headings outside code and comments. */
  readonly headings: number[];
  /** Link and footnote definition lines outside code and comments. */
  readonly definitions: string[];
}

function scannedLines(lines: readonly string[]): LineScan {
  const headings: number[] = [];
  const definitions: string[] = [];
  let fence: string | null = null;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const before = fence;
    fence = fenceAfter(line, fence);
    if (before || fence) continue;
    if (line.includes('<!--') && !line.slice(line.indexOf('<!--')).includes('-->')) inComment = true;
    else if (/^#{1,6}(\s|$)/.test(line)) headings.push(i);
    else if (/^ {0,3}\[[^\]\n]+\]:\s*\S/.test(line)) definitions.push(line);
  }
  return { headings, definitions };
}

/** Splits a body into pieces of about PIECE_CHARS, each starting at a heading. */
function pieces(text: string): { text: string; lineOffset: number; ownLines: number }[] {
  const lines = text.split('\n');
  const { headings, definitions } = scannedLines(lines);
  const appendix = definitions.length ? `\n\n${definitions.join('\n')}\n` : '';
  const result: { text: string; lineOffset: number; ownLines: number }[] = [];
  let start = 0;
  let size = 0;
  let h = 0;
  for (let i = 0; i <= lines.length; i++) {
    const atHeading = h < headings.length && headings[h] === i;
    if (atHeading) h += 1;
    if (i === lines.length || (atHeading && size >= PIECE_CHARS)) {
      result.push({ text: lines.slice(start, i).join('\n') + appendix, lineOffset: start, ownLines: i - start });
      start = i;
      size = 0;
    }
    if (i < lines.length) size += lines[i]!.length + 1;
  }
  return result;
}

/** Top-level nodes of a body, parsed whole or (over SPLIT_BYTES) piece by piece. */
export function parsedPieces(text: string): ParsedPiece[] {
  if (Buffer.byteLength(text) <= SPLIT_BYTES) {
    const nodes = parsedMarkdown(text).children;
    return [{ text, lineOffset: 0, nodes, definitions: definitionsOf(nodes) }];
  }
  return pieces(text).map((piece) => {
    const nodes = parsedMarkdown(piece.text).children;
    return {
      text: piece.text,
      lineOffset: piece.lineOffset,
      // The appended definitions only serve resolution: nodes past the piece's own lines are dropped.
      nodes: nodes.filter((node) => (node.position?.start.line ?? 0) <= piece.ownLines),
      definitions: definitionsOf(nodes),
    };
  });
}
