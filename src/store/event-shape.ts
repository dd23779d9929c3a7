/**
 * The shape check for review log events: cheap enough to run on every line of a million-event log, and
 * the same check guards appends, so nothing invalid is ever written.
 */
import type { EventType } from './events.js';
import { quoted } from './quoted.js';

/** The log format version this build writes and understands. */
export const LOG_VERSION = 1;

/** `checkEvent`'s answer for an event this version should keep in the file but not use. */
export const NOT_OURS = 'from a newer version of recall, or of an unknown type';

type Check = readonly [field: string, valid: (value: unknown) => boolean, expected: string];

const isId = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
const isText = (v: unknown): boolean => typeof v === 'string';
const isRating = (v: unknown): boolean => v === 1 || v === 2 || v === 3 || v === 4;
const isDuration = (v: unknown): boolean => typeof v === 'number' && v >= 0 && Number.isFinite(v);

const card: Check = ['card', isId, 'a card id'];
const rating: Check = ['rating', isRating, '1, 2, 3 or 4'];
const duration: Check = ['ms', isDuration, 'milliseconds (a number, 0 or more)'];

const FIELDS: Readonly<Record<EventType, readonly Check[]>> = {
  review: [card, rating, duration, ['deck', isText, 'a deck key']],
  cram: [card, rating, duration],
  undo: [['target', isId, 'an event id']],
  suspend: [card],
  unsuspend: [card],
  bury: [card],
  forget: [card],
  relink: [['from', isId, 'a card id'], ['to', isId, 'a card id']],
  card: [card, ['deck', isText, 'a deck key'], ['text', isText, 'the card text']],
};

/** `Date.toISOString`'s form, which recall writes: UTC to the millisecond, so text order is time order. */
const CANONICAL_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
/** Any ISO 8601 time with a zone (`Z` or an offset), as a hand edit may write it. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * `at` in `Date.toISOString`'s form, which sorts as text in time order, or undefined when it is not an
 * ISO time with a zone. Times recall wrote come back as they are: no date parsing on the read path.
 */
export function timeKey(at: string): string | undefined {
  if (CANONICAL_TIME.test(at)) return at;
  const ms = ISO_TIME.test(at) ? Date.parse(at) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * Why `value` is not a valid `ReviewEvent` (`NOT_OURS` for a newer version or an unknown type), or
 * undefined when it is one. Extra fields are allowed: a newer version may add some.
 */
export function checkEvent(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const o = value as Record<string, unknown>;
  if (!Number.isInteger(o.v) || (o.v as number) < 1) return '"v" must be the format version (1)';
  if ((o.v as number) > LOG_VERSION) return NOT_OURS;
  if (typeof o.type !== 'string') return '"type" must be a string';
  const checks = Object.hasOwn(FIELDS, o.type) ? FIELDS[o.type as EventType] : undefined;
  if (!checks) return NOT_OURS;
  if (!isId(o.id)) return `${o.type}: "id" must be an event id`;
  if (typeof o.at !== 'string' || timeKey(o.at) === undefined) return `${o.type}: "at" must be an ISO time like 2026-11-25T08:15:02.114Z`;
  for (const [field, valid, expected] of checks) {
    if (!valid(o[field])) return `${o.type}: "${field}" must be ${expected}, not ${quoted(o[field], 40)}`;
  }
  return undefined;
}
