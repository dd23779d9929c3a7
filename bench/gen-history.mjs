// history-1m: a review log of `reviews` review events over the given cards across `days` days, in the real
// log format (DESIGN.md "The review log"), split over two device files. Each card's reviews come from
// simulating a learner through ts-fsrs (recall with the predicted retrievability), so intervals, lapses and
// learning steps are plausible; a `card` event precedes each card's first review, and a few undo, bury,
// suspend, unsuspend, forget and cram events are mixed in. A pure function of the seed and the card list.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createEmptyCard, fsrs, generatorParameters, Rating, State } from 'ts-fsrs';
import { rng } from './lib/rng.mjs';

export const HISTORY_VERSION = 1;
export const DEVICES = ['laptop-5f1c', 'phone-a93e'];
const DAY = 86_400_000;
/** The history ends here (fixed, not the clock, so the same seed gives the same bytes on any day). */
export const HISTORY_END = Date.parse('2026-11-29T03:00:00Z');

const KIND = { review: 0, card: 1, undo: 2, bury: 3, suspend: 4, unsuspend: 5, forget: 6, cram: 7 };

/** Growable columns of events: cheap at a million rows where an array of objects is not. */
function columns() {
  let n = 0, cap = 1 << 20;
  let at = new Float64Array(cap), card = new Int32Array(cap), kind = new Uint8Array(cap),
    rating = new Uint8Array(cap), ms = new Int32Array(cap), device = new Uint8Array(cap), ref = new Int32Array(cap);
  const grow = () => {
    cap *= 2;
    const g = (A, old) => { const x = new A(cap); x.set(old); return x; };
    at = g(Float64Array, at); card = g(Int32Array, card); kind = g(Uint8Array, kind); rating = g(Uint8Array, rating);
    ms = g(Int32Array, ms); device = g(Uint8Array, device); ref = g(Int32Array, ref);
  };
  return {
    get length() { return n; },
    push(e) {
      if (n === cap) grow();
      at[n] = e.at; card[n] = e.card; kind[n] = e.kind; rating[n] = e.rating ?? 0; ms[n] = e.ms ?? 0;
      device[n] = e.device; ref[n] = e.ref ?? -1;
      return n++;
    },
    row: (i) => ({ at: at[i], card: card[i], kind: kind[i], rating: rating[i], ms: ms[i], device: device[i], ref: ref[i] }),
    at: (i) => at[i], kind: (i) => kind[i],
  };
}

function firstRating(r) {
  const x = r.next();
  return x < 0.25 ? Rating.Again : x < 0.35 ? Rating.Hard : x < 0.9 ? Rating.Good : Rating.Easy;
}

function laterRating(r, retrievability) {
  if (!(r.next() < retrievability)) return Rating.Again;
  const x = r.next();
  return x < 0.15 ? Rating.Hard : x < 0.9 ? Rating.Good : Rating.Easy;
}

/** Simulates every card; returns the events in columns (unsorted). */
function simulate(cards, { seed, days, retention }) {
  const r = rng(seed ^ 0x5eed);
  const start = HISTORY_END - days * DAY;
  // Study sessions: one per day at a varying hour, on one device; about 3 % of days are skipped.
  const sessionAt = new Float64Array(days + 400);
  const sessionDevice = new Uint8Array(days + 400);
  const skipped = new Uint8Array(days + 400);
  for (let d = 0; d < sessionAt.length; d++) {
    sessionAt[d] = start + d * DAY + (6 + r.next() * 15) * 3_600_000;
    sessionDevice[d] = r.chance(0.7) ? 0 : 1;
    skipped[d] = r.chance(0.03) ? 1 : 0;
  }
  const studyDay = (t) => {
    let d = Math.max(0, Math.floor((t - start) / DAY));
    while (skipped[d]) d++;
    return d;
  };
  const f = fsrs(generatorParameters({
    request_retention: retention, enable_fuzz: false, enable_short_term: true,
    learning_steps: ['1m', '10m'], relearning_steps: ['10m'],
  }));
  const ev = columns();
  const spent = () => Math.round(Math.min(120_000, r.logNormal(5_500, 0.6)));
  for (let c = 0; c < cards.length; c++) {
    // Cards are introduced in note order, spread evenly over the history.
    const introDay = studyDay(start + Math.floor((c * days) / cards.length) * DAY);
    let t = sessionAt[introDay] + r.next() * 1_800_000;
    let card = createEmptyCard(new Date(t));
    let day = introDay;
    while (t < HISTORY_END) {
      const dev = sessionDevice[day];
      if (card.state !== State.New && r.chance(0.001)) {
        ev.push({ at: t - 1_000, card: c, kind: KIND.forget, device: dev });
        card = createEmptyCard(new Date(t));
      }
      const rating = card.state === State.New ? firstRating(r) : laterRating(r, f.get_retrievability(card, new Date(t), false));
      if (r.chance(0.003)) {
        const decoy = ev.push({ at: t - 4_000, card: c, kind: KIND.review, rating: 1 + ((rating + r.int(0, 2)) % 4), ms: spent(), device: dev });
        ev.push({ at: t - 2_000, card: c, kind: KIND.undo, device: dev, ref: decoy });
      }
      ev.push({ at: t, card: c, kind: KIND.review, rating, ms: spent(), device: dev });
      if (r.chance(0.01)) ev.push({ at: t + 30_000, card: c, kind: KIND.cram, rating: laterRating(r, 0.9), ms: spent(), device: dev });
      card = f.next(card, new Date(t), rating).card;
      const due = card.due.getTime();
      if (due - t < 12 * 3_600_000) {
        // A learning step: answered a little after it comes due, in the same session.
        t = due + r.next() * 90_000;
      } else {
        if (due >= HISTORY_END) break;
        // Learners are sometimes late (ts-fsrs fuzz is off: its seeding costs more than the rest of the sim).
        const next = studyDay(due + (r.chance(0.15) ? r.int(1, 3) * DAY : 0));
        if (r.chance(0.002)) {
          // Buried the day before it comes back (returns the next study day, as the sim assumes).
          const bd = Math.max(day, next - 1);
          ev.push({ at: sessionAt[bd] + r.next() * 600_000, card: c, kind: KIND.bury, device: sessionDevice[bd] });
        }
        day = next;
        t = sessionAt[day] + r.next() * 3_600_000;
      }
    }
    if (r.chance(0.002)) {
      ev.push({ at: HISTORY_END - 20 * DAY, card: c, kind: KIND.suspend, device: 0 });
      if (r.chance(0.5)) ev.push({ at: HISTORY_END - 10 * DAY, card: c, kind: KIND.unsuspend, device: 1 });
    }
  }
  return ev;
}

/**
 * Writes the log under `home/log/` (once: reused while manifest.json exists) and returns its manifest:
 * `{home, reviews, events, cards, first, last, devices: {name: {file, events, bytes}}}`.
 * `cards`: `{id, deck, text}` in note order.
 */
export async function history(home, cards, { seed, reviews, days, retention = 0.9, source }) {
  const manifestFile = join(home, 'manifest.json');
  if (existsSync(manifestFile)) return JSON.parse(readFileSync(manifestFile, 'utf8'));
  const started = Date.now();
  const ev = simulate(cards, { seed, days, retention });
  const order = Array.from({ length: ev.length }, (_, i) => i);
  order.sort((a, b) => ev.at(a) - ev.at(b) || a - b);
  // Keep the first `reviews` review events (in time order) and everything before the last of them.
  let kept = 0, cut = order.length;
  for (let k = 0; k < order.length; k++) {
    if (ev.kind(order[k]) === KIND.review && ++kept === reviews) { cut = k + 1; break; }
  }
  const r = rng(seed ^ 0x1d5);
  const ids = new Map();
  const idOf = (i) => { let id = ids.get(i); if (!id) { id = r.uuid(); ids.set(i, id); } return id; };
  const tmp = `${home}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'log'), { recursive: true, mode: 0o700 });
  const fds = DEVICES.map((d) => openSync(join(tmp, 'log', `${d}.jsonl`), 'w', 0o600));
  const pending = DEVICES.map(() => []);
  const counts = DEVICES.map(() => ({ events: 0, bytes: 0 }));
  const flush = (device) => {
    const chunk = pending[device].join('');
    counts[device].bytes += writeSync(fds[device], chunk);
    pending[device] = [];
  };
  const introduced = new Uint8Array(cards.length);
  const types = Object.keys(KIND);
  let total = 0;
  // Lines are built as text in the log's field order (JSON.stringify only where escaping is needed).
  const write = (device, line) => {
    counts[device].events++;
    total++;
    if (pending[device].push(`${line}\n`) === 10_000) flush(device);
  };
  const head = (type, id, at) => `{"v":1,"type":"${type}","id":"${id}","at":"${new Date(at).toISOString()}"`;
  for (let k = 0; k < cut; k++) {
    const i = order[k];
    const e = ev.row(i);
    const c = cards[e.card];
    const card = JSON.stringify(c.id);
    if (e.kind === KIND.review && !introduced[e.card]) {
      introduced[e.card] = 1;
      write(e.device, `${head('card', r.uuid(), e.at - 1)},"card":${card},"deck":${JSON.stringify(c.deck)},"text":${JSON.stringify(c.text)}}`);
    }
    const base = head(types[e.kind], idOf(i), e.at);
    if (e.kind === KIND.review) write(e.device, `${base},"card":${card},"rating":${e.rating},"ms":${e.ms},"deck":${JSON.stringify(c.deck)}}`);
    else if (e.kind === KIND.cram) write(e.device, `${base},"card":${card},"rating":${e.rating},"ms":${e.ms}}`);
    else if (e.kind === KIND.undo) write(e.device, `${base},"target":"${idOf(e.ref)}"}`);
    else write(e.device, `${base},"card":${card}}`);
  }
  DEVICES.forEach((_, d) => { flush(d); closeSync(fds[d]); });
  const manifest = {
    version: HISTORY_VERSION, seed, source, home, reviews: kept, events: total,
    cards: introduced.reduce((a, b) => a + b, 0),
    first: new Date(ev.at(order[0])).toISOString(), last: new Date(ev.at(order[cut - 1])).toISOString(),
    devices: Object.fromEntries(DEVICES.map((d, j) => [d, { file: join(home, 'log', `${d}.jsonl`), ...counts[j] }])),
    generatedMs: Date.now() - started,
  };
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  rmSync(home, { recursive: true, force: true });
  renameSync(tmp, home);
  return manifest;
}
