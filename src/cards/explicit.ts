/**
 * Explicit cards in one block's source, in the syntax of Obsidian Spaced Repetition (DESIGN.md "Explicit
 * cards"): `question :: answer` (`:::` adds the reversed card); a question, a line that is only `?` (`??`
 * reversed), then the answer up to a blank line; `==highlight==` clozes (all of a paragraph in one card) and
 * Anki's `{{c1::answer::hint}}` (one card per number). `::` inside code, or next to code-like text
 * (`map :: (a -> b)`), is no separator, so `std::vector` and `AWS::EC2::Volume` make no card.
 */
import {
  CLOZE_GAP,
  codeRanges,
  highlightRanges,
  insideRanges,
  parseMarkdown,
  spliceRanges,
  type Range,
} from './inline-markup.js';

export interface ExplicitCard {
  /** Markdown. */
  readonly front: string;
  /** Markdown. */
  readonly back: string;
  readonly kind: 'qa' | 'cloze';
  /** 0-based line range within the text that the card consumed. */
  readonly firstLine: number;
  readonly lastLine: number;
}

/** Cheap test before parsing: most blocks have none of the syntax. */
const MAYBE_EXPLICIT = /\s:::?\s|==|\{\{c\d|^[ \t>]*\?\??[ \t]*\r?$/m;

/** ` :: ` or ` ::: `, spaces required on both sides. */
const QA_SEPARATOR = /(?<=\s)(:::?)(?=\s)/g;

/** Text that reads as code, where `::` is a scope or type operator rather than a card. */
const CODE_LIKE = /->|=>|\(\)|\[\]|\{\}|<>/;

const ANKI_CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([^}]*?))?\}\}/g;

const QUOTE_MARKERS = /^[ \t]*(?:>[ \t]?)+/;
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/;

interface Line {
  readonly text: string;
  readonly start: number;
}

interface Cloze extends Range {
  /** The Anki number, or null for a highlight. */
  readonly number: number | null;
  readonly answer: string;
  readonly hint: string | null;
}

export function explicitCards(text: string): ExplicitCard[] {
  if (!MAYBE_EXPLICIT.test(text)) return [];
  const tree = parseMarkdown(text);
  const code = codeRanges(tree);
  const blocks = codeRanges(tree, 'blocks');
  const lines = splitLines(text);
  const used = new Set<number>();
  const clozes = clozesIn(text, code);
  const cards = [...questionCards(lines, { code, blocks, clozes }, used)];
  for (const [first, last] of unusedRuns(lines, used)) {
    const start = lines[first]!.start;
    const end = lines[last]!.start + lines[last]!.text.length;
    const inRun = clozes.filter((c) => c.start >= start && c.end <= end);
    cards.push(...clozeCards(text, inRun, start, end, first, last));
  }
  return cards.sort((a, b) => a.firstLine - b.firstLine);
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.replace(/\r$/, ''), start });
    start += raw.length + 1;
  }
  return lines;
}

/** A line's content: blockquote markers removed. */
function content(line: string): string {
  return line.replace(QUOTE_MARKERS, '');
}

function isBlank(line: Line): boolean {
  return content(line.text).trim() === '';
}

/** Lines as markdown: quote markers and the indentation they share removed. */
function joined(lines: readonly string[]): string {
  const contents = lines.map(content);
  const indents = contents.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const indent = Math.min(...indents);
  return contents
    .map((l) => l.slice(Math.min(indent, /^[ \t]*/.exec(l)![0].length)))
    .join('\n')
    .trim();
}

/** `text` (which starts at `offset` in the block) without its code. */
function withoutCode(text: string, offset: number, code: readonly Range[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (!insideRanges(offset + i, code)) out += text[i];
  return out;
}

/**
 * `question :: answer` on one line: the first separator outside code and clozes (`{{c1::a :: hint}}`), when
 * neither side reads as code.
 */
function qaOnLine(
  line: Line,
  code: readonly Range[],
  clozes: readonly Range[],
): { question: string; answer: string; reversed: boolean } | null {
  for (const m of line.text.matchAll(QA_SEPARATOR)) {
    if (insideRanges(line.start + m.index, code) || insideRanges(line.start + m.index, clozes)) continue;
    const before = line.text.slice(0, m.index);
    const after = line.text.slice(m.index + m[0].length);
    const question = content(before).replace(LIST_MARKER, '').trim();
    const answer = after.trim();
    if (!question || !answer) return null;
    if (CODE_LIKE.test(withoutCode(before, line.start, code))) return null;
    if (CODE_LIKE.test(withoutCode(after, line.start + m.index + m[0].length, code))) return null;
    return { question, answer, reversed: m[0] === ':::' };
  }
  return null;
}

function qaCards(
  question: string,
  answer: string,
  reversed: boolean,
  firstLine: number,
  lastLine: number,
): ExplicitCard[] {
  const card = { front: question, back: answer, kind: 'qa' as const, firstLine, lastLine };
  return reversed ? [card, { ...card, front: answer, back: question }] : [card];
}

/** Where syntax does not count: code (spans and blocks), code blocks alone, and clozes. */
interface Protected {
  readonly code: readonly Range[];
  readonly blocks: readonly Range[];
  readonly clozes: readonly Range[];
}

/** `::` lines and `?` / `??` cards, in line order; marks the lines they consume in `used`. */
function questionCards(lines: readonly Line[], marks: Protected, used: Set<number>): ExplicitCard[] {
  const cards: ExplicitCard[] = [];
  let questionStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = content(line.text).trim();
    if (marker === '' || insideRanges(line.start + line.text.search(/\S|$/), marks.blocks)) {
      if (marker === '') questionStart = i + 1;
      continue;
    }
    const qa = qaOnLine(line, marks.code, marks.clozes);
    if (qa) {
      cards.push(...qaCards(qa.question, qa.answer, qa.reversed, i, i));
      used.add(i);
      questionStart = i + 1;
      continue;
    }
    if (marker !== '?' && marker !== '??') continue;
    let answerEnd = i;
    while (answerEnd + 1 < lines.length && !isBlank(lines[answerEnd + 1]!)) answerEnd += 1;
    const question = joined(lines.slice(questionStart, i).map((l) => l.text));
    const answer = joined(lines.slice(i + 1, answerEnd + 1).map((l) => l.text));
    if (!question || !answer) continue;
    cards.push(...qaCards(question, answer, marker === '??', questionStart, answerEnd));
    for (let l = questionStart; l <= answerEnd; l++) used.add(l);
    i = answerEnd;
    questionStart = answerEnd + 1;
  }
  return cards;
}

/** Runs of consecutive non-blank lines that no question card consumed: the paragraphs clozes live in. */
function unusedRuns(lines: readonly Line[], used: ReadonlySet<number>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let first: number | null = null;
  lines.forEach((line, i) => {
    const free = !used.has(i) && !isBlank(line);
    if (free && first === null) first = i;
    if (!free && first !== null) {
      runs.push([first, i - 1]);
      first = null;
    }
  });
  if (first !== null) runs.push([first, lines.length - 1]);
  return runs;
}

/** Highlights and Anki clozes outside code, in source order. */
function clozesIn(text: string, code: readonly Range[]): Cloze[] {
  const clozes: Cloze[] = highlightRanges(text, code).map((r) => ({
    ...r,
    number: null,
    answer: text.slice(r.start + 2, r.end - 2),
    hint: null,
  }));
  for (const m of text.matchAll(ANKI_CLOZE)) {
    if (insideRanges(m.index, code) || /\n[ \t]*\n/.test(m[0])) continue;
    const r = { start: m.index, end: m.index + m[0].length };
    if (clozes.some((c) => c.start < r.end && r.start < c.end)) continue;
    clozes.push({ ...r, number: Number(m[1]), answer: m[2]!.trim(), hint: m[3]?.trim() || null });
  }
  return clozes.sort((a, b) => a.start - b.start);
}

/**
 * One card for the highlights of a paragraph, one per Anki number. The front hides the card's own spans
 * (`[…]`, or `[hint]`) and shows the others' answers; the back shows every answer, the card's own in bold.
 */
function clozeCards(
  text: string,
  clozes: readonly Cloze[],
  start: number,
  end: number,
  firstLine: number,
  lastLine: number,
): ExplicitCard[] {
  const targets = [...new Set(clozes.map((c) => c.number))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const local = clozes.map((c) => ({ ...c, start: c.start - start, end: c.end - start }));
  const source = text.slice(start, end);
  const render = (own: (c: Cloze) => string, target: number | null) =>
    joined(spliceRanges(source, local, (c) => (c.number === target ? own(c) : c.answer)).split('\n'));
  return targets.map((target) => ({
    front: render((c) => (c.hint ? `[${c.hint}]` : CLOZE_GAP), target),
    back: render((c) => `**${c.answer}**`, target),
    kind: 'cloze',
    firstLine,
    lastLine,
  }));
}
