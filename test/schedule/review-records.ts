/** ReviewRecords for tests: only the fields a test cares about, the rest filled in. */
import type { ReviewRecord } from '../../src/schedule/card-state.js';

export function reviewRecord(fields: Partial<ReviewRecord> & Pick<ReviewRecord, 'card' | 'at' | 'rating'>): ReviewRecord {
  return {
    id: `${fields.card}@${fields.at.toISOString()}`,
    deck: 'deck',
    device: 'test',
    ms: 3000,
    phaseBefore: 'review',
    retrievability: 0.9,
    history: 0,
    ...fields,
  };
}
