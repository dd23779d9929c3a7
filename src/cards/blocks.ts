/**
 * Top-level mdast nodes → content blocks: each block keeps its markdown source (images as
 * `[image: alt]`, diagrams as `[diagram]`, HTML comments and attribute lists removed, lines that made
 * explicit cards left out), its plain text and its file line. Tool blocks, `<style>`/`<script>` and
 * comments are not content; `<!-- recall: skip -->` marks the block after it.
 */
import type { Nodes, RootContent, List, ListItem as MdListItem, Table, Code, Blockquote, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { explicitCards } from './explicit.js';
import { visitNodes } from './inline-markup.js';
import { parsedPieces, type ParsedPiece } from './markdown.js';
import { countWords } from './words.js';

/** An explicit card found in a block, with its file line. */
export interface ExplicitDraft {
  readonly front: string;
  readonly back: string;
  readonly line: number;
}

interface BlockBase {
  /** 1-based file line. */
  readonly line: number;
  /** Marked by `<!-- recall: skip -->`. */
  readonly skip: boolean;
  readonly explicit: readonly ExplicitDraft[];
}

export interface ListItem {
  readonly line: number;
  /** The item's source, marker included. */
  readonly markdown: string;
  /** The item's source without its marker, nested lines un-indented. */
  readonly body: string;
  readonly text: string;
  /** Plain text of the item's first paragraph. */
  readonly label: string;
  /** The item's first paragraph as markdown (inline code kept), for a front. */
  readonly labelMarkdown: string;
  readonly nested: { readonly markdown: string; readonly items: number; readonly words: number } | null;
  readonly onlyLinks: boolean;
}

export type Block =
  | (BlockBase & { readonly kind: 'heading'; readonly depth: number; readonly text: string })
  | (BlockBase & {
      readonly kind: 'paragraph' | 'quote';
      readonly markdown: string;
      readonly text: string;
      readonly onlyLinks: boolean;
      /** 'all': the paragraph is bold (optionally followed by `:`); 'lead': it opens with bold. */
      readonly bold: 'all' | 'lead' | null;
    })
  | (BlockBase & { readonly kind: 'list'; readonly ordered: boolean; readonly spread: boolean; readonly items: readonly ListItem[] })
  | (BlockBase & {
      readonly kind: 'code';
      /** Folded when the block is reference. */
      readonly markdown: string;
      readonly lines: number;
      /** Over CODE_FOLD_AFTER lines, or over a third of the card cap in characters: to look up, not to recall. */
      readonly reference: boolean;
    })
  | (BlockBase & {
      readonly kind: 'table';
      readonly markdown: string;
      readonly text: string;
      /** Header cells (plain), or null when the header row is empty. */
      readonly header: readonly string[] | null;
      /** Body rows, cells as markdown. */
      readonly rows: readonly (readonly string[])[];
      readonly onlyLinks: boolean;
    })
  | (BlockBase & { readonly kind: 'callout'; readonly type: string; readonly title: string; readonly blocks: readonly Block[] });

export const CODE_FOLD_AFTER = 25;
const CODE_FOLD_KEEP = 10;
const DIAGRAM_LANGS = new Set(['mermaid', 'plantuml', 'puml']);
const TOOL_LANGS = new Set(['dataview', 'dataviewjs', 'query', 'tasks']);
const SKIP_COMMENT = /^<!--\s*recall:\s*skip\s*-->$/i;
const ATTRIBUTE_LIST = /\{:?[ \t]*[#.][\w-]+(?:[ \t]+[#.]?[\w-]+(?:=[^}\s]+)?)*[ \t]*\}/g;
const FOOTNOTE_DEFINITION = /^\[\^[^\]\n]+\]:/;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()]+/g;
const CALLOUT_HEAD = /^[ \t]*>[ \t]*\[!([\w-]+)\][-+]?[ \t]*(.*)$/;

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The text replacing a span, padded with the newlines it covered so line numbers stay put. */
function lineKeeping(text: string, original: string): string {
  const newlines = original.split('\n').length - 1;
  return text.replace(/\n/g, ' ') + '\n'.repeat(newlines);
}

function replacementsIn(node: Nodes, source: string, definitions: ReadonlyMap<string, string>): Replacement[] {
  const result: Replacement[] = [];
  visitNodes(node, (child) => {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start === undefined || end === undefined || child === node) return true;
    if (child.type === 'image' || child.type === 'imageReference') {
      const alt = child.alt?.trim() || 'image';
      result.push({ start, end, text: lineKeeping(`[image: ${alt}]`, source.slice(start, end)) });
      return false;
    }
    if (child.type === 'linkReference' && definitions.has(child.identifier)) {
      // `[text][5]` shows as `[text](url)`: a card's back must read without the note's definitions.
      const first = child.children[0]?.position?.start.offset;
      const last = child.children[child.children.length - 1]?.position?.end.offset;
      const label = first !== undefined && last !== undefined ? source.slice(first, last) : (child.label ?? '');
      const original = source.slice(start, end);
      result.push({ start, end, text: lineKeeping(`[${label}](${definitions.get(child.identifier)})`, original) });
      return false;
    }
    if (child.type === 'html' && /^<!--[\s\S]*-->$/.test(child.value)) {
      result.push({ start, end, text: lineKeeping('', source.slice(start, end)) });
      return false;
    }
    return true;
  });
  return result.sort((a, b) => a.start - b.start);
}

/**
 * Source of a node with its replacements applied, minus the given 0-based relative lines. `replacements`
 * may be those of an enclosing node (found once for a list item and its nested list, a table and its cells).
 */
function renderedSource(
  node: Nodes,
  piece: ParsedPiece,
  dropLines: ReadonlySet<number> = new Set(),
  replacements: readonly Replacement[] = replacementsIn(node, piece.text, piece.definitions),
): string {
  const source = piece.text;
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  let out = '';
  let at = start;
  for (const r of replacements) {
    if (r.start < at || r.end > end) continue;
    out += source.slice(at, r.start) + r.text;
    at = r.end;
  }
  out += source.slice(at, end);
  out = out.replace(ATTRIBUTE_LIST, '');
  if (dropLines.size === 0) return out;
  return out
    .split('\n')
    .filter((_, i) => !dropLines.has(i))
    .join('\n');
}

function hasOnlyLinks(node: Nodes): boolean {
  let links = 0;
  let words = false;
  visitNodes(node, (child) => {
    if (child.type === 'link' || child.type === 'linkReference' || child.type === 'image' || child.type === 'imageReference') {
      links += 1;
      return false;
    }
    if (child.type === 'inlineCode' && /[\p{L}\p{N}]/u.test(child.value)) words = true;
    if (child.type === 'text') {
      const rest = child.value.replace(BARE_URL, () => {
        links += 1;
        return ' ';
      });
      if (/[\p{L}\p{N}]/u.test(rest)) words = true;
    }
    return true;
  });
  return links > 0 && !words;
}

function boldKind(p: Paragraph): 'all' | 'lead' | null {
  const [first, ...rest] = p.children;
  if (first?.type !== 'strong') return null;
  const after = rest.map((c) => toString(c)).join('');
  return /^\s*[:：]?\s*$/.test(after) ? 'all' : 'lead';
}

/** Explicit cards of one block source; returns the drafts and the relative lines they used. */
function explicitIn(source: string, firstLine: number): { drafts: ExplicitDraft[]; lines: Set<number> } {
  const drafts: ExplicitDraft[] = [];
  const lines = new Set<number>();
  if (!/::|\?|==|\{\{c\d/.test(source)) return { drafts, lines };
  for (const card of explicitCards(source)) {
    drafts.push({ front: card.front, back: card.back, line: firstLine + card.firstLine });
    for (let l = card.firstLine; l <= card.lastLine; l++) lines.add(l);
  }
  return { drafts, lines };
}

function unindented(text: string, width: number): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (i === 0) return line;
      const spaces = /^ */.exec(line)![0].length;
      return line.slice(Math.min(spaces, width));
    })
    .join('\n');
}

function listItem(item: MdListItem, piece: ParsedPiece, explicit: ExplicitDraft[]): ListItem | null {
  const source = piece.text;
  const line = item.position!.start.line + piece.lineOffset;
  const first = item.children[0];
  let drop = new Set<number>();
  let firstDrop = new Set<number>();
  if (first?.position) {
    const bodySource = source.slice(first.position.start.offset, item.position!.end.offset);
    const found = explicitIn(bodySource, first.position.start.line + piece.lineOffset);
    explicit.push(...found.drafts);
    const shift = first.position.start.line - item.position!.start.line;
    drop = new Set([...found.lines].map((l) => l + shift));
    firstDrop = found.lines;
  }
  const replacements = replacementsIn(item, source, piece.definitions);
  const markdown = renderedSource(item, piece, drop, replacements).replace(/\s+$/, '');
  if (!markdown.trim() || (drop.size > 0 && !/[\p{L}\p{N}]/u.test(markdown.replace(/^\s*([-*+]|\d+[.)])/, '')))) return null;
  const markerWidth = first?.position ? first.position.start.column - item.position!.start.column : markdown.length;
  const contentIndent = first?.position ? first.position.start.column - 1 : 0;
  const body = unindented(markdown.slice(Math.min(markerWidth, markdown.length)), contentIndent);
  const nestedList = item.children.find((c): c is List => c.type === 'list');
  const nested = nestedList
    ? {
        markdown: unindented(renderedSource(nestedList, piece, undefined, replacements), nestedList.position!.start.column - 1),
        items: nestedList.children.length,
        words: countWords(toString(nestedList)),
      }
    : null;
  return {
    line,
    markdown,
    body,
    text: toString(item),
    label: first?.type === 'paragraph' ? toString(first) : '',
    labelMarkdown: first?.type === 'paragraph' ? renderedSource(first, piece, firstDrop, replacements).replace(/\s*\n\s*/g, ' ').trim() : '',
    nested,
    onlyLinks: hasOnlyLinks(item),
  };
}

/**
 * The lines a folded block shows: its first CODE_FOLD_KEEP lines, then as many of them as fit in
 * `maxChars` (a first line longer than that is cut, ending in `…`).
 */
function foldedLines(lines: readonly string[], maxChars: number): string[] {
  const shown: string[] = [];
  let chars = 0;
  for (const line of lines.slice(0, CODE_FOLD_KEEP)) {
    if (chars + line.length + 1 > maxChars) {
      if (shown.length === 0) shown.push(`${line.slice(0, Math.max(1, maxChars - 2))} …`);
      break;
    }
    shown.push(line);
    chars += line.length + 1;
  }
  return shown;
}

/** `fence` + `lang`, `lines`, closing fence: a code block as markdown. */
function fenced(lang: string, lines: readonly string[], fence: string): string {
  return `${fence}${lang}\n${lines.join('\n')}\n${fence}`;
}

function codeBlock(code: Code, base: BlockBase, cardChars: number): Block | null {
  const lang = (code.lang ?? '').toLowerCase();
  if (TOOL_LANGS.has(lang)) return null;
  if (DIAGRAM_LANGS.has(lang)) return { ...base, kind: 'paragraph', markdown: '[diagram]', text: '[diagram]', onlyLinks: false, bold: null };
  const lines = code.value.split('\n');
  const fence = code.value.includes('```') ? '~~~' : '```';
  const whole = fenced(code.lang ?? '', lines, fence);
  // A block taking a third of a card (a 25-line transcript, a 300-character one-liner) cannot be recalled.
  const reference = lines.length > CODE_FOLD_AFTER || whole.length > cardChars / 3;
  if (!reference) return { ...base, kind: 'code', markdown: whole, lines: lines.length, reference };
  // Folded to a quarter of the cap, so its card keeps room for what explains it.
  const shown = foldedLines(lines, cardChars / 4);
  const more = lines.length - shown.length;
  const note = more > 0 ? `\n… ${more} more line${more === 1 ? '' : 's'}` : '';
  return { ...base, kind: 'code', markdown: `${fenced(code.lang ?? '', shown, fence)}${note}`, lines: lines.length, reference };
}

function tableBlock(table: Table, piece: ParsedPiece, base: BlockBase): Block {
  const replacements = replacementsIn(table, piece.text, piece.definitions);
  const cell = (c: Nodes) => renderedSource(c, piece, undefined, replacements).trim().replace(/^\|/, '').replace(/\|$/, '').trim();
  const [head, ...body] = table.children;
  const header = head ? head.children.map((c) => toString(c).trim()) : [];
  return {
    ...base,
    kind: 'table',
    markdown: renderedSource(table, piece, undefined, replacements),
    text: toString(table),
    header: header.some(Boolean) ? header : null,
    rows: body.map((row) => row.children.map(cell)),
    onlyLinks: hasOnlyLinks(table),
  };
}

function calloutBlock(quote: Blockquote, piece: ParsedPiece, base: BlockBase, cardChars: number): Block | null {
  const source = piece.text.slice(quote.position!.start.offset, quote.position!.end.offset);
  const lines = source.split('\n');
  const head = CALLOUT_HEAD.exec(lines[0]!);
  if (!head) return null;
  const inner = ['', ...lines.slice(1).map((l) => l.replace(/^[ \t]*>[ \t]?/, ''))].join('\n');
  return { ...base, kind: 'callout', type: head[1]!.toLowerCase(), title: head[2]!.replace(/[*_`]/g, '').trim(), blocks: blocksOf(inner, base.line - 1, cardChars) };
}

function htmlText(value: string): string {
  return value
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .trim();
}

function blockOf(node: RootContent, piece: ParsedPiece, skip: boolean, cardChars: number): Block | null {
  const line = node.position!.start.line + piece.lineOffset;
  switch (node.type) {
    case 'heading':
      return { line, skip, explicit: [], kind: 'heading', depth: node.depth, text: toString(node).replace(ATTRIBUTE_LIST, '').trim() };
    case 'paragraph': {
      const source = piece.text.slice(node.position!.start.offset, node.position!.end.offset);
      // A footnote definition (`[^1]: …`) belongs to the note's end matter, not to the section it ends up in.
      if (FOOTNOTE_DEFINITION.test(source)) return null;
      const found = explicitIn(source, line);
      const markdown = renderedSource(node, piece, found.lines).trim();
      const base = { line, skip, explicit: found.drafts };
      if (!markdown) return found.drafts.length ? { ...base, kind: 'paragraph', markdown: '', text: '', onlyLinks: false, bold: null } : null;
      const text = found.lines.size ? markdown : toString(node);
      return { ...base, kind: 'paragraph', markdown, text, onlyLinks: hasOnlyLinks(node), bold: boldKind(node) };
    }
    case 'list': {
      const explicit: ExplicitDraft[] = [];
      const items = node.children.map((item) => listItem(item, piece, explicit)).filter((i): i is ListItem => i !== null);
      return { line, skip, explicit, kind: 'list', ordered: node.ordered === true, spread: node.spread === true, items };
    }
    case 'code':
      return codeBlock(node, { line, skip, explicit: [] }, cardChars);
    case 'table':
      return tableBlock(node, piece, { line, skip, explicit: [] });
    case 'blockquote': {
      const base = { line, skip, explicit: [] };
      const callout = calloutBlock(node, piece, base, cardChars);
      if (callout) return callout;
      const markdown = renderedSource(node, piece).trim();
      return { ...base, kind: 'quote', markdown, text: toString(node), onlyLinks: hasOnlyLinks(node), bold: null };
    }
    case 'html': {
      const text = htmlText(node.value);
      return text ? { line, skip, explicit: [], kind: 'paragraph', markdown: text, text, onlyLinks: false, bold: null } : null;
    }
    default:
      return null;
  }
}

/**
 * Content blocks of a markdown text whose first line is file line `lineOffset + 1`; reference code blocks
 * are folded to fit a card of `cardChars` (`maxCardChars`).
 */
export function blocksOf(text: string, lineOffset: number, cardChars: number): Block[] {
  const blocks: Block[] = [];
  for (const piece of parsedPieces(text)) {
    const shifted = { ...piece, lineOffset: piece.lineOffset + lineOffset };
    let skipNext = false;
    for (const node of piece.nodes) {
      if (node.type === 'html' && SKIP_COMMENT.test(node.value.trim())) {
        skipNext = true;
        continue;
      }
      const block = blockOf(node, shifted, skipNext, cardChars);
      if (!block) continue;
      blocks.push(block);
      skipNext = false;
    }
  }
  return blocks;
}

function listMarkdown(items: readonly ListItem[], spread: boolean): string {
  return items.map((i) => i.markdown).join(spread ? '\n\n' : '\n');
}

/** A block's markdown as a card shows it. */
export function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return block.text;
    case 'list':
      return listMarkdown(block.items, block.spread);
    case 'callout':
      return block.blocks.map(blockMarkdown).join('\n\n');
    default:
      return block.markdown;
  }
}

/** A block's visible plain text. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return block.text;
    case 'list':
      return block.items.map((i) => i.text).join('\n');
    case 'code':
      return block.markdown;
    case 'callout':
      return block.blocks.map(blockText).join('\n');
    default:
      return block.text;
  }
}
