/**
 * Card identity (DESIGN.md, "Identity"): a short hash of the deck key, the kind and the card's
 * normalised text, with an occurrence counter for true duplicates, so editing one card leaves every
 * other id alone.
 */
import { createHash } from 'node:crypto';
import type { CardKind } from './card.js';
import { collapsedSpaces } from './words.js';

/** Whitespace collapsed, case folded, Unicode composed: edits that change nothing a learner sees change no id. */
function normalisedText(text: string): string {
  return collapsedSpaces(text.normalize('NFC')).trim().toLowerCase();
}

/** A card's kind and its texts as identity and dedupe compare them, each normalised once. */
export interface CardTexts {
  readonly kind: CardKind;
  readonly front: string;
  readonly prompt: string;
  readonly back: string;
}

export function cardTexts(card: { readonly kind: CardKind; readonly front: string; readonly prompt: string; readonly back: string }): CardTexts {
  return { kind: card.kind, front: normalisedText(card.front), prompt: normalisedText(card.prompt), back: normalisedText(card.back) };
}

const ID_CHARS = 12;

/** Ids of one deck's cards, in order. */
export function cardIds(deck: string, cards: readonly CardTexts[]): string[] {
  const seen = new Map<string, number>();
  return cards.map((card) => {
    const text = `${deck}\u0000${card.kind}\u0000${card.front}\u0000${card.back}`;
    const occurrence = seen.get(text) ?? 0;
    seen.set(text, occurrence + 1);
    const source = occurrence === 0 ? text : `${text}\u0000${occurrence}`;
    return createHash('sha256').update(source).digest('hex').slice(0, ID_CHARS);
  });
}

/** What makes two cards the same for dedupe: kind, front without breadcrumb, back. */
export function dedupeKey(card: CardTexts): string {
  return `${card.kind}\u0000${card.prompt}\u0000${card.back}`;
}
