// Bundles the CLI with esbuild: one ESM bundle starts ~2x faster than loading node_modules file by file
// (DESIGN.md, measured facts). Code splitting keeps Ink and React out of non-UI commands.
//
// Test runs rebuild while other processes may be running dist/, so every file is replaced atomically
// (temp file + rename), content-hashed chunks before the entry that imports them, and old chunks are
// only removed once no process can still be loading them.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { moduleEdits } from './build/module-edits.mjs';

const outdir = resolve('dist');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const result = await build({
  entryPoints: { recall: 'src/cli/main.ts' },
  outdir,
  write: false,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.RECALL_VERSION': JSON.stringify(version) },
  alias: { 'react-devtools-core': './build/devtools-stub.js' },
  plugins: [moduleEdits],
  external: ['@open-spaced-repetition/binding'],
  logLevel: 'warning',
});

/**
 * Bundled CommonJS needs a `require`. Only files that name it get one (esbuild's own `__require` lives in
 * one shared chunk), made on first use: each import of node:module and each createRequire is time
 * spent before the first frame, in every chunk loaded.
 */
const REQUIRE = "import { createRequire as __cr } from 'node:module'; let __rq; const require = (id) => (__rq ??= __cr(import.meta.url))(id);\n";
const contentsOf = (file) => (/\brequire\b/.test(file.text) ? REQUIRE + file.text : file.contents);

const entry = join(outdir, 'recall.js');
const files = [...result.outputFiles].sort((a, b) => (a.path === entry) - (b.path === entry));
for (const file of files) {
  mkdirSync(dirname(file.path), { recursive: true });
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, contentsOf(file));
  renameSync(tmp, file.path);
}

const current = new Set(files.map((f) => f.path));
const chunks = join(outdir, 'chunks');
for (const name of readdirSync(chunks)) {
  const path = join(chunks, name);
  if (!current.has(path) && Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
}
