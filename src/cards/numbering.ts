/**
 * The numbering rule (DESIGN.md, "Outline nodes"): which numbered headings count as section numbers,
 * and the effective level of each heading.
 */
import { numberedTitle } from './titles.js';

export interface HeadingLevel {
  /** The section number when it counts; null for unnumbered headings and local lists. */
  readonly number: string | null;
  readonly title: string;
  /** Effective level: the markdown level most used by numbers with as many parts, else the markdown level. */
  readonly level: number;
}

function mostUsed(depths: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const d of depths) counts.set(d, (counts.get(d) ?? 0) + 1);
  let best = depths[0]!;
  for (const [depth, n] of counts) if (n > counts.get(best)! || (n === counts.get(best)! && depth < best)) best = depth;
  return best;
}

export interface Numbering {
  /** One per heading, in order. */
  readonly levels: readonly HeadingLevel[];
  /** Effective level of numbers by their count of parts. */
  readonly levelOfParts: ReadonlyMap<number, number>;
}

/** Levels of a file's headings; `headings` are their markdown depths and plain texts, in order. */
export function numbering(headings: readonly { readonly depth: number; readonly text: string }[]): Numbering {
  const parsed = headings.map((h) => numberedTitle(h.text));
  const counted: boolean[] = [];
  // The shallowest markdown depth of a counted number in the current chapter.
  let chapterDepth: number | null = null;
  headings.forEach(({ depth }, i) => {
    const number = parsed[i]!.number;
    if (number === null) {
      if (chapterDepth !== null && depth < chapterDepth) chapterDepth = null;
      counted.push(false);
    } else if (number.includes('.')) {
      counted.push(true);
      chapterDepth = Math.min(chapterDepth ?? depth, depth);
    } else if (chapterDepth !== null && depth > chapterDepth) {
      counted.push(false);
    } else {
      counted.push(true);
      chapterDepth = depth;
    }
  });
  const depthsByParts = new Map<number, number[]>();
  headings.forEach(({ depth }, i) => {
    if (!counted[i]) return;
    const parts = parsed[i]!.number!.split('.').length;
    const depths = depthsByParts.get(parts);
    if (depths) depths.push(depth);
    else depthsByParts.set(parts, [depth]);
  });
  const effective = new Map([...depthsByParts].map(([parts, depths]) => [parts, mostUsed(depths)]));
  const levels = headings.map(({ depth, text }, i): HeadingLevel => {
    if (!counted[i]) return { number: null, title: text.trim(), level: depth };
    const { number, title } = parsed[i]!;
    return { number, title, level: effective.get(number!.split('.').length)! };
  });
  return { levels, levelOfParts: effective };
}
