/** How outline nodes are named in tables and exports. */
import type { Card, OutlineRef } from '../cards/card.js';

/** "1.2 Title", "Title", or "1.2" for an implicit chapter without a title. */
function outlineLabel(ref: OutlineRef | null | undefined): string {
  if (!ref) return '';
  return [ref.number, ref.title].filter((part) => part).join(' ');
}

export const chapterLabel = (card: Card): string => outlineLabel(card.chapter);

/** The card's own outline node. */
export const sectionLabel = (card: Card): string => outlineLabel(card.path[card.path.length - 1]);
