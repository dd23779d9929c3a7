/**
 * A card as the review screen shows it: the breadcrumb for the header and the front without it. The
 * cards pipeline puts the breadcrumb on the first line of every front (DESIGN.md, "Breadcrumbs"), and
 * the header shows it too; drawn twice, the question would sit under a repeat of the header.
 */
import type { OutlineRef } from '../cards/card.js';
import type { ReviewItem } from './review-item.js';
import { sanitizeLine } from './sanitize.js';

export interface CardFace {
  /** `Deck › 1.2 Discovering RKE › Nodes (1/2)`: one line, sanitised. */
  readonly breadcrumb: string;
  /** The front's markdown below its breadcrumb (the whole front when it has none). */
  readonly front: string;
  /** The back's markdown, without a first block that repeats the front's last (a part's label line). */
  readonly back: string;
}

/** The part counter the shaping pass adds to a split card's breadcrumb: ` (1/3)`. */
export const PART_COUNTER = / \(\d+\/\d+\)$/;

/** Nodes with a title: an implicit chapter (a number with no heading) never shows in a breadcrumb. */
const titled = (path: readonly OutlineRef[]) => path.filter((ref) => ref.title !== '');

const crumbOf = (ref: OutlineRef, title = ref.title) => (ref.number ? `${ref.number} ${title}` : title);

/**
 * The breadcrumbs the card's first line may be, as the cards pipeline writes them (a title's trailing
 * colon dropped): the path, or the path without its own node (a bold question or a bare "Summary" is
 * not repeated), else the deck's title.
 */
function breadcrumbsOf(path: readonly OutlineRef[], deckTitle: string): Set<string> {
  const crumbs = titled(path).map((ref) => crumbOf(ref, ref.title.replace(/\s*[:：]$/, '')));
  const joined = (parts: readonly string[]) => (parts.length > 0 ? parts.join(' › ') : deckTitle);
  return new Set([joined(crumbs), joined(crumbs.slice(0, -1))].map(sanitizeLine));
}

/** The deck's title and the path: what the header shows when the front has no breadcrumb line. */
const pathBreadcrumb = (item: ReviewItem) =>
  [item.deckTitle, ...titled(item.card.path).map((ref) => crumbOf(ref))].map(sanitizeLine).join(' › ');

/**
 * `back` without its first block when that block is the front's last: a split card's label line is
 * its prompt and also opens its answer, and shown twice it reads as a stutter right under the divider.
 */
function backAfterPrompt(front: string, back: string): string {
  const prompt = front.split('\n\n').at(-1)?.trim();
  // The label's own lines, then a blank line or a list right under it.
  return prompt && back.startsWith(`${prompt}\n`) ? back.slice(prompt.length + 1).replace(/^\s*\n/, '') : back;
}

export function cardFace(item: ReviewItem): CardFace {
  const { front, back } = item.card;
  const end = front.indexOf('\n');
  const first = sanitizeLine(end === -1 ? front : front.slice(0, end)).trim();
  if (!breadcrumbsOf(item.card.path, item.deckTitle).has(first.replace(PART_COUNTER, ''))) {
    return { breadcrumb: pathBreadcrumb(item), front, back: backAfterPrompt(front, back) };
  }
  const deck = sanitizeLine(item.deckTitle);
  const question = end === -1 ? '' : front.slice(end + 1).replace(/^\s*\n/, '');
  return {
    // The front's line keeps the part counter ("(1/2)") that the path alone does not know.
    breadcrumb: first === deck ? deck : `${deck} › ${first}`,
    front: question,
    back: backAfterPrompt(question, back),
  };
}
