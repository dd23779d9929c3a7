/**
 * Relinking: when a card with history disappears from the notes and a very similar card appears in the
 * same deck (a typo fix, a reworded fact, a moved part boundary), its history moves to the new card.
 *
 * The rule: token-set Jaccard similarity (shared tokens / all tokens) of the old card's recorded text and
 * the new card's normalised front + back, at least `RELINK_THRESHOLD`; tokens are lower-cased words, and
 * single characters in CJK text. Pairs are matched one to one, best score first, so two edited cards never
 * compete for one history and an unrelated card (which shares only common words) never takes one.
 */
import type { Card } from '../cards/card.js';
import type { CardText } from './replay.js';

export const RELINK_THRESHOLD = 0.6;

/** Longest `card` event text, in UTF-8 bytes (a log line stays under 4 KiB). */
const MAX_TEXT_BYTES = 1024;

/** A card's normalised front + back: whitespace collapsed, at most 1 KiB, cut on a character boundary. */
export function cardText(card: Pick<Card, 'front' | 'back'>): string {
  const text = `${card.front}\n${card.back}`.replace(/\s+/g, ' ').trim();
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= MAX_TEXT_BYTES) return text;
  // Decoding a cut inside a character gives U+FFFD: drop it.
  return bytes.subarray(0, MAX_TEXT_BYTES).toString('utf8').replace(/\uFFFD+$/, '');
}

const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu;

function tokens(text: string): Set<string> {
  return new Set(text.toLowerCase().match(TOKEN) ?? []);
}

/** Token-set Jaccard similarity of two texts, 0…1. */
export function similarity(a: string, b: string): number {
  return jaccard(tokens(a), tokens(b));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface Relink {
  readonly from: string;
  readonly to: string;
  readonly similarity: number;
}

/**
 * Relinks for `cards` (the notes now): old = cards with history (`hasHistory`) and a recorded text that are
 * no longer in the notes; new = cards in the notes without history; same deck only.
 */
export function findRelinks(
  cards: readonly Card[],
  texts: ReadonlyMap<string, CardText>,
  hasHistory: (id: string) => boolean,
): Relink[] {
  const present = new Set(cards.map((c) => c.id));
  const decks = new Set(cards.map((c) => c.deck));
  const orphansByDeck = new Map<string, { id: string; tokens: Set<string> }[]>();
  for (const [id, recorded] of texts) {
    // An orphan of a deck no longer in the notes (or never in these: a wrong deck folder) has nothing to move to.
    if (present.has(id) || !hasHistory(id) || !decks.has(recorded.deck)) continue;
    // Only now read the text: a snapshot's texts are decoded when read, and most cards are present.
    const list = orphansByDeck.get(recorded.deck) ?? [];
    list.push({ id, tokens: tokens(recorded.text) });
    orphansByDeck.set(recorded.deck, list);
  }
  if (orphansByDeck.size === 0) return [];

  const candidates: Relink[] = [];
  for (const card of cards) {
    const orphans = orphansByDeck.get(card.deck);
    if (!orphans || hasHistory(card.id)) continue;
    const mine = tokens(cardText(card));
    for (const orphan of orphans) {
      const score = jaccard(orphan.tokens, mine);
      if (score >= RELINK_THRESHOLD) candidates.push({ from: orphan.id, to: card.id, similarity: score });
    }
  }
  candidates.sort((a, b) => b.similarity - a.similarity);
  const taken = new Set<string>();
  return candidates.filter((c) => {
    if (taken.has(c.from) || taken.has(c.to)) return false;
    taken.add(c.from).add(c.to);
    return true;
  });
}
