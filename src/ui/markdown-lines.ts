/**
 * Card markdown → styled terminal lines of at most `width` columns. Lines (not Ink elements) so the
 * card view can reserve space, scroll by line and know exactly how tall a card is.
 */
import type {
  BlockContent, Code, List, ListItem, PhrasingContent, Root, RootContent, Table, TableCell,
} from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { Paint } from './paint.js';
import { sanitize, sanitizeLine } from './sanitize.js';
import { stripStyles, visibleWidth, wrapStyled } from './wrap-styled.js';

const parser = remark().use(remarkGfm);

/**
 * One line of words and plain punctuation, which markdown parses to a paragraph of just that text:
 * nothing in it can start a block or mark up text (no markers, brackets, emphasis, code, escapes,
 * entities, HTML, tables, nor what GFM links by itself: `:`, `@`, `www.`). The questions recall writes
 * read like this, and rendering them without the parser puts the first card on screen sooner.
 */
const PLAIN_LINE = /^(?!.*www\.)\p{L}[\p{L}\p{N} ,.;?'"()-]*(?<! )$/iu;

/**
 * The lines of `markdown` rendered for a terminal `width` columns wide. Note text is sanitised before
 * parsing and every value again after it: character references (`&#x1b;`) decode to controls.
 */
export function markdownLines(markdown: string, width: number, paint: Paint): string[] {
  if (PLAIN_LINE.test(markdown)) return wrap(markdown, Math.max(width, 8));
  const tree = parser.parse(sanitize(markdown)) as Root;
  return blockLines(tree.children, Math.max(width, 8), paint);
}

/** Blocks separated by one blank line. */
function blockLines(nodes: readonly RootContent[], width: number, paint: Paint): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const lines = nodeLines(node, width, paint);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...lines);
  }
  return out;
}

function nodeLines(node: RootContent, width: number, paint: Paint): string[] {
  switch (node.type) {
    case 'paragraph':
      return wrap(inline(node.children, paint), width);
    case 'heading':
      return wrap(paint.bold(paint.accent(inline(node.children, paint))), width);
    case 'code':
      return codeBox(node, width, paint);
    case 'list':
      return listLines(node, width, paint);
    case 'blockquote':
      return blockLines(node.children, width - 2, paint).map((line) => `${paint.dim('│')} ${line}`);
    case 'table':
      return tableLines(node, width, paint);
    case 'thematicBreak':
      return [paint.dim('─'.repeat(Math.min(width, 40)))];
    case 'html':
      return isComment(node.value) ? [] : wrap(paint.dim(sanitize(node.value)), width);
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return [];
    default:
      return 'children' in node ? blockLines(node.children as RootContent[], width, paint) : [];
  }
}

const isComment = (html: string) => /^\s*<!--[\s\S]*-->\s*$/.test(html);

/** Wraps styled text; explicit newlines (hard breaks) are kept. */
function wrap(text: string, width: number): string[] {
  return text === '' ? [] : wrapStyled(text, width);
}

function inline(nodes: readonly PhrasingContent[], paint: Paint): string {
  return nodes.map((node) => phrasing(node, paint)).join('');
}

function phrasing(node: PhrasingContent, paint: Paint): string {
  switch (node.type) {
    case 'text':
      return sanitizeLine(node.value);
    case 'strong':
      return paint.bold(inline(node.children, paint));
    case 'emphasis':
      return paint.italic(inline(node.children, paint));
    case 'delete':
      return paint.strike(inline(node.children, paint));
    case 'inlineCode':
      return paint.code(sanitizeLine(node.value));
    case 'break':
      return '\n';
    case 'link': {
      const text = inline(node.children, paint);
      const url = sanitizeLine(node.url);
      const plainText = stripStyles(text);
      return plainText === url || plainText === '' ? paint.underline(url) : `${text} ${paint.dim(`(${url})`)}`;
    }
    case 'linkReference':
      return inline(node.children, paint);
    case 'image':
    case 'imageReference':
      return paint.dim(`[image${node.alt ? `: ${sanitizeLine(node.alt)}` : ''}]`);
    case 'footnoteReference':
      return paint.dim(`[^${sanitizeLine(node.label ?? node.identifier)}]`);
    case 'html':
      return isComment(node.value) ? '' : sanitizeLine(node.value);
    default:
      return '';
  }
}

/** A code block in a box, never re-wrapped: lines wider than the box are cut with `…`. */
function codeBox(node: Code, width: number, paint: Paint): string[] {
  const inner = Math.max(width - 4, 1);
  const lines = sanitize(node.value).split('\n');
  const label = node.lang ? ` ${sanitizeLine(node.lang)} ` : '';
  const boxWidth = Math.min(inner, Math.max(visibleWidth(label), ...lines.map((l) => visibleWidth(l))));
  const top = `┌─${label}${'─'.repeat(Math.max(boxWidth - visibleWidth(label), 0))}─┐`;
  const body = lines.map((line) => {
    const cut = truncate(line, boxWidth);
    return `${paint.dim('│')} ${paint.code(cut)}${' '.repeat(boxWidth - visibleWidth(cut))} ${paint.dim('│')}`;
  });
  return [paint.dim(top), ...body, paint.dim(`└${'─'.repeat(boxWidth + 2)}┘`)];
}

/** `text` cut to `width` columns, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (visibleWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

function listLines(list: List, width: number, paint: Paint): string[] {
  const start = list.start ?? 1;
  const markers = list.children.map((item, i) => itemMarker(list, item, start + i));
  const markerWidth = Math.max(...markers.map((m) => visibleWidth(m)));
  const out: string[] = [];
  list.children.forEach((item, i) => {
    const marker = markers[i]!.padEnd(markerWidth);
    const body = itemLines(item, width - markerWidth, paint, list.spread === true);
    if (list.spread && i > 0) out.push('');
    body.forEach((line, j) => out.push(`${j === 0 ? paint.dim(marker) : ' '.repeat(markerWidth)}${line}`));
    if (body.length === 0) out.push(paint.dim(marker));
  });
  return out;
}

function itemMarker(list: List, item: ListItem, n: number): string {
  const check = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
  return `${list.ordered ? `${n}.` : '•'} ${check}`;
}

/** A tight item's paragraphs and nested lists follow each other without blank lines. */
function itemLines(item: ListItem, width: number, paint: Paint, spread: boolean): string[] {
  if (spread) return blockLines(item.children, width, paint);
  return item.children.flatMap((child: BlockContent | RootContent) => nodeLines(child as RootContent, width, paint));
}

/** A grid when the columns fit; else each row as `Header: value` lines. */
function tableLines(table: Table, width: number, paint: Paint): string[] {
  const rows = table.children.map((row) => row.children.map((cell) => cellText(cell, paint)));
  const header = rows[0] ?? [];
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => visibleWidth(r[c] ?? ''))));
  const gridWidth = widths.reduce((a, b) => a + b, 0) + 3 * (columns - 1);
  if (gridWidth <= width) {
    const line = (cells: readonly string[]) =>
      widths.map((w, c) => pad(cells[c] ?? '', w)).join(` ${paint.dim('│')} `).trimEnd();
    const rule = paint.dim(widths.map((w) => '─'.repeat(w)).join('─┼─'));
    return [line(header.map((h) => paint.bold(h))), rule, ...rows.slice(1).map(line)];
  }
  const out: string[] = [];
  rows.slice(1).forEach((row, r) => {
    if (r > 0) out.push(paint.dim('─'.repeat(Math.min(width, 20))));
    row.forEach((cell, c) => {
      const label = header[c] ? `${paint.bold(header[c]!)}: ` : '';
      out.push(...wrap(`${label}${cell}`, width));
    });
  });
  return out;
}

const cellText = (cell: TableCell, paint: Paint) => inline(cell.children, paint).replace(/\n/g, ' ');

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(width - visibleWidth(text), 0));
