/**
 * The replay snapshot in the cache: replayed states and reviews, the log positions they cover and a hash
 * of the scheduling settings, so a normal start replays only new events. Rebuildable: anything missing,
 * unreadable, of another format or made with other settings is simply not used.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Rating } from '../store/events.js';
import type { LogPositions } from '../store/log.js';
import type { Settings } from '../store/settings.js';
import type { CardState, Phase, ReviewRecord } from './card-state.js';
import { schedulingSettings } from './fsrs.js';
import type { CardText, Replay } from './replay.js';


const FORMAT = 2;
const PHASES: readonly Phase[] = ['new', 'learning', 'review', 'relearning'];

/** Hash of everything a replay's result depends on besides the log. */
function settingsHash(settings: Settings): string {
  return createHash('sha256').update(JSON.stringify({ format: FORMAT, ...schedulingSettings(settings) })).digest('hex');
}

// Card, deck and device names are indexes into one string table. Reviews are stored by column: a million
// of them parse about twice as fast as a million small arrays.
type StateRow = [number, number, number, number, number, number, number, number, number | null, 0 | 1, number | null, 0 | 1, number];

interface ReviewColumns {
  readonly id: string[];
  readonly card: number[];
  readonly deck: number[];
  readonly device: number[];
  readonly at: number[];
  readonly rating: Rating[];
  readonly ms: number[];
  readonly phaseBefore: number[];
  readonly retrievability: (number | null)[];
  readonly history: number[];
}

interface SnapshotFile {
  readonly format: number;
  readonly settings: string;
  readonly positions: LogPositions;
  readonly lastAt: number;
  readonly strings: string[];
  readonly states: StateRow[];
  readonly reviews: ReviewColumns;
  readonly texts: [number, number, string][];
  readonly aliases: [number, number][];
}

function encode(replay: Replay, positions: LogPositions, hash: string): SnapshotFile {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const time = (d: Date | null) => (d ? d.getTime() : null);
  return {
    format: FORMAT,
    settings: hash,
    positions,
    lastAt: replay.lastAt,
    states: [...replay.states.values()].map((s) => [
      ref(s.card), PHASES.indexOf(s.phase), s.due.getTime(), s.stability, s.difficulty, s.reps, s.lapses, s.step,
      time(s.lastReview), s.suspended ? 1 : 0, time(s.buriedUntil), s.leech ? 1 : 0, s.history,
    ]),
    reviews: {
      id: replay.reviews.map((r) => r.id),
      card: replay.reviews.map((r) => ref(r.card)),
      deck: replay.reviews.map((r) => ref(r.deck)),
      device: replay.reviews.map((r) => ref(r.device)),
      at: replay.reviews.map((r) => r.at.getTime()),
      rating: replay.reviews.map((r) => r.rating),
      ms: replay.reviews.map((r) => r.ms),
      phaseBefore: replay.reviews.map((r) => PHASES.indexOf(r.phaseBefore)),
      retrievability: replay.reviews.map((r) => r.retrievability),
      history: replay.reviews.map((r) => r.history),
    },
    texts: [...replay.texts].map(([card, t]) => [ref(card), ref(t.deck), t.text]),
    aliases: [...replay.aliases].map(([from, to]) => [ref(from), ref(to)]),
    strings,
  };
}

function decode(file: SnapshotFile): Replay {
  const s = (i: number) => file.strings[i] as string;
  const date = (t: number | null) => (t === null ? null : new Date(t));
  const states = new Map<string, CardState>();
  for (const [card, phase, due, stability, difficulty, reps, lapses, step, lastReview, suspended, buried, leech, history] of file.states) {
    states.set(s(card), {
      card: s(card), phase: PHASES[phase] as Phase, due: new Date(due), stability, difficulty, reps, lapses, step,
      lastReview: date(lastReview), suspended: suspended === 1, buriedUntil: date(buried), leech: leech === 1, history,
    });
  }
  const c = file.reviews;
  const reviews: ReviewRecord[] = c.id.map((id, i) => ({
    id, card: s(c.card[i] as number), deck: s(c.deck[i] as number), device: s(c.device[i] as number),
    at: new Date(c.at[i] as number), rating: c.rating[i] as Rating, ms: c.ms[i] as number,
    phaseBefore: PHASES[c.phaseBefore[i] as number] as Phase, retrievability: c.retrievability[i] as number | null,
    history: c.history[i] as number,
  }));
  const texts = new Map<string, CardText>(file.texts.map(([card, deck, text]) => [s(card), { deck: s(deck), text }]));
  const aliases = new Map(file.aliases.map(([from, to]) => [s(from), s(to)]));
  return { states, reviews, texts, aliases, lastAt: file.lastAt };
}

/** Writes the snapshot atomically (a reader never sees half a file), owner-only. */
export function saveSnapshot(path: string, replay: Replay, positions: LogPositions, settings: Settings): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(encode(replay, positions, settingsHash(settings))), { mode: 0o600 });
  renameSync(temporary, path);
}

/** The snapshot at `path` if it exists, reads, and was made with these scheduling settings; else null. */
export function loadSnapshot(path: string, settings: Settings): { replay: Replay; positions: LogPositions } | null {
  let file: SnapshotFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as SnapshotFile;
  } catch {
    return null;
  }
  if (file?.format !== FORMAT || file.settings !== settingsHash(settings)) return null;
  try {
    return { replay: decode(file), positions: file.positions };
  } catch {
    return null;
  }
}
