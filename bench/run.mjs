// `npm run bench [-- --only parse,replay] [-- --quick] [-- --seed N] [-- --runs N]`
// Generates the inputs (cached in bench/out), measures each figure of issue 7 as the median of several runs,
// prints a table against the bars, and writes bench/results.json (a full run) or bench/out/results-last.json.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cardList, corpusInput, historyInput, outDir, SIZES } from './lib/inputs.mjs';
import { NotBuilt, runProbe } from './lib/probes.mjs';
import { startPty } from './lib/pty.mjs';
import { buildApp, NotAvailable, recall, recallBin, recallEnv, root, scratch, timedRun } from './lib/recall.mjs';
import { median, quantile } from './lib/stats.mjs';

const MEASURES = ['startup', 'first-frame', 'parse', 'replay', 'queue', 'keys', 'rss'];
const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string' },
  },
});
const only = opts.only ? opts.only.split(',').map((s) => s.trim()) : MEASURES;
for (const name of only) if (!MEASURES.includes(name)) throw new Error(`--only: unknown measurement "${name}" (one of ${MEASURES.join(', ')})`);
const seed = Number(opts.seed);
const size = opts.quick ? SIZES.quick : SIZES.full;
const runs = Number(opts.runs ?? (opts.quick ? 3 : 5));
const log = (line) => process.stderr.write(`${line}\n`);
const MB = 2 ** 20;

// Inputs are made on first use, so `--only startup` never generates the corpus.
const lazy = (make) => { let p; return () => (p ??= make()); };
const inputs = {};
const corpusIn = lazy(async () => {
  log('corpus…');
  const c = corpusInput(seed, size);
  inputs.corpus = { files: c.files, bytes: c.bytes, hugeBytes: c.huge.bytes, generatedMs: c.generatedMs };
  return c;
});
const cardsIn = lazy(async () => cardList(await corpusIn(), size, log));
const historyIn = lazy(async () => {
  const h = await historyInput(seed, size, await cardsIn(), log);
  inputs.history = { reviews: h.reviews, events: h.events, cards: h.cards, first: h.first, last: h.last, source: h.source, generatedMs: h.generatedMs };
  return h;
});

const row = (id, label, fields) => ({ id, label, ...fields });
const bar = (op, limit, unit) => ({ op, limit, unit });
const passes = (value, b) => (b.op === '<=' ? value <= b.limit : b.op === '<' ? value < b.limit : value >= b.limit);

async function medianRun(n, fn) {
  const times = [];
  for (let i = 0; i < n; i++) times.push(await fn(i));
  return { median: median(times), runs: times.map((t) => Math.round(t * 10) / 10) };
}

/** A fresh home and config dir for one process. */
const fresh = () => ({ home: scratch('home'), config: scratch('config') });

// 1. Start-up of a non-UI command beside bare node.
async function startup() {
  const ctx = fresh();
  await recall(['cards', '--json'], ctx); // settles the config file and any cache, as on a second start
  const node = await medianRun(runs + 2, async () => (await timedRun(process.execPath, ['-e', ''])).ms);
  const cards = await medianRun(runs + 2, async () => (await recall(['cards', '--json'], ctx)).ms);
  const ratio = cards.median / node.median;
  return [row('startup', 'start-up `recall cards --json` / `node -e ""`', {
    value: ratio, display: `${ratio.toFixed(2)}× (${cards.median.toFixed(0)} / ${node.median.toFixed(0)} ms)`,
    bar: bar('<=', 2.5, '×'), details: { recallMs: cards.runs, nodeMs: node.runs },
  })];
}

/** The longest word of the last line of the first card's front (its prompt): what shows it is on screen. */
function needleOf(front) {
  const prompt = front.trim().split('\n').pop();
  return prompt.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0];
}

// 2. Spawn to the first card on screen in a real pty, as a normal start (config and caches exist).
async function firstFrame() {
  const ctx = fresh();
  const first = JSON.parse((await recall(['cards', '--json'], ctx)).stdout);
  const needle = needleOf((Array.isArray(first) ? first : first.cards)[0].front);
  const times = [];
  for (let i = 0; i < runs + 3; i++) {
    const pty = startPty([process.execPath, recallBin, '--home', ctx.home, 'review'], { env: recallEnv(ctx.config), cwd: root });
    try {
      const at = await pty.waitFor((screen) => screen.includes(needle), 15_000);
      if (i > 0) times.push(at - pty.started); // the first start builds the caches
    } finally {
      await pty.close();
    }
  }
  const ms = median(times);
  return [row('first-frame', 'first frame of `recall review` (pty, spawn → card text)', {
    value: ms, display: `${ms.toFixed(0)} ms`, bar: bar('<', 300, 'ms'), details: { needle, runs: times.map(Math.round) },
  })];
}

/** The cheapest command that loads every deck: `decks --json`, else `cards --json`. */
const parseCommand = lazy(async () => {
  try {
    await recall(['decks', '--json'], fresh());
    return ['decks', '--json'];
  } catch (error) {
    if (error instanceof NotAvailable) return ['cards', '--json'];
    throw error;
  }
});

// 3. Parsing: cold throughput, warm re-open, and a large single note's cost per MB against small notes.
async function parse() {
  const corpus = await corpusIn();
  const command = await parseCommand();
  const open = (ctx, decks) => recall(['--decks', decks, ...command], { ...ctx, keepStdout: false });
  const ctx = fresh();
  const cold = await open(ctx, corpus.notesDir);
  const warm = await medianRun(runs, async () => (await open(ctx, corpus.notesDir)).ms);
  const mbps = corpus.bytes / MB / (cold.ms / 1000);
  // The large note against a ~5 MB folder of small notes: in-process on one thread (super-linearity alone),
  // and whole-process cold (as felt: the small notes also spread over the worker threads).
  const small = Object.values(corpus.areas)[0];
  const scale = await runProbe('parse-scale', [corpus.huge.file, small.dir]);
  const smallCold = await medianRun(2, async () => (await open(fresh(), small.dir)).ms);
  const hugeCold = await medianRun(2, async () => (await open(fresh(), corpus.huge.file)).ms);
  const perMB = (ms, bytes) => ms / (bytes / MB);
  const felt = perMB(hugeCold.median, corpus.huge.bytes) / perMB(smallCold.median, small.bytes);
  const details = { command: command.join(' '), files: corpus.files, bytes: corpus.bytes, coldMs: Math.round(cold.ms) };
  return [
    row('parse-cold', `parse corpus-${corpus.files} cold (${(corpus.bytes / MB).toFixed(1)} MB)`, {
      value: mbps, display: `${mbps.toFixed(2)} MB/s (${(cold.ms / 1000).toFixed(1)} s)`, bar: bar('>=', 1.5, 'MB/s'), details,
    }),
    row('parse-warm', 're-open unchanged corpus (warm)', {
      value: warm.median, display: `${warm.median.toFixed(0)} ms`, bar: bar('<', 300, 'ms'), details: { runs: warm.runs },
    }),
    row('parse-large', `${(corpus.huge.bytes / MB).toFixed(1)} MB single note, time/MB vs small notes (one thread)`, {
      value: scale.ratio, display: `${scale.ratio.toFixed(2)}× (${scale.largeMsPerMB.toFixed(0)} vs ${scale.smallMsPerMB.toFixed(0)} ms/MB)`,
      bar: bar('<=', 1.3, '×'), details: scale,
    }),
    row('parse-large-process', '  the same, whole process cold (small notes on all cores)', {
      value: felt, display: `${felt.toFixed(2)}× (${perMB(hugeCold.median, corpus.huge.bytes).toFixed(0)} vs ${perMB(smallCold.median, small.bytes).toFixed(0)} ms/MB)`,
      bar: null, details: { hugeMs: hugeCold.runs, hugeBytes: corpus.huge.bytes, smallMs: smallCold.runs, smallBytes: small.bytes, smallDir: small.dir },
    }),
  ];
}

// 4. Replay of history-1m: full (against ts-fsrs alone), incremental after a day, peak RSS; in-process.
async function replay() {
  const history = await historyIn();
  const r = await runProbe('replay', [history.home, String(Math.min(runs, 3))]);
  return [
    row('replay-full', `full replay of ${r.reviews} reviews, vs ts-fsrs alone`, {
      value: r.ratio,
      display: `${(r.fullMs / 1000).toFixed(2)} s = ${r.ratio.toFixed(2)}× ts-fsrs (${(r.tsFsrsMs / 1000).toFixed(2)} s); with reading the log ${r.ratioWithRead.toFixed(2)}×`,
      bar: bar('<=', 1.3, '×'), details: r,
    }),
    row('replay-incremental', `start after a day: snapshot + the day's ${r.tailEvents} events`, {
      value: r.incrementalMs,
      display: `${r.incrementalMs.toFixed(1)} ms (load ${r.loadMs.toFixed(1)}, read ${r.readNewMs.toFixed(1)}, fold ${r.foldMs.toFixed(1)}); with saving the next snapshot ${r.startMs.toFixed(0)} ms`,
      bar: bar('<', 100, 'ms'),
    }),
    row('replay-same', 'incremental replay gives the full replay states and reviews', {
      value: r.incrementalMatchesFull ? 1 : 0, display: r.incrementalMatchesFull ? 'identical' : 'DIFFERENT', bar: bar('>=', 1, ''),
    }),
    row('replay-rss', 'memory of the schedule (in-process)', {
      value: r.maxRssMB,
      display: `peak ${r.maxRssMB.toFixed(0)} MB over full replays; after a start: heap ${r.memoryAfterStart.heapMB.toFixed(0)} MB, RSS ${r.memoryAfterStart.rssMB.toFixed(0)} MB; snapshot ${r.snapshotMB.toFixed(0)} MB; read log ${(r.readMs / 1000).toFixed(2)} s`,
      bar: null,
    }),
  ];
}

// 5. Building today's queue for the history's cards (in-process, after replay).
async function queue() {
  const history = await historyIn();
  const r = await runProbe('queue', [history.home, history.cardsFile, String(runs + 2)]);
  return [row('queue', `build today's queue for ${r.cards} cards`, {
    value: r.ms, display: `${r.ms.toFixed(1)} ms (${r.counts.review} due, ${r.counts.learning} learning, ${r.counts.new} new)`,
    bar: bar('<', 50, 'ms'), details: r,
  })];
}

// 6. Key press → next frame in the review screen, over many ratings, in a real pty.
async function keys() {
  const corpus = await corpusIn();
  const area = Object.values(corpus.areas)[0].dir;
  const deck = join(area, readdirSync(area).sort().find((d) => statSync(join(area, d)).isDirectory()));
  const history = await historyIn();
  const ctx = fresh();
  for (const [key, value] of [['newPerDay', '9999'], ['reviewsPerDay', '9999']]) await recall(['config', 'set', key, value], ctx);
  // On top of the whole history, as a user with years of reviews meets it: each rating folds into that
  // replay and appends to that log. The first start (full replay, snapshot) is done before the pty opens.
  mkdirSync(join(ctx.home, 'log'), { recursive: true, mode: 0o700 });
  cpSync(join(history.home, 'log'), join(ctx.home, 'log'), { recursive: true });
  await recall(['--decks', deck, 'due'], { ...ctx, keepStdout: false });
  const ratings = opts.quick ? 50 : 500;
  const pty = startPty([process.execPath, recallBin, '--home', ctx.home, '--decks', deck, 'review'], { env: recallEnv(ctx.config), cwd: root });
  const rate = [];
  const reveal = [];
  try {
    await pty.waitFor((screen) => screen.length > 200, 120_000);
    // The first card is painted before Ink loads and Ink draws the same screen over it a little later:
    // the first key must come after that, or it would time Ink's start rather than a reveal.
    await pty.settle(1500);
    while (rate.length < ratings) {
      const shown = await pty.press(' ');
      if (shown.latency === null) break;
      reveal.push(shown.latency);
      const next = await pty.press('3');
      if (next.latency === null) break;
      rate.push(next.latency);
    }
    pty.child.stdin.write('q');
  } finally {
    await pty.close();
  }
  if (rate.length === 0) throw new Error('the review screen drew nothing after a key press');
  const med = median(rate);
  const p99 = quantile(rate, 0.99);
  return [
    row('keys', `rating key → next frame, median of ${rate.length} ratings`, {
      value: med, display: `${med.toFixed(1)} ms`, bar: bar('<', 16, 'ms'),
      details: { deck, p50Reveal: median(reveal), p99Reveal: quantile(reveal, 0.99) },
    }),
    row('keys-p99', 'rating key → next frame, p99', { value: p99, display: `${p99.toFixed(1)} ms`, bar: null }),
  ];
}

/** A study day's reviews (`count`, rated Good over the last hours) of the history's first cards, in a new device file. */
function appendDayOfReviews(home, cards, count) {
  const now = Date.now();
  const lines = cards.slice(0, count).map((c, i) => `${JSON.stringify({
    v: 1, type: 'review', id: randomUUID(), at: new Date(now - (count - i) * 60_000).toISOString(), card: c.id, rating: 3, ms: 4000, deck: c.deck,
  })}\n`);
  writeFileSync(join(home, 'log', 'bench-today.jsonl'), lines.join(''), { mode: 0o600 });
}

// 7. Peak RSS of `recall due` on corpus + history: a first start (cold caches), a normal start, and a
// normal start after a day of reviews (the incremental replay as a user meets it).
async function rss() {
  const corpus = await corpusIn();
  const history = await historyIn();
  const ctx = fresh();
  mkdirSync(join(ctx.home, 'log'), { recursive: true, mode: 0o700 });
  cpSync(join(history.home, 'log'), join(ctx.home, 'log'), { recursive: true });
  const due = () => recall(['--decks', corpus.notesDir, 'due'], { ...ctx, rss: true, keepStdout: false });
  const cold = await due();
  const warm = await due();
  appendDayOfReviews(ctx.home, JSON.parse(readFileSync(history.cardsFile, 'utf8')), 200);
  const day = await due();
  const peak = Math.max(cold.maxRssMB, warm.maxRssMB, day.maxRssMB);
  const s = (r) => `${(r.ms / 1000).toFixed(2)} s`;
  return [
    row('rss', `peak RSS of \`recall due\`, corpus + history`, {
      value: peak, display: `${peak.toFixed(0)} MB (first start ${cold.maxRssMB.toFixed(0)}, then ${warm.maxRssMB.toFixed(0)}, after a day ${day.maxRssMB.toFixed(0)})`,
      bar: bar('<', 300, 'MB'), details: { coldMs: Math.round(cold.ms), warmMs: Math.round(warm.ms), dayMs: Math.round(day.ms) },
    }),
    row('due-times', '`recall due` wall time: first start / normal / after a day of reviews', {
      value: day.ms, display: `${s(cold)} / ${s(warm)} / ${s(day)}`, bar: null,
    }),
  ];
}

const RUNNERS = { startup, 'first-frame': firstFrame, parse, replay, queue, keys, rss };

function table(rows) {
  const cells = rows.map((r) => [
    r.label, r.display,
    r.bar ? `${r.bar.op} ${r.bar.limit}${r.bar.unit ? ` ${r.bar.unit}` : ''}` : '',
    r.pass === null ? (r.bar ? 'n/a' : '') : r.pass ? 'PASS' : 'FAIL',
  ]);
  const head = ['measurement', 'figure', 'bar', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

const started = Date.now();
// Interrupted runs still remove their build (process 'exit' handlers run on process.exit).
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
buildApp();
mkdirSync(outDir, { recursive: true });
const rows = [];
for (const name of only) {
  log(`${name}…`);
  try {
    for (const r of await RUNNERS[name]()) rows.push({ ...r, pass: r.bar ? passes(r.value, r.bar) : null });
  } catch (error) {
    if (error instanceof NotBuilt || error instanceof NotAvailable) {
      log(`  n/a: ${error.message}`);
      rows.push(row(name, name, { value: null, display: 'n/a (not built)', bar: null, pass: null, details: { reason: error.message } }));
    } else {
      log(`  error: ${error.stack}`);
      rows.push(row(name, name, { value: null, display: `error: ${error.message.split('\n')[0].slice(0, 80)}`, bar: null, pass: false }));
    }
  }
}

console.log(table(rows));
const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
const results = {
  date: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD'),
  dirty: git('status', '--porcelain', '--', 'src').length > 0,
  node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model,
  quick: opts.quick, seed, runs, only: opts.only ?? null,
  inputs,
  measurements: rows,
  seconds: Math.round((Date.now() - started) / 1000),
};
const canonical = !opts.quick && !opts.only;
const file = canonical ? join(root, 'bench', 'results.json') : join(outDir, 'results-last.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${file}`);
