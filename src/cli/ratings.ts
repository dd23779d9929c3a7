/** Rating names as people type and read them. */
import { UsageError } from '../errors.js';
import type { Rating } from '../store/events.js';

export const RATING_NAMES: Readonly<Record<Rating, string>> = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };

/** 1-4, or again / hard / good / easy in any case. */
export function parseRating(text: string): Rating {
  const t = text.trim().toLowerCase();
  const n = /^[1-4]$/.test(t) ? Number(t) : Object.values(RATING_NAMES).indexOf(t) + 1;
  if (n < 1) throw new UsageError(`rating must be 1-4 or again, hard, good, easy, not "${text}"`);
  return n as Rating;
}
