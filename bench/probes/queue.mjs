// Building today's queue for the cards of a history: replay the log, then time buildQueue at the moment
// after the history's last event. Args: home, cards.json (the cards the history was made for), runs.
import { readFileSync } from 'node:fs';
import { readLog } from '../../src/store/log.js';
import { replay } from '../../src/schedule/replay.js';
import { buildQueue } from '../../src/schedule/queue.js';
import { settings } from './settings.mjs';

const [home, cardsFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const { events } = readLog(home);
const { states, reviews } = replay(events, settings, undefined);
const withHistory = new Set(states.keys());
// The queue needs only what identifies a card; fronts and backs do not change its cost.
const cards = JSON.parse(readFileSync(cardsFile, 'utf8'))
  .filter((c) => withHistory.has(c.id))
  .map((c, i) => ({
    id: c.id, deck: c.deck, kind: 'section', chapter: null, path: [], front: '', back: '',
    source: { file: c.deck, line: i + 1 },
  }));
// A study session in the morning after the last event.
const last = Date.parse(events[events.length - 1].event.at);
const now = new Date(last + 6 * 3_600_000);
const times = [];
let queue;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  queue = buildQueue(cards, states, reviews, settings, now);
  times.push(performance.now() - t);
}
console.log(JSON.stringify({
  cards: cards.length, now: now.toISOString(), ms: median(times), runs: times, counts: queue.counts,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
}));
