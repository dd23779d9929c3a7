// In-process probes: small .mjs entry points under bench/probes that import the app's own modules
// (src/**/*.ts), bundled by esbuild the way build.mjs bundles the CLI, and run each in a child process so
// peak RSS is theirs alone. A probe whose app module does not exist yet is "not built", not a failure.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDir } from './recall.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(runDir, 'probes');

export class NotBuilt extends Error {}

const built = new Map();

/** Bundles bench/probes/<name>.mjs; throws NotBuilt when an app module it imports is missing. */
export async function probe(name) {
  if (built.has(name)) return built.get(name);
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.js`);
  try {
    await build({
      entryPoints: [join(root, 'bench', 'probes', `${name}.mjs`)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      define: { 'process.env.NODE_ENV': '"production"' },
      alias: { 'react-devtools-core': join(root, 'build', 'devtools-stub.js') },
      external: ['@open-spaced-repetition/binding'],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'silent',
    });
  } catch (error) {
    const missing = error.errors?.find((e) => /Could not resolve|No matching export/.test(e.text));
    if (missing) throw new NotBuilt(missing.text);
    throw error;
  }
  built.set(name, outfile);
  return outfile;
}

/**
 * Runs a probe with `args`; resolves to the JSON object it prints last, plus `maxRssMB` of the process.
 * A probe reports a missing app feature by printing `{"notBuilt": "…"}`.
 */
export async function runProbe(name, args, { env = {} } = {}) {
  const file = await probe(name);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', '--expose-gc', file, ...args], {
      cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop();
      if (code !== 0 || !last) return reject(new Error(`probe ${name} failed (${code}): ${err.trim().slice(-2000)}`));
      const result = JSON.parse(last);
      if (result.notBuilt) return reject(new NotBuilt(result.notBuilt));
      resolve(result);
    });
  });
}
