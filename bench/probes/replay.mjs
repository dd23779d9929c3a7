// Replay of a whole log (history-1m) to card states, beside ts-fsrs's own cost for the same reviews, and
// the incremental replay of the last study day on top of a snapshot of everything before it (checked to
// give exactly the states of the full replay). Args: home, runs. Prints one JSON line.
import { createEmptyCard, fsrs, generatorParameters, GenSeedStrategyWithCardId, StrategyMode } from 'ts-fsrs';
import { readLog } from '../../src/store/log.js';
import { replay } from '../../src/schedule/replay.js';
import { isDeepStrictEqual } from 'node:util';
import { settings } from './settings.mjs';

const [home, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const timed = (fn) => { const t = performance.now(); const value = fn(); return { value, ms: performance.now() - t }; };

const read = timed(() => readLog(home));
const { events } = read.value;
const rssAfterRead = process.memoryUsage().rss / 2 ** 20;

const full = [];
let result;
for (let i = 0; i < runs; i++) {
  const r = timed(() => replay(events, settings, undefined));
  full.push(r.ms);
  result = r.value;
}

// ts-fsrs alone: the same effective reviews, one `next` each, with the app's scheduler configuration.
const f = fsrs(generatorParameters({
  request_retention: settings.desiredRetention, maximum_interval: settings.maximumInterval, enable_fuzz: settings.fuzz,
  enable_short_term: true, learning_steps: settings.learningSteps, relearning_steps: settings.relearningSteps,
})).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('id'));
const inputs = result.reviews.map((r) => ({ card: r.card, at: r.at, rating: r.rating, history: r.history }));
const baseline = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const cards = new Map();
  for (const r of inputs) {
    let c = cards.get(r.card);
    if (!c || c.history !== r.history) {
      c = { card: Object.assign(createEmptyCard(r.at), { id: r.card }), history: r.history };
      cards.set(r.card, c);
    }
    const next = f.next(c.card, r.at, r.rating).card;
    next.id = r.card;
    c.card = next;
  }
  baseline.push(performance.now() - t);
}

// Incremental: everything up to the start of the last day is the snapshot; fold the last day onto it.
const lastAt = Date.parse(events[events.length - 1].event.at);
const cut = events.findIndex((e) => Date.parse(e.event.at) >= lastAt - 86_400_000);
const head = events.slice(0, cut);
const tail = events.slice(cut);
const snapshot = replay(head, settings, undefined);
const incremental = [];
let folded;
for (let i = 0; i < Math.max(runs, 5); i++) {
  const r = timed(() => replay(tail, settings, snapshot));
  incremental.push(r.ms);
  folded = r.value;
}
const same = isDeepStrictEqual(folded.states, result.states) && folded.reviews.length === result.reviews.length;
// One rating folded onto the whole history: what the review screen does after each answer.
const single = [];
for (let i = 0; i < 5; i++) single.push(timed(() => replay(tail.slice(0, 1), settings, snapshot)).ms);

console.log(JSON.stringify({
  events: events.length, reviews: result.reviews.length, cards: result.states.size, readMs: read.ms,
  rssAfterReadMB: rssAfterRead, fullMs: median(full), fullRuns: full, tsFsrsMs: median(baseline),
  ratio: median(full) / median(baseline), tailEvents: tail.length, incrementalMs: median(incremental),
  incrementalRuns: incremental, incrementalMatchesFull: same, singleEventMs: median(single), maxRssMB: process.resourceUsage().maxRSS / 1024,
}));
