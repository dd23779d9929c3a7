// Replay of a whole log (history-1m) to card states as the app does it, beside ts-fsrs's own cost for the
// same reviews, and a normal start after a day of reviews: the snapshot of everything before the last
// study day loaded and the day's events folded onto it (checked to give exactly the states and reviews
// of the full replay). Args: home, runs. Prints one JSON line.
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync, symlinkSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createEmptyCard, fsrs, generatorParameters, GenSeedStrategyWithCardId, StrategyMode } from 'ts-fsrs';
import { replayedLog } from '../../src/cli/workspace.js';
import { startOfStudyDay } from '../../src/schedule/days.js';
import { continuesReplay, replay } from '../../src/schedule/replay.js';
import { loadSnapshot } from '../../src/schedule/snapshot.js';
import { streamLog } from '../../src/store/log-stream.js';
import { readLog } from '../../src/store/log.js';
import { settings } from './settings.mjs';

const [home, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const timed = (fn) => { const t = performance.now(); const value = fn(); return { value, ms: performance.now() - t }; };
const mb = (bytes) => bytes / 2 ** 20;
const memory = () => { global.gc?.(); const m = process.memoryUsage(); return { rssMB: mb(m.rss), heapMB: mb(m.heapUsed), externalMB: mb(m.external + m.arrayBuffers) }; };
const work = mkdtempSync(join(home, '..', 'probe-replay-'));
const logDir = join(home, 'log');
const devices = ['laptop-5f1c.jsonl', 'phone-a93e.jsonl'].filter((f) => statSync(join(logDir, f), { throwIfNoEntry: false }));

/** A home whose log files are the history's, each cut at `ends[file]` bytes (the whole file without). */
function homeWith(name, ends = {}) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'log'), { recursive: true });
  for (const f of devices) {
    if (ends[f] === undefined) symlinkSync(join(logDir, f), join(dir, 'log', f));
    else {
      copyFileSync(join(logDir, f), join(dir, 'log', f));
      truncateSync(join(dir, 'log', f), ends[f]);
    }
  }
  return dir;
}

/** Where the first line dated at or after `at` starts in the last 16 MB of `file` (its size when none is). */
function cutOffset(file, at) {
  const size = statSync(file).size;
  const from = Math.max(0, size - (1 << 24));
  const buffer = Buffer.alloc(size - from);
  const fd = openSync(file, 'r');
  readSync(fd, buffer, 0, buffer.length, from);
  closeSync(fd);
  let offset = from === 0 ? 0 : buffer.indexOf(10) + 1;
  while (offset < buffer.length) {
    const end = buffer.indexOf(10, offset);
    const m = /"at":"([^"]+)"/.exec(buffer.toString('utf8', offset, end));
    if (m && Date.parse(m[1]) >= at) return from + offset;
    offset = end + 1;
  }
  return size;
}

/** The effective reviews of a snapshot as ts-fsrs alone needs them. */
function inputsOf(snapshot) {
  const inputs = snapshot.stored.read(snapshot.stored.count).map((r) => ({ card: r.card, at: r.at, rating: r.rating, history: r.history }));
  snapshot.stored.close();
  return inputs;
}

/** ts-fsrs alone on `inputs`, one `next` each, with the app's scheduler configuration: ms. */
function tsFsrsAlone(inputs) {
  const f = fsrs(generatorParameters({
    request_retention: settings.desiredRetention, maximum_interval: settings.maximumInterval, enable_fuzz: settings.fuzz,
    enable_short_term: true, learning_steps: settings.learningSteps, relearning_steps: settings.relearningSteps,
  })).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('id'));
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
  return performance.now() - t;
}

try {
  // 1. Full replay (first start, or after a settings change), as the app runs it: the log streamed, the
  // reviews streamed into the new snapshot. Reading the log alone is timed apart, so the fold's cost can
  // be set beside ts-fsrs's; each run is timed right after a run of ts-fsrs alone on the same reviews,
  // and the ratio is the median of the pairs' (the load of a shared machine drifts over minutes).
  const fullHome = homeWith('full');
  const snapshotPath = join(fullHome, 'cache', 'schedule.snapshot');
  const fullReplay = () => {
    rmSync(snapshotPath, { force: true });
    return timed(() => replayedLog(fullHome, settings));
  };
  const first = fullReplay();
  const memoryAfterFull = memory();
  const peakAfterFullMB = process.resourceUsage().maxRSS / 1024;
  const full = [first.ms];
  const reads = [timed(() => streamLog(fullHome, () => {})).ms];
  const baseline = [];
  const pairs = [];
  let result = first.value;
  const inputs = inputsOf(loadSnapshot(snapshotPath, settings));
  for (let i = 0; i < runs; i++) {
    baseline.push(tsFsrsAlone(inputs));
    result.stored.close();
    const r = fullReplay();
    result = r.value;
    full.push(r.ms);
    reads.push(timed(() => streamLog(fullHome, () => {})).ms);
    pairs.push({ fold: (r.ms - reads.at(-1)) / baseline.at(-1), withRead: r.ms / baseline.at(-1) });
  }
  const totalReviews = result.stored.count;
  // A start is measured in a process that holds no million inputs (collections would walk them).
  inputs.length = 0;

  // 2. A normal start after a study day: the snapshot of everything before that day, then the
  // app's own start (replayedLog: load the snapshot, read the new lines, fold them in place; a day of
  // events also saves a new snapshot), each run from a copy of that snapshot.
  const lastAt = result.replay.lastAt;
  // The study day before the last one, and the last one (the history ends in its morning session).
  const cutAt = startOfStudyDay(new Date(lastAt - 86_400_000), settings.dayStartsAt).getTime();
  const ends = {};
  for (const f of devices) ends[f] = cutOffset(join(logDir, f), cutAt);
  const headHome = homeWith('head', ends);
  replayedLog(headHome, settings).stored.close();
  const snapshotBytes = statSync(join(headHome, 'cache', 'schedule.snapshot')).size;

  const dayHome = homeWith('day');
  mkdirSync(join(dayHome, 'cache'), { recursive: true });
  const daySnapshot = join(dayHome, 'cache', 'schedule.snapshot');
  const start = [];
  const phases = { load: [], read: [], fold: [] };
  let tail = 0;
  let started;
  let memoryAfterStart;
  for (let i = 0; i < Math.max(runs, 5); i++) {
    copyFileSync(join(headHome, 'cache', 'schedule.snapshot'), daySnapshot);
    // The parts, as replayedLog runs them.
    const load = timed(() => loadSnapshot(daySnapshot, settings));
    const read = timed(() => readLog(dayHome, load.value.positions, load.value.lines));
    if (read.value.full || !continuesReplay(load.value.replay, read.value.events)) {
      const first = read.value.events[0]?.event.at;
      throw new Error(`the day does not continue the snapshot: full ${read.value.full}, ${read.value.events.length} events from ${first}, snapshot to ${new Date(load.value.replay.lastAt).toISOString()}, positions ${JSON.stringify(load.value.positions)} ends ${JSON.stringify(ends)}`);
    }
    const fold = timed(() => replay(read.value.events, settings, load.value.replay, true));
    load.value.stored.close();
    phases.load.push(load.ms);
    phases.read.push(read.ms);
    phases.fold.push(fold.ms);
    tail = read.value.events.length;
    // The whole start as the app runs it, saving included.
    copyFileSync(join(headHome, 'cache', 'schedule.snapshot'), daySnapshot);
    if (started) started.stored.close();
    const before = memory();
    const r = timed(() => replayedLog(dayHome, settings));
    start.push(r.ms);
    started = r.value;
    if (i === 0) memoryAfterStart = { ...memory(), deltaHeapMB: memory().heapMB - before.heapMB };
  }
  const incremental = start.map((_, i) => phases.load[i] + phases.read[i] + phases.fold[i]);

  // Identical to the full replay: the states (entries in the same order; a loaded snapshot's states
  // are a Map of its own kind), and every review (the stored ones and those in memory).
  const sameStates = isDeepStrictEqual([...started.replay.states], [...result.replay.states]);
  const allDay = [...started.stored.read(started.replay.earlier), ...started.replay.reviews];
  const sameReviews = isDeepStrictEqual(allDay, result.stored.read(totalReviews));

  console.log(JSON.stringify({
    reviews: totalReviews, cards: result.replay.states.size, readMs: median(reads), readRuns: reads,
    fullMs: median(full), fullRuns: full, tsFsrsMs: median(baseline), tsFsrsRuns: baseline,
    // The fold (and writing the snapshot) beside ts-fsrs: the streamed replay less reading the log alone.
    ratio: median(pairs.map((p) => p.fold)), ratioWithRead: median(pairs.map((p) => p.withRead)),
    tailEvents: tail, incrementalMs: median(incremental), incrementalRuns: incremental,
    loadMs: median(phases.load), readNewMs: median(phases.read), foldMs: median(phases.fold),
    startMs: median(start), startRuns: start, snapshotMB: mb(snapshotBytes),
    incrementalMatchesFull: sameStates && sameReviews, sameStates, sameReviews,
    memoryAfterFull, memoryAfterStart, maxRssMB: peakAfterFullMB,
  }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
