/**
 * One top-level bullet of a summary node → one card (DESIGN.md "Summary nodes"):
 * 1. `**bold**` / `==highlight==` spans become one cloze, unless they are most of the bullet or already in the
 *    breadcrumb;
 * 2. else a `term: definition` or `term - definition` separator splits front and back;
 * 3. else a leading code span is the cloze, or the front shows the opening words and `…`.
 * A bullet that is a label with a nested list (`Never use latest:` + items) is asked as that label first: its
 * list is the answer, which a cloze of the label would not ask for.
 */
import type { InlineCode, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import {
  CLOZE_GAP,
  codeRanges,
  highlightRanges,
  insideRanges,
  parseMarkdown,
  rangeOf,
  spliceRanges,
  visitNodes,
  type Range,
} from './inline-markup.js';
import { mappedOnce } from './mapped-once.js';
import { endsWithColon } from './short-lines.js';
import { containsTitleWord } from './title-words.js';
import { normalisedTitle } from './titles.js';
import { CJK_CLASS, countWords } from './words.js';

export { isSummaryTitle } from './title-words.js';

export interface BulletCard {
  /** Markdown. */
  readonly front: string;
  /** Markdown. */
  readonly back: string;
}

/** Hidden text at or above this share of the bullet's characters leaves nothing to recall it from. */
const MAX_HIDDEN_SHARE = 0.7;
const MAX_COLON_TERM_WORDS = 6;
const MIN_COLON_DEFINITION_WORDS = 2;
const MAX_DASH_TERM_WORDS = 3;
const MIN_WORDS = 4;
const MIN_OPENING_WORDS = 4;
const MAX_OPENING_WORDS = 6;
const MIN_HIDDEN_WORDS = 3;

/** Emphasis and code markers, dropped to measure a highlight's text. */
const EMPHASIS_MARKERS = /[*_`~]+/g;

const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
/** A CJK pair (two characters count as a word) or a run of anything else. */
const WORD_UNIT = new RegExp(`[${CJK_CLASS}]{1,2}|[^${CJK_CLASS}]+`, 'gu');

/** A bullet parsed once, with what every rule needs. */
interface Bullet {
  readonly source: string;
  readonly tree: Root;
  /** The bullet's own paragraph (its first block), null when it opens with something else. */
  readonly lead: Paragraph | null;
  readonly leadRange: Range;
  /** Code spans and blocks, which no cloze or separator rule looks inside. */
  readonly code: readonly Range[];
  /** Nested blocks after the lead, as source. */
  readonly rest: string;
  /** Characters of the whole bullet's plain text. */
  readonly plainChars: number;
  readonly words: number;
  /** Normalised breadcrumb titles. */
  readonly crumbs: readonly string[];
}

export function summaryBulletCard(markdown: string, breadcrumb: readonly string[]): BulletCard | null {
  const bullet = parsedBullet(markdown, breadcrumb);
  if (!bullet) return null;
  return (
    labelCard(bullet) ??
    spanClozeCard(bullet) ??
    separatorCard(bullet) ??
    leadingCodeCard(bullet) ??
    openingWordsCard(bullet)
  );
}

/** A breadcrumb normalised: every bullet of a summary shares its node's breadcrumb, so once per node. */
const crumbsOf = mappedOnce(normalisedTitle);

function parsedBullet(markdown: string, breadcrumb: readonly string[]): Bullet | null {
  const source = markdown.trim();
  if (!source) return null;
  const tree = parseMarkdown(source);
  const first = tree.children[0];
  const lead = first?.type === 'paragraph' ? first : null;
  const leadRange = lead ? rangeOf(lead) : { start: 0, end: 0 };
  const plain = toString(tree);
  return {
    source,
    tree,
    lead,
    leadRange,
    code: codeRanges(tree),
    rest: source.slice(leadRange.end).trim(),
    plainChars: [...plain].length,
    words: countWords(plain),
    crumbs: crumbsOf(breadcrumb),
  };
}

function leadSource(b: Bullet): string {
  return b.source.slice(b.leadRange.start, b.leadRange.end);
}

function inBreadcrumb(b: Bullet, text: string): boolean {
  const term = text.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  return term !== '' && b.crumbs.some((crumb) => containsTitleWord(crumb, term));
}

function tooMuchHidden(b: Bullet, hiddenChars: number): boolean {
  return hiddenChars >= MAX_HIDDEN_SHARE * b.plainChars;
}

/** A lead ending in `:`, or too short to be asked on its own, introduces its nested lines: they are the answer. */
function labelCard(b: Bullet): BulletCard | null {
  if (!b.lead || !b.rest) return null;
  const lead = leadSource(b);
  if (!endsWithColon(lead) && countWords(lead) >= MIN_WORDS) return null;
  return { front: lead, back: b.rest };
}

interface Span extends Range {
  readonly plain: string;
}

/** Outermost `**strong**` spans and `==highlight==` spans, in source order, none inside another. */
function emphasisSpans(b: Bullet): { strong: Span[]; highlight: Span[] } {
  const strong: Span[] = [];
  visitNodes(b.tree, (node) => {
    if (node.type !== 'strong') return true;
    strong.push({ ...rangeOf(node), plain: toString(node) });
    return false;
  });
  const highlight = highlightRanges(b.source, b.code).map((r) => ({
    ...r,
    plain: b.source.slice(r.start + 2, r.end - 2).replace(EMPHASIS_MARKERS, ''),
  }));
  return { strong, highlight };
}

function contains(outer: Range, inner: Range): boolean {
  return outer !== inner && outer.start <= inner.start && inner.end <= outer.end;
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Rule 1. The back shows the whole bullet, highlights turned bold so the answer stands out. */
function spanClozeCard(b: Bullet): BulletCard | null {
  const { strong, highlight } = emphasisSpans(b);
  const all = [...strong, ...highlight];
  const outermost = all.filter((s) => !all.some((o) => contains(o, s))).sort((x, y) => x.start - y.start);
  const hidden = outermost.filter((s) => s.plain.trim() && !inBreadcrumb(b, s.plain));
  if (hidden.length === 0) return null;
  const hiddenChars = hidden.reduce((sum, s) => sum + [...s.plain].length, 0);
  if (tooMuchHidden(b, hiddenChars)) return null;
  const back = spliceRanges(b.source, highlight, (h) => {
    const inner = b.source.slice(h.start + 2, h.end - 2);
    return strong.some((s) => overlaps(s, h)) ? inner : `**${inner}**`;
  });
  return { front: spliceRanges(b.source, hidden, () => CLOZE_GAP), back };
}

interface Separator extends Range {
  readonly kind: 'colon' | 'dash';
}

const COLON = /[:：]/g;
const DASH = /\s(?:--|[-–—])\s/g;

/** Separators at the top level of the lead (never inside code, links or emphasis), in source order. */
function separators(lead: Paragraph, source: string): Separator[] {
  const found: Separator[] = [];
  for (const child of lead.children) {
    const { start, end } = rangeOf(child);
    if (child.type === 'strong' && endsWithColon(toString(child))) {
      found.push({ kind: 'colon', start: end, end });
    }
    if (child.type !== 'text') continue;
    const text = source.slice(start, end);
    for (const m of text.matchAll(COLON)) {
      const after = text[m.index + 1] ?? source[end] ?? '';
      if (m[0] === '：' || after === '' || /\s/.test(after)) {
        found.push({ kind: 'colon', start: start + m.index, end: start + m.index + 1 });
      }
    }
    for (const m of text.matchAll(DASH)) {
      found.push({ kind: 'dash', start: start + m.index, end: start + m.index + m[0].length });
    }
  }
  return found.sort((x, y) => x.start - y.start);
}

function balanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/[([]/g) === count(/[)\]]/g);
}

/** Whether the lead before `end` is one code span or one bold span. */
function isCodeOrBold(lead: Paragraph, source: string, end: number): boolean {
  const before = lead.children.filter((c) => {
    const r = rangeOf(c);
    return r.end <= end && source.slice(r.start, r.end).trim() !== '';
  });
  return before.length === 1 && (before[0]?.type === 'inlineCode' || before[0]?.type === 'strong');
}

/** Rule 2. Front: the term; back: the definition (and any nested blocks). */
function separatorCard(b: Bullet): BulletCard | null {
  if (!b.lead) return null;
  for (const sep of separators(b.lead, b.source)) {
    const term = b.source.slice(b.leadRange.start, sep.start).trim();
    const definition = b.source.slice(sep.end, b.leadRange.end).trim();
    if (!term || !definition || !balanced(term)) continue;
    // Inline markup adds no whitespace, so the source has as many words as its plain text.
    const termWords = countWords(term);
    const definitionHasCode = b.code.some((c) => c.start >= sep.end);
    const fits =
      sep.kind === 'colon'
        ? termWords <= MAX_COLON_TERM_WORDS &&
          (countWords(definition) >= MIN_COLON_DEFINITION_WORDS || definitionHasCode)
        : termWords <= MAX_DASH_TERM_WORDS || isCodeOrBold(b.lead, b.source, sep.start);
    if (fits) return { front: term, back: [definition, b.rest].filter(Boolean).join('\n\n') };
  }
  return null;
}

/** Rule 3, first half: a bullet that opens with a code span asks for it. */
function leadingCodeCard(b: Bullet): BulletCard | null {
  const first = b.lead?.children[0];
  return first?.type === 'inlineCode' ? codeClozeCard(b, first) : null;
}

/** A cloze of one code span; the back is the whole bullet. */
function codeClozeCard(b: Bullet, code: InlineCode): BulletCard | null {
  if (inBreadcrumb(b, code.value) || tooMuchHidden(b, [...code.value].length)) return null;
  return { front: spliceRanges(b.source, [rangeOf(code)], () => CLOZE_GAP), back: b.source };
}

/** Word units with their source ranges: whitespace-separated tokens, CJK runs cut into pairs (see `countWords`). */
function wordUnits(text: string, offset: number): Range[] {
  const units: Range[] = [];
  for (const token of text.matchAll(/\S+/g)) {
    const start = offset + token.index;
    if (!CJK.test(token[0])) {
      units.push({ start, end: start + token[0].length });
      continue;
    }
    for (const part of token[0].matchAll(WORD_UNIT)) {
      units.push({ start: start + part.index, end: start + part.index + part[0].length });
    }
  }
  return units;
}

/** Colons in the lead's text (not in code or link targets) and its code spans. */
function leadMarks(b: Bullet, lead: Paragraph): { colons: number[]; code: InlineCode[] } {
  const colons: number[] = [];
  const code: InlineCode[] = [];
  visitNodes(lead, (node) => {
    const r = rangeOf(node);
    if (node.type === 'inlineCode') code.push(node);
    else if (node.type === 'text') {
      for (const m of b.source.slice(r.start, r.end).matchAll(COLON)) colons.push(r.start + m.index);
    }
  });
  return { colons, code };
}

/** Closing markers (`**`, `_`, `](url)`) of the inline spans a cut at `cut` leaves open, innermost first. */
function closingMarkers(b: Bullet, lead: Paragraph, cut: number): string {
  const open: string[] = [];
  visitNodes(lead, (node) => {
    if (node === lead || !('children' in node) || node.children.length === 0) return;
    const r = rangeOf(node);
    const last = node.children[node.children.length - 1];
    if (last && r.start < cut && cut < r.end) open.unshift(b.source.slice(rangeOf(last).end, r.end));
  });
  return open.join('');
}

/**
 * Rule 3, second half: the opening words, then `…`; the back is the whole bullet. The words stop before a
 * colon or a code span; when a code span stops them short (`The `ClusterIP` for a Service…`), the learner
 * could not tell what is asked, so that span becomes the cloze, as when the bullet opens with it.
 */
function openingWordsCard(b: Bullet): BulletCard | null {
  if (!b.lead || b.words < MIN_WORDS) return null;
  const lead = b.lead;
  const units = wordUnits(leadSource(b), b.leadRange.start);
  const wanted = Math.min(MAX_OPENING_WORDS, Math.max(MIN_OPENING_WORDS, Math.round(units.length / 3)));
  const lastShown = units[Math.min(wanted, units.length - MIN_HIDDEN_WORDS) - 1];
  if (!lastShown) return null;
  const { colons, code } = leadMarks(b, lead);
  const start = b.leadRange.start;
  const firstStop = Math.min(
    lastShown.end,
    ...colons,
    ...code.map((c) => rangeOf(c).start).filter((at) => at > start),
  );
  const stoppingCode = code.find((c) => rangeOf(c).start === firstStop);
  if (stoppingCode && units.filter((u) => u.end <= firstStop).length < MIN_OPENING_WORDS) {
    const cloze = codeClozeCard(b, stoppingCode);
    if (cloze) return cloze;
  }
  const leading = code.find((c) => rangeOf(c).start === start);
  let cut = leading && insideRanges(firstStop, [rangeOf(leading)]) ? rangeOf(leading).end : firstStop;
  while (cut > start && /[\s,;:：\-–—]/.test(b.source[cut - 1] ?? '')) cut -= 1;
  if (cut <= start) return null;
  return { front: `${b.source.slice(start, cut)}${closingMarkers(b, lead, cut)} …`, back: b.source };
}
