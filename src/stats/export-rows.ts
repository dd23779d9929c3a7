/**
 * The rows `recall export` writes. Column names are the CSV header and the JSON keys; the reviews
 * layout is the one the FSRS optimizer and benchmark tools read.
 */
import type { Phase } from '../schedule/card-state.js';
import { classifyReviews } from './classified-reviews.js';
import { dailyTotals } from './daily.js';
import type { StatsInput } from './input.js';
import { chapterLabel, sectionLabel } from './labels.js';

export type Cell = string | number | null;
export type Row = Readonly<Record<string, Cell>>;

export const REVIEW_COLUMNS = [
  'card_id', 'review_time', 'review_rating', 'review_state', 'review_duration', 'deck', 'chapter', 'device',
] as const;

export const CARD_COLUMNS = [
  'id', 'deck', 'chapter', 'section', 'kind', 'front', 'state', 'due', 'stability', 'difficulty',
  'retrievability', 'reps', 'lapses', 'last_review',
] as const;

export const DAY_COLUMNS = ['date', 'reviews', 'again', 'time_ms', 'new_learned', 'retention', 'retention_reviews'] as const;

/** The optimizer's `review_state` codes. */
const STATE_CODES: Readonly<Record<Phase, number>> = { new: 0, learning: 1, review: 2, relearning: 3 };

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/** One row per effective review, oldest first. */
export function reviewRows(input: StatsInput): Row[] {
  const cards = new Map(input.cards.map((card) => [card.id, card]));
  return input.reviews.map((review) => {
    const card = cards.get(review.card);
    return {
      card_id: review.card,
      review_time: review.at.getTime(),
      review_rating: review.rating,
      review_state: STATE_CODES[review.phaseBefore],
      review_duration: review.ms,
      deck: review.deck,
      chapter: card ? chapterLabel(card) : null,
      device: review.device,
    };
  });
}

/**
 * One row per card in the notes, then one per card with history that is no longer in them, named by
 * the text its `card` event logged.
 */
export function cardRows(input: StatsInput, now: Date): Row[] {
  const inNotes = new Set(input.cards.map((card) => card.id));
  const row = (id: string, described: Pick<Row, 'deck' | 'chapter' | 'section' | 'kind' | 'front'>): Row => {
    const state = input.states.get(id);
    const scheduled = state && state.phase !== 'new';
    return {
      id,
      ...described,
      state: state?.suspended ? 'suspended' : state?.phase ?? 'new',
      due: scheduled ? state.due.toISOString() : null,
      stability: scheduled ? round(state.stability) : null,
      difficulty: scheduled ? round(state.difficulty) : null,
      retrievability: scheduled ? round(input.retrievability(state, now)) : null,
      reps: state?.reps ?? 0,
      lapses: state?.lapses ?? 0,
      last_review: state?.lastReview?.toISOString() ?? null,
    };
  };
  const fromNotes = input.cards.map((card) =>
    row(card.id, { deck: card.deck, chapter: chapterLabel(card), section: sectionLabel(card), kind: card.kind, front: card.front }),
  );
  const gone = [...input.states.keys()]
    .filter((id) => !inNotes.has(id))
    .map((id) => {
      const logged = input.texts.get(id);
      return row(id, { deck: logged?.deck ?? null, chapter: null, section: null, kind: null, front: logged?.text ?? null });
    });
  return [...fromNotes, ...gone];
}

/** One row per study day with reviews: the daily aggregates behind the stats screen. */
export function dayRows(input: StatsInput): Row[] {
  return dailyTotals(classifyReviews(input.reviews, input.settings.dayStartsAt)).map((t) => ({
    date: t.date,
    reviews: t.reviews,
    again: t.again,
    time_ms: t.ms,
    new_learned: t.newLearned,
    retention: t.retentionTotal > 0 ? round(t.retentionPassed / t.retentionTotal) : null,
    retention_reviews: t.retentionTotal,
  }));
}
