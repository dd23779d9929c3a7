// Spawning the built CLI the way a user runs it: `node bin/recall.js …`, always with its own data home and
// config dir, so nothing touches the real ones.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/**
 * This run's own build of the app (bench/out/run-<pid>/app, linked to the repo's src, decks and
 * node_modules): the shared dist/ is rebuilt by every test run, and another bench run may be going on,
 * either of which would change the code, and invalidate its caches, in the middle of a measurement.
 */
export const runDir = join(root, 'bench', 'out', `run-${process.pid}`);
const appDir = join(runDir, 'app');
export const recallBin = join(appDir, 'dist', 'recall.js');

/** Builds the app into this run's folder with the repo's own build.mjs; removed when the run exits. */
export function buildApp() {
  mkdirSync(appDir, { recursive: true });
  process.on('exit', () => rmSync(runDir, { recursive: true, force: true }));
  for (const name of ['src', 'build', 'decks', 'node_modules', 'package.json']) symlinkSync(join(root, name), join(appDir, name));
  copyFileSync(join(root, 'build.mjs'), join(appDir, 'build.mjs'));
  execFileSync(process.execPath, ['build.mjs'], { cwd: appDir, stdio: 'inherit' });
}

const hasTimeV = existsSync('/usr/bin/time');

export class NotAvailable extends Error {}

const scratches = [];
process.on('exit', () => scratches.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh temporary folder (for --home or XDG_CONFIG_HOME), removed when the run exits. */
export function scratch(name) {
  const dir = mkdtempSync(join(tmpdir(), `recall-bench-${name}-`));
  scratches.push(dir);
  return dir;
}

/** The environment of a bench run of recall: its own config dir, no colours to skew frame sizes. */
export function recallEnv(config) {
  return { ...process.env, XDG_CONFIG_HOME: config, RECALL_HOME: '', FORCE_COLOR: '0', NO_COLOR: '1' };
}

/**
 * Runs a command to completion; resolves {ms, code, stdout, stderr, maxRssMB}. With `rss`, runs under
 * /usr/bin/time -v (or a resourceUsage wrapper) to read the peak RSS.
 */
export function timedRun(command, args, { env = process.env, rss = false, keepStdout = true } = {}) {
  let file = command;
  let argv = args;
  if (rss && hasTimeV) { file = '/usr/bin/time'; argv = ['-v', command, ...args]; }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => { if (keepStdout) out.push(d); });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rssMatch = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      resolve({
        ms, code, stdout: Buffer.concat(out).toString('utf8'), stderr: err,
        maxRssMB: rssMatch ? Number(rssMatch[1]) / 1024 : undefined,
      });
    });
  });
}

/** Runs `recall …args`; throws NotAvailable when the command is still a placeholder. */
export async function recall(args, { home, config, rss = false, keepStdout = true }) {
  const result = await timedRun(process.execPath, [recallBin, '--home', home, ...args], { env: recallEnv(config), rss, keepStdout });
  if (/is not available yet/.test(result.stderr)) throw new NotAvailable(result.stderr.trim().split('\n').pop());
  if (result.code !== 0) throw new Error(`recall ${args.join(' ')} exited ${result.code}: ${result.stderr.trim().slice(-1500)}`);
  return result;
}
