/**
 * A line-based block scanner in front of micromark. The body is cut into chunks at blank lines that
 * surely end every open block (outside fenced code and HTML blocks, before an unindented line that
 * starts no list item). The scanner builds the mdast of a chunk itself when it is sure of every line
 * (headings, paragraphs, tight or simply loose lists, fenced and indented code, tables, plain
 * blockquotes, HTML comments, with the inline syntax of fast-inline.ts); each run of chunks it is not
 * sure of goes to mdast-util-from-markdown, its positions shifted into place. The tree is the one
 * micromark gives for the whole text, positions included (test/cards/fast-markdown.test.ts proves it on
 * the corpus, the fixtures and the built-in deck); micromark costs about ten times as much per byte.
 */
import type { List, ListItem, Nodes, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Point } from 'unist';
import { phrasing, type Segment } from './fast-inline.js';

/** A line as a container sees it: its text (the container's prefix removed) and where that starts. */
interface Line extends Segment {}

interface Scan {
  readonly node: RootContent;
  /** Index of the first line after the block. */
  readonly next: number;
}

const ATX = /^(#{1,6})(?:( +)(.*))?$/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const MARKER = /^(?:([*+-])|(\d{1,9})([.)])) (?=[^ \t])/;
const ANY_MARKER = /^(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const DELIMITER_LIKE = /^[ \t|:-]*-[ \t|:-]*$/;
const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;
/**
 * Link (and footnote) definitions: a text that may hold one goes to micromark whole. A definition starts
 * a line, after any indent, `>` and list markers, with a label that holds no unescaped bracket (it may
 * span lines) and is followed by `:`. A `[…]:` later in a line (a log line, a terminal prompt) is none.
 * Each character of the prefix can match one way only, so a line of many markers is read once.
 */
const DEFINITION = /^(?:[ \t>]|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*\[(?:[^[\]\\]|\\[^])*\]:/m;
const HTML_START = /^ {0,3}<(!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?=[\s>]|$))/i;
const TRAILING_SPACE = /[ \t]$/;

const startOf = (l: Line, d = 0): Point => ({ line: l.line, column: l.column + d, offset: l.offset + d });
const endOf = (l: Line): Point => ({ line: l.line, column: l.column + l.text.length, offset: l.offset + l.text.length });
const sub = (l: Line, d: number): Line => ({ text: l.text.slice(d), offset: l.offset + d, line: l.line, column: l.column + d });
const isBlank = (text: string) => /^[ \t]*$/.test(text);

function indentOf(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 32) i += 1;
  return i;
}

/** A list item's marker when the scanner takes it: one space after it, content on the line. */
function markerOf(text: string): RegExpExecArray | null {
  return THEMATIC.test(text) ? null : MARKER.exec(text);
}

function heading(l: Line, i: number): Scan | null {
  const m = ATX.exec(l.text)!;
  const content = (m[3] ?? '').replace(/ +$/, '');
  if (content.includes('\t') || content.endsWith('#')) return null;
  const at = m[1]!.length + (m[2]?.length ?? 0);
  const children = content ? phrasing(withoutTrailingSpaces([sub(l, at)])) : [];
  if (!children) return null;
  return { node: { type: 'heading', depth: m[1]!.length as 1, children, position: { start: startOf(l), end: endOf(l) } }, next: i + 1 };
}

function fenced(lines: readonly Line[], i: number): Scan | null {
  const open = lines[i]!;
  const [, fence, rest] = FENCE_OPEN.exec(open.text)!;
  if ((fence![0] === '`' && rest!.includes('`')) || TRAILING_SPACE.test(rest!) || /[\\&]/.test(rest!)) return null;
  for (let j = i + 1; j < lines.length; j++) {
    const m = FENCE_CLOSE.exec(lines[j]!.text);
    if (!m || m[1]![0] !== fence![0] || m[1]!.length < fence!.length) continue;
    if (lines[j]!.text !== m[1]) return null;
    const info = rest!.replace(/^[ \t]+/, '');
    const space = info.search(/[ \t]/);
    const lang = space === -1 ? info : info.slice(0, space);
    const meta = space === -1 ? '' : info.slice(space).replace(/^[ \t]+/, '');
    const value = lines.slice(i + 1, j).map((l) => l.text).join('\n');
    const position = { start: startOf(open), end: endOf(lines[j]!) };
    return { node: { type: 'code', lang: lang || null, meta: meta || null, value, position }, next: j + 1 };
  }
  return null;
}

function indentedCode(lines: readonly Line[], i: number): Scan | null {
  let last = i;
  let j = i;
  for (; j < lines.length; j++) {
    const text = lines[j]!.text;
    if (text === '') continue;
    if (text.includes('\t')) return null;
    if (indentOf(text) < 4) break;
    last = j;
  }
  // Blank lines holding spaces, inside or after the block, may belong to it (at the end of the text they do).
  for (j = i; j < lines.length && (j <= last || isBlank(lines[j]!.text)); j++) if (lines[j]!.text !== '' && isBlank(lines[j]!.text)) return null;
  const value = lines.slice(i, last + 1).map((l) => l.text.slice(4)).join('\n');
  return { node: { type: 'code', lang: null, meta: null, value, position: { start: startOf(lines[i]!), end: endOf(lines[last]!) } }, next: last + 1 };
}

/** Whether a line inside a paragraph would end it (true), continue it (false) or is not sure (null). */
function interrupts(text: string): boolean | null {
  const s = indentOf(text);
  if (s >= 4) return false;
  const u = text.slice(s);
  if (ATX.test(u) || u[0] === '>') return true;
  if (/^(`{3,}|~{3,})/.test(u)) return u[0] === '~' || !/^`+[^`]*`/.test(u) ? true : null;
  if (u[0] === '<' || THEMATIC.test(u) || SETEXT.test(u) || DELIMITER_LIKE.test(u)) return null;
  if (ANY_MARKER.test(u)) {
    const m = markerOf(u);
    if (!m) return null;
    return m[1] !== undefined || m[2] === '1' ? true : null;
  }
  return false;
}

/**
 * Spaces ending a block's last line are part of the block but of no inline node (before the last line
 * they would make a line break, which the scanner leaves to micromark).
 */
function withoutTrailingSpaces(segments: readonly Segment[]): Segment[] {
  const last = segments[segments.length - 1]!;
  const text = last.text.replace(/ +$/, '');
  return text === last.text ? [...segments] : [...segments.slice(0, -1), { ...last, text }];
}

/** The paragraph starting on line `i`, after `indent` spaces. */
function paragraph(lines: readonly Line[], i: number, indent = 0): Scan | null {
  const segments: Segment[] = [sub(lines[i]!, indent)];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const text = lines[j]!.text;
    if (isBlank(text)) break;
    const stop = interrupts(text);
    if (stop === null) return null;
    if (stop) break;
    segments.push(sub(lines[j]!, indentOf(text)));
  }
  const last = segments.length - 1;
  if (segments.some((s, k) => (k < last && TRAILING_SPACE.test(s.text)) || s.text.includes('\t'))) return null;
  const children = phrasing(withoutTrailingSpaces(segments));
  if (!children) return null;
  const position = { start: startOf(segments[0]!), end: endOf(segments[last]!) };
  return { node: { type: 'paragraph', children, position }, next: j };
}

function blockquote(lines: readonly Line[], i: number, depth: number, tables: boolean): Scan | null {
  const inner: Line[] = [];
  let j = i;
  for (; j < lines.length; j++) {
    const l = lines[j]!;
    if (isBlank(l.text)) break;
    if (l.text[0] !== '>') return null;
    if (l.text[1] === '\t') return null;
    inner.push(sub(l, l.text[1] === ' ' ? 2 : 1));
  }
  const children = blocksOf(inner, depth + 1, tables);
  if (!children) return null;
  return { node: { type: 'blockquote', children: children as never, position: { start: startOf(lines[i]!), end: endOf(lines[j - 1]!) } }, next: j };
}

function htmlComment(lines: readonly Line[], i: number): Scan | null {
  const first = lines[i]!.text;
  if (first.startsWith('<!-->') || first.startsWith('<!--->')) return null;
  for (let j = i; j < lines.length; j++) {
    if (!lines[j]!.text.includes('-->', j === i ? 4 : 0)) continue;
    const value = lines.slice(i, j + 1).map((l) => l.text).join('\n');
    return { node: { type: 'html', value, position: { start: startOf(lines[i]!), end: endOf(lines[j]!) } }, next: j + 1 };
  }
  return null;
}

/** Offsets of a table row's pipes, or null when the row is not plainly `| a | b |`. */
function pipesOf(row: string): number[] | null {
  const text = row.replace(/ +$/, '');
  if (text[0] !== '|' || text[text.length - 1] !== '|' || text.length < 2 || /[\\\t]/.test(text)) return null;
  const pipes: number[] = [];
  for (let i = text.indexOf('|'); i !== -1; i = text.indexOf('|', i + 1)) pipes.push(i);
  return pipes;
}

function tableRow(l: Line, pipes: readonly number[]): TableRow | null {
  const cells: TableCell[] = [];
  for (let k = 0; k < pipes.length - 1; k++) {
    const from = pipes[k]!;
    const to = pipes[k + 1]!;
    let a = from + 1;
    let b = to;
    while (a < b && l.text[a] === ' ') a += 1;
    while (b > a && l.text[b - 1] === ' ') b -= 1;
    const children = a < b ? phrasing([{ text: l.text.slice(a, b), offset: l.offset + a, line: l.line, column: l.column + a }]) : [];
    if (!children) return null;
    const end = k === pipes.length - 2 ? endOf(l) : startOf(l, to);
    cells.push({ type: 'tableCell', children, position: { start: startOf(l, from), end } });
  }
  return { type: 'tableRow', children: cells, position: { start: startOf(l), end: endOf(l) } };
}

function table(lines: readonly Line[], i: number): Scan | null | 'no' {
  const head = pipesOf(lines[i]!.text);
  const delimiter = lines[i + 1] && pipesOf(lines[i + 1]!.text);
  if (!head || !delimiter) return 'no';
  const aligns = [];
  for (let k = 0; k < delimiter.length - 1; k++) {
    const m = DELIMITER_CELL.exec(lines[i + 1]!.text.slice(delimiter[k]! + 1, delimiter[k + 1]!));
    if (!m) return 'no';
    aligns.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null);
  }
  if (aligns.length !== head.length - 1) return null;
  const rows: TableRow[] = [];
  let j = i;
  for (; j < lines.length && !isBlank(lines[j]!.text); j = j === i ? i + 2 : j + 1) {
    const pipes = pipesOf(lines[j]!.text);
    if (!pipes || pipes.length !== head.length) return null;
    const row = tableRow(lines[j]!, pipes);
    if (!row) return null;
    rows.push(row);
  }
  const position = { start: startOf(lines[i]!), end: endOf(lines[j - 1]!) };
  return { node: { type: 'table', align: aligns as Table['align'], children: rows, position }, next: j };
}

/**
 * Whether a list item is spread: a blank line stands between two of its blocks. Null (not sure) for a
 * blank line inside a block or after a nested list or quote, which micromark counts its own way.
 */
function spreadOf(children: readonly RootContent[], itemLines: readonly Line[]): boolean | null {
  let spread = false;
  for (const l of itemLines) {
    if (!isBlank(l.text)) continue;
    const k = children.findIndex((c) => c.position!.start.line > l.line);
    const before = children[k - 1];
    if (k <= 0 || before!.position!.end.line >= l.line || before!.type === 'list' || before!.type === 'blockquote') return null;
    spread = true;
  }
  return spread;
}

function list(lines: readonly Line[], i: number, depth: number, tables: boolean, fresh: boolean): Scan | null {
  const first = markerOf(lines[i]!.text)!;
  if (first[2] !== undefined && first[2] !== '1' && !fresh) return null;
  const sameKind = (m: RegExpExecArray) => (first[1] !== undefined ? m[1] === first[1] : m[3] === first[3]);
  const items: ListItem[] = [];
  let spread = false;
  let k = i;
  for (;;) {
    const width = markerOf(lines[k]!.text)![0].length;
    const itemLines: Line[] = [sub(lines[k]!, width)];
    let j = k + 1;
    let nextItem = false;
    while (j < lines.length) {
      const text = lines[j]!.text;
      if (isBlank(text)) {
        let b = j;
        while (b < lines.length && isBlank(lines[b]!.text)) b += 1;
        if (b === lines.length) break;
        const after = lines[b]!.text;
        if (indentOf(after) >= width) {
          // The item goes on after the blank lines.
          for (; j < b; j++) itemLines.push(sub(lines[j]!, Math.min(width, lines[j]!.text.length)));
          continue;
        }
        const m = markerOf(after);
        if (m && sameKind(m)) {
          spread = true;
          nextItem = true;
          j = b;
        }
        break;
      }
      if (text.includes('\t')) return null;
      const s = indentOf(text);
      if (s >= width) {
        itemLines.push(sub(lines[j]!, width));
        j += 1;
        continue;
      }
      const m = s === 0 ? markerOf(text) : null;
      if (!m) return null;
      nextItem = sameKind(m);
      break;
    }
    const children = blocksOf(itemLines, depth + 1, tables);
    const itemSpread = children && spreadOf(children, itemLines);
    if (!children || itemSpread === null) return null;
    const position = { start: startOf(lines[k]!), end: endOf(itemLines[itemLines.length - 1]!) };
    items.push({ type: 'listItem', spread: itemSpread, checked: null, children: children as ListItem['children'], position });
    if (!nextItem) {
      const node: List = {
        type: 'list',
        ordered: first[2] !== undefined,
        start: first[2] !== undefined ? Number.parseInt(first[2], 10) : null,
        spread,
        children: items,
        position: { start: startOf(lines[i]!), end: position.end },
      };
      return { node, next: j };
    }
    k = j;
  }
}

/**
 * A block opening with spaces: indented code (in a container only after a blank line, as micromark
 * would not let it interrupt), or a paragraph whose first character starts no other block.
 */
function indented(lines: readonly Line[], i: number, depth: number): Scan | null {
  const text = lines[i]!.text;
  const indent = indentOf(text);
  if (indent >= 4) return depth === 0 || (i > 0 && isBlank(lines[i - 1]!.text)) ? indentedCode(lines, i) : null;
  const rest = text.slice(indent);
  if (/^[#`~><|*+\-_=\t]/.test(rest) || ANY_MARKER.test(rest)) return null;
  return paragraph(lines, i, indent);
}

/** The blocks of a container's lines, or null when any line is one the scanner is not sure of. */
function blocksOf(lines: readonly Line[], depth: number, tables: boolean): RootContent[] | null {
  const out: RootContent[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    const text = l.text;
    if (isBlank(text)) {
      i += 1;
      continue;
    }
    let scan: Scan | null;
    const c = text[0];
    // A block after a blank line (or opening the text) in no container: micromark lets a block that
    // follows another one "interrupt" it, which changes what an ordered list or a table may be.
    const fresh = depth === 0 && (i === 0 || isBlank(lines[i - 1]!.text));
    if (c === ' ') scan = indented(lines, i, depth);
    else if (c === '#' && ATX.test(text)) scan = heading(l, i);
    else if ((c === '`' || c === '~') && FENCE_OPEN.test(text)) scan = fenced(lines, i);
    else if (c === '>') scan = blockquote(lines, i, depth, tables);
    else if (c === '<') scan = text.startsWith('<!--') ? htmlComment(lines, i) : null;
    else if (text.includes('\t') || THEMATIC.test(text)) scan = null;
    else if (ANY_MARKER.test(text)) scan = markerOf(text) ? list(lines, i, depth, tables, fresh) : null;
    else {
      const t = c === '|' && tables ? (fresh ? table(lines, i) : null) : 'no';
      scan = t === 'no' ? paragraph(lines, i) : t;
    }
    if (!scan) return null;
    out.push(scan.node);
    i = scan.next;
  }
  return out;
}

/** The text's lines, each with its offset and 1-based line number. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let line = 1;
  for (;;) {
    const nl = text.indexOf('\n', offset);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(offset, end), offset, line, column: 1 });
    if (nl === -1) return lines;
    offset = nl + 1;
    line += 1;
  }
}

/** What closes an HTML block of kinds 1–5 opened by `m` (micromark reads to the line holding it). */
function htmlTerminator(m: RegExpExecArray): string {
  const opener = m[1]!.toLowerCase();
  if (opener === '!--') return '-->';
  if (opener === '?') return '?>';
  if (opener === '![cdata[') return ']]>';
  if (opener[0] === '!') return '>';
  return `</${opener}>`;
}

/**
 * [first, end) line ranges of the chunks: runs of lines between sure block boundaries, each with the blank
 * lines after it (an indented code block may take those that hold spaces).
 */
function chunksOf(lines: readonly Line[]): [number, number][] {
  const chunks: [number, number][] = [];
  let fence: string | null = null;
  let terminator: string | null = null;
  let start = -1;
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const blank = isBlank(text);
    if (fence !== null) {
      const m = FENCE_CLOSE.exec(text);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length) fence = null;
    } else if (terminator !== null) {
      if (text.toLowerCase().includes(terminator)) terminator = null;
    } else if (!blank) {
      const c = text.charCodeAt(0);
      if (start === -1) start = i;
      else if (previousBlank && c !== 32 && c !== 9 && !ANY_MARKER.test(text)) {
        chunks.push([start, i]);
        start = i;
      }
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(text);
      const h = f ? null : HTML_START.exec(text);
      if (f) fence = f[1]!;
      else if (h) {
        const end = htmlTerminator(h);
        if (!text.toLowerCase().includes(end, h[0].length)) terminator = end;
      }
    }
    previousBlank = blank;
  }
  if (start !== -1) chunks.push([start, lines.length]);
  return chunks;
}

/** Moves a tree parsed from a slice of the text to where the slice starts. */
function shifted(node: Nodes, lines: number, offset: number): void {
  const p = node.position;
  if (p) {
    node.position = {
      start: { line: p.start.line + lines, column: p.start.column, offset: (p.start.offset ?? 0) + offset },
      end: { line: p.end.line + lines, column: p.end.column, offset: (p.end.offset ?? 0) + offset },
    };
  }
  if ('children' in node) for (const child of node.children) shifted(child, lines, offset);
}

/**
 * The mdast of `text`, as `slow(text)` (mdast-util-from-markdown, with GFM tables when `tables`) gives
 * it; `slow` parses only the chunks the scanner is not sure of.
 */
export function markdownTree(text: string, tables: boolean, slow: (text: string) => Root): Root {
  // Definitions resolve across the whole text; micromark reads a lone CR as a line ending and NUL as U+FFFD.
  if (DEFINITION.test(text) || /[\r\0]/.test(text)) return slow(text);
  const lines = linesOf(text);
  const children: RootContent[] = [];
  let pending: [number, number] | null = null;
  const flush = () => {
    if (!pending) return;
    const first = lines[pending[0]]!;
    const from = first.offset;
    // With the next chunk's first line, which ends what is still open (an unclosed fence or comment in a
    // list item, and the blank lines after it) where the whole text ends it; the nodes it starts are dropped.
    const next = lines[pending[1]];
    const to = next ? next.offset : text.length;
    for (const node of slow(text.slice(from, next ? to + next.text.length : to)).children) {
      if (from + node.position!.start.offset! >= to) break;
      shifted(node, first.line - 1, from);
      children.push(node);
    }
    pending = null;
  };
  for (const [a, b] of chunksOf(lines)) {
    const nodes = blocksOf(lines.slice(a, b), 0, tables);
    if (nodes) {
      flush();
      children.push(...nodes);
    } else pending = pending ? [pending[0], b] : [a, b];
  }
  flush();
  const last = lines[lines.length - 1]!;
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(last) } };
}
