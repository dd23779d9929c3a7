/**
 * Inline markdown (a paragraph's, a heading's or a table cell's text) → the mdast phrasing nodes
 * mdast-util-from-markdown would give, for the inline syntax study notes use most: text, code spans,
 * `*emphasis*`, `**strong**` (or with `_`), `[links](url)` and `![images](url)`. Anything it is not sure
 * of (escapes, entities, HTML, runs of three delimiters or more, a run that could both open and close, a
 * `*` closing a `**` or an `_`, reference links, titles…) makes it answer null, and the caller hands the
 * whole block to micromark. The differential test holds it to identity.
 */
import type { Emphasis, Image, Link, PhrasingContent, Strong, Text } from 'mdast';
import type { Point, Position } from 'unist';

/** One line of the inline text: its content (indentation already stripped) and where it starts in the file. */
export interface Segment {
  readonly text: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Where index `i` of the segments joined by `\n` is in the source. */
class SegmentPoints {
  private readonly starts: number[] = [];
  readonly text: string;

  constructor(private readonly segments: readonly Segment[]) {
    let at = 0;
    for (const s of segments) {
      this.starts.push(at);
      at += s.text.length + 1;
    }
    this.text = segments.length === 1 ? segments[0]!.text : segments.map((s) => s.text).join('\n');
  }

  /** Index of the segment holding index `i` (a binary search: a paragraph may have thousands of lines). */
  private segmentAt(i: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! > i) high = mid - 1;
      else low = mid;
    }
    return low;
  }

  point(i: number): Point {
    const k = this.segmentAt(i);
    const s = this.segments[k]!;
    const d = i - this.starts[k]!;
    return { line: s.line, column: s.column + d, offset: s.offset + d };
  }

  /** Like `point`, but an end just after a line ending is where that ending's line starts (as micromark has it). */
  endPoint(i: number): Point {
    const k = this.segmentAt(i);
    if (k === 0 || this.starts[k] !== i) return this.point(i);
    const before = this.segments[k - 1]!;
    return { line: this.segments[k]!.line, column: 1, offset: before.offset + before.text.length + 1 };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.endPoint(end) };
  }
}

type Token =
  | { readonly kind: 'text'; readonly start: number; readonly end: number }
  | { readonly kind: 'code'; readonly start: number; readonly end: number; readonly value: string }
  /** A `*` or `_` (emphasis) or `**` or `__` (strong) run that can only open, or only close. */
  | { readonly kind: 'open' | 'close'; readonly start: number; readonly end: number; readonly marker: string }
  | { kind: 'bracket'; readonly start: number; readonly end: number; readonly image: boolean; link: boolean }
  | { readonly kind: 'linkEnd'; readonly start: number; readonly end: number; readonly url: string };

const SPECIAL = /[`*[\]!\\<&_]/g;
const WHITESPACE = /\s/;
const PUNCTUATION = /\p{P}|\p{S}/u;

/** micromark's character classes for flanking: 1 whitespace (or a line edge), 2 punctuation, 0 other; -1 unsure. */
function classOf(text: string, i: number): number {
  if (i < 0 || i >= text.length) return 1;
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdfff) return -1;
  const c = text[i]!;
  if (WHITESPACE.test(c)) return 1;
  return PUNCTUATION.test(c) ? 2 : 0;
}

/** A run of `ch` starting at `i`: its length. */
function runLength(text: string, i: number, ch: string): number {
  let j = i;
  while (text[j] === ch) j += 1;
  return j - i;
}

/** The code span opening with the backtick run at `i`, or null when no run of the same length closes it. */
function codeSpan(text: string, i: number, run: number): { end: number; value: string } | null | 'multiline' {
  for (let j = text.indexOf('`', i + run); j !== -1; ) {
    const closing = runLength(text, j, '`');
    if (closing === run) {
      const raw = text.slice(i + run, j);
      if (raw.includes('\n')) return 'multiline';
      const strip = raw[0] === ' ' && raw[raw.length - 1] === ' ' && /[^ ]/.test(raw);
      return { end: j + run, value: strip ? raw.slice(1, -1) : raw };
    }
    j = text.indexOf('`', j + closing);
  }
  return null;
}

/** The tokens of `text`, or null when it holds syntax this parser leaves to micromark. */
function tokens(text: string): Token[] | null {
  const out: Token[] = [];
  let textStart = 0;
  const flush = (end: number) => {
    if (end > textStart) out.push({ kind: 'text', start: textStart, end });
  };
  // `[` and `![` not closed yet, with how many links were made before each: a `[` around a link made since
  // can no longer make one, as links hold no links.
  const openBrackets: { readonly token: Extract<Token, { kind: 'bracket' }>; readonly linksBefore: number }[] = [];
  let links = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m; m = SPECIAL.exec(text)) {
    const i = m.index;
    const c = text[i]!;
    let next = i + 1;
    switch (c) {
      case '`': {
        const run = runLength(text, i, '`');
        const span = codeSpan(text, i, run);
        if (span === 'multiline') return null;
        next = i + run;
        if (span) {
          flush(i);
          out.push({ kind: 'code', start: i, end: span.end, value: span.value });
          textStart = next = span.end;
        }
        break;
      }
      case '*':
      case '_': {
        const run = runLength(text, i, c);
        if (run > 2) return null;
        const before = classOf(text, i - 1);
        const after = classOf(text, i + run);
        if (before < 0 || after < 0) return null;
        const left = after !== 1 && (after !== 2 || before !== 0);
        const right = before !== 1 && (before !== 2 || after !== 0);
        next = i + run;
        if (left && right) {
          // An `_` inside a word (snake_case) neither opens nor closes: it is text.
          if (c === '_' && before === 0 && after === 0) break;
          return null;
        }
        if (left || right) {
          flush(i);
          out.push({ kind: left ? 'open' : 'close', start: i, end: next, marker: c });
          textStart = next;
        }
        break;
      }
      case '!':
      case '[': {
        const image = c === '!';
        if (image && text[i + 1] !== '[') break;
        flush(i);
        next = i + (image ? 2 : 1);
        const bracket = { kind: 'bracket' as const, start: i, end: next, image, link: false };
        out.push(bracket);
        openBrackets.push({ token: bracket, linksBefore: links });
        textStart = next;
        break;
      }
      case ']': {
        const opener = openBrackets.pop();
        if (!opener || (!opener.token.image && opener.linksBefore < links)) break;
        if (text[i + 1] === '[') return null;
        if (text[i + 1] !== '(') break;
        const close = text.indexOf(')', i + 2);
        if (close <= i + 2) return null;
        const url = text.slice(i + 2, close);
        if (/[\s()<>`*[\]!\\&]/.test(url)) return null;
        opener.token.link = true;
        if (!opener.token.image) links += 1;
        flush(i);
        out.push({ kind: 'linkEnd', start: i, end: close + 1, url });
        textStart = next = close + 1;
        SPECIAL.lastIndex = next;
        continue;
      }
      case '&':
        if (/[#A-Za-z]/.test(text[i + 1] ?? '')) return null;
        break;
      default:
        return null;
    }
    SPECIAL.lastIndex = next;
  }
  flush(text.length);
  return out;
}

/** What a delimiter run makes: one `*` or `_` emphasis, two strong. */
const delimited = (run: { readonly start: number; readonly end: number }) => (run.end - run.start === 1 ? 'emphasis' : 'strong');

interface Frame {
  readonly kind: 'root' | 'emphasis' | 'strong' | 'link' | 'image';
  readonly start: number;
  readonly children: PhrasingContent[];
}

/**
 * The tokens with each run that finds no partner turned into text, as CommonMark has it: a closer takes
 * the nearest unmatched opener (no run both opens and closes, so that is the whole rule), and the
 * delimiters inside a link's text pair only among themselves. Null when that opener's run is not of the
 * closer's marker (CommonMark then looks further back) or not as long (it then takes part of the longer
 * run): those are left to micromark.
 */
function paired(list: readonly Token[]): Token[] | null {
  const out = [...list];
  const openers: number[] = [];
  const scopes: number[] = [];
  const literal = (k: number) => {
    out[k] = { kind: 'text', start: out[k]!.start, end: out[k]!.end };
  };
  const closeScope = (bottom: number) => {
    while (openers.length > bottom) literal(openers.pop()!);
  };
  for (let k = 0; k < out.length; k++) {
    const token = out[k]!;
    if (token.kind === 'open') openers.push(k);
    else if (token.kind === 'close') {
      if (openers.length <= (scopes[scopes.length - 1] ?? 0)) literal(k);
      else {
        const opener = out[openers.pop()!] as typeof token;
        if (opener.marker !== token.marker || opener.end - opener.start !== token.end - token.start) return null;
      }
    } else if (token.kind === 'bracket' && token.link) scopes.push(openers.length);
    else if (token.kind === 'linkEnd') closeScope(scopes.pop()!);
  }
  closeScope(0);
  return out;
}

/** The phrasing nodes of `segments` as mdast-util-from-markdown builds them, or null when unsure. */
export function phrasing(segments: readonly Segment[]): PhrasingContent[] | null {
  const points = new SegmentPoints(segments);
  const text = points.text;
  const raw = tokens(text);
  if (!raw) return null;
  const list = paired(raw);
  if (!list) return null;
  const stack: Frame[] = [{ kind: 'root', start: 0, children: [] }];
  const top = () => stack[stack.length - 1]!;
  const addText = (start: number, end: number) => {
    const children = top().children;
    const last = children[children.length - 1];
    if (last?.type === 'text' && last.position!.end.offset === points.endPoint(start).offset) {
      last.value += text.slice(start, end);
      last.position!.end = points.endPoint(end);
      return;
    }
    children.push({ type: 'text', value: text.slice(start, end), position: points.position(start, end) } satisfies Text);
  };
  for (const token of list) {
    switch (token.kind) {
      case 'text':
        addText(token.start, token.end);
        break;
      case 'code':
        top().children.push({ type: 'inlineCode', value: token.value, position: points.position(token.start, token.end) });
        break;
      case 'open':
        stack.push({ kind: delimited(token), start: token.start, children: [] });
        break;
      case 'close': {
        const frame = stack.pop()!;
        const kind = delimited(token);
        if (frame.kind !== kind) return null;
        const position = points.position(frame.start, token.end);
        top().children.push(kind === 'emphasis' ? ({ type: 'emphasis', children: frame.children, position } satisfies Emphasis) : ({ type: 'strong', children: frame.children, position } satisfies Strong));
        break;
      }
      case 'bracket':
        if (token.link) stack.push({ kind: token.image ? 'image' : 'link', start: token.start, children: [] });
        else addText(token.start, token.end);
        break;
      case 'linkEnd': {
        const frame = stack.pop()!;
        const position = points.position(frame.start, token.end);
        if (frame.kind === 'link') {
          top().children.push({ type: 'link', title: null, url: token.url, children: frame.children, position } satisfies Link);
        } else if (frame.kind === 'image') {
          if (frame.children.some((c) => c.type !== 'text')) return null;
          const alt = frame.children.map((c) => (c as Text).value).join('');
          top().children.push({ type: 'image', title: null, url: token.url, alt, position } satisfies Image);
        } else return null;
        break;
      }
    }
  }
  return stack.length === 1 ? stack[0]!.children : null;
}
