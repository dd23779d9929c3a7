// `node bench/fit.mjs [--reviews 100000] [--seeds 1,2,3]`: how long `recall optimize`'s fit takes on a
// synthetic learner's history (test/schedule/synthetic-learner.ts), phase by phase, and how close the
// fitted initial stabilities come to the learner's true ones. Bundles the app's modules with esbuild,
// as bench/lib/probes.mjs does, into bench/out/fit-probe.mjs.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: opts } = parseArgs({
  options: { reviews: { type: 'string', default: '100000' }, seeds: { type: 'string', default: '1,2,3' } },
});

const entry = `
import { default_w } from 'ts-fsrs';
import { fitItems } from './src/schedule/fit-items.ts';
import { fitParameters } from './src/schedule/fit.ts';
import { simulateLearner, TRUE_WEIGHTS } from './test/schedule/synthetic-learner.ts';
export { default_w, fitItems, fitParameters, simulateLearner, TRUE_WEIGHTS };
`;
const outfile = join(root, 'bench', 'out', 'fit-probe.mjs');
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@open-spaced-repetition/binding'],
  logLevel: 'warning',
});
const app = await import(pathToFileURL(outfile).href);

const round = (ms) => Math.round(ms);
for (const seed of opts.seeds.split(',').map(Number)) {
  const t0 = performance.now();
  const history = app.simulateLearner({ reviews: Number(opts.reviews), seed });
  const t1 = performance.now();
  const items = app.fitItems(history, 4);
  const t2 = performance.now();
  const firstCallback = {};
  const cpuAt = {};
  const cpu = process.cpuUsage();
  const result = await app.fitParameters(items, { w: app.default_w, fittedAt: null }, (stage) => {
    firstCallback[stage] ??= performance.now();
    cpuAt[stage] ??= process.cpuUsage(cpu);
  });
  const t3 = performance.now();
  const { user, system } = process.cpuUsage(cpu);
  if (result.kind !== 'fitted') throw new Error(`seed ${seed}: no fit (${result.kind})`);
  const error = (i) => `${(((result.w[i] - app.TRUE_WEIGHTS[i]) / app.TRUE_WEIGHTS[i]) * 100).toFixed(0)}%`;
  console.log(JSON.stringify({
    seed,
    reviews: history.length,
    items: items.length,
    ms: {
      simulate: round(t1 - t0),
      items: round(t2 - t1),
      // Until the binding's first progress poll: converting items to binding objects.
      toBinding: round(firstCallback.fitting - t2),
      fit: round(firstCallback.evaluating - firstCallback.fitting),
      evaluate: round(t3 - firstCallback.evaluating),
      total: round(t3 - t2),
      // CPU time of all threads (wall time stretches when other processes share the cores).
      cpu: {
        toBindingAndFit: round((cpuAt.evaluating.user + cpuAt.evaluating.system) / 1000),
        evaluate: round((user + system - cpuAt.evaluating.user - cpuAt.evaluating.system) / 1000),
        total: round((user + system) / 1000),
      },
    },
    logLoss: { current: result.judgement.current.logLoss.toFixed(4), fitted: result.judgement.fitted.logLoss.toFixed(4) },
    rmseBins: { current: result.judgement.current.rmseBins.toFixed(4), fitted: result.judgement.fitted.rmseBins.toFixed(4) },
    initialStability: result.w.slice(0, 4).map((w) => Number(w.toFixed(2))),
    trueInitialStability: app.TRUE_WEIGHTS.slice(0, 4),
    error: [0, 1, 2, 3].map(error),
  }));
}
