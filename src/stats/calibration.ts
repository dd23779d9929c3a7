/**
 * Whether the schedule can be trusted: reviews grouped by the recall probability FSRS predicted when
 * they were made, next to the share actually recalled; and which parameters made those predictions.
 */
import type { ReviewRecord } from '../schedule/card-state.js';
import { studyDay } from '../schedule/days.js';
import type { Settings } from '../store/settings.js';

export interface CalibrationBin {
  /** Predicted retrievability range [from, to); the last bin includes 1. */
  readonly from: number;
  readonly to: number;
  readonly reviews: number;
  /** Mean predicted retrievability of the bin's reviews; null when empty. */
  readonly predicted: number | null;
  /** Share of the bin's reviews recalled (rated Hard or better); null when empty. */
  readonly recalled: number | null;
}

export interface Calibration {
  readonly reviews: number;
  readonly predicted: number | null;
  readonly recalled: number | null;
  readonly bins: readonly CalibrationBin[];
}

interface Tally {
  reviews: number;
  predicted: number;
  recalled: number;
}

const summary = (t: Tally) => ({
  reviews: t.reviews,
  predicted: t.reviews ? t.predicted / t.reviews : null,
  recalled: t.reviews ? t.recalled / t.reviews : null,
});

/**
 * Calibration over reviews of cards in the review phase: those are the predictions the schedule
 * rests on. Learning and relearning steps are excluded: minutes after seeing the answer, FSRS
 * predicts near-certain recall, which says nothing about the long-term model.
 */
export function calibration(reviews: readonly ReviewRecord[], binCount = 10): Calibration {
  const bins: Tally[] = Array.from({ length: binCount }, () => ({ reviews: 0, predicted: 0, recalled: 0 }));
  const total: Tally = { reviews: 0, predicted: 0, recalled: 0 };
  for (const review of reviews) {
    const r = review.retrievability;
    if (r === null || review.phaseBefore !== 'review') continue;
    const recalled = review.rating > 1 ? 1 : 0;
    for (const tally of [bins[Math.min(binCount - 1, Math.floor(r * binCount))]!, total]) {
      tally.reviews += 1;
      tally.predicted += r;
      tally.recalled += recalled;
    }
  }
  return {
    ...summary(total),
    bins: bins.map((tally, i) => ({ from: i / binCount, to: (i + 1) / binCount, ...summary(tally) })),
  };
}

export interface ParametersInUse {
  readonly fitted: boolean;
  /** When the fit was made (as saved), and from how many reviews; null for the defaults. */
  readonly fittedAt: string | null;
  readonly reviews: number | null;
  /** "FSRS defaults" or "fitted on 2026-11-30 from 12345 reviews" (the local date). */
  readonly description: string;
}

/** The local calendar date of a saved fit time; a bare date (hand-written) is taken as it is. */
function localDate(fittedAt: string): string {
  return /^\d{4}-\d\d-\d\d$/.test(fittedAt) ? fittedAt : studyDay(new Date(fittedAt), 0);
}

export function parametersInUse(settings: Pick<Settings, 'fsrsParameters'>): ParametersInUse {
  const fit = settings.fsrsParameters;
  if (!fit) return { fitted: false, fittedAt: null, reviews: null, description: 'FSRS defaults' };
  return {
    fitted: true,
    fittedAt: fit.fittedAt,
    reviews: fit.reviews,
    description: `fitted on ${localDate(fit.fittedAt)} from ${fit.reviews} reviews`,
  };
}
