// Adds platform-restricted lock entries for optional dependencies the registry here does not serve,
// so `npm ci` accepts the lock file (npm/cli#4828). They are skipped on this platform, never fetched.
import { readFileSync, writeFileSync } from 'node:fs';
const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pk = lock.packages;
const platform = (name) => {
  if (name === 'napi-windows-process-start-time') return { os: ['win32'] };
  const m = /binding-(android|darwin|linux|win32|wasm32)-?(arm64|x64|ia32|wasi)?-?(gnu|musl|msvc)?$/.exec(name);
  if (!m) return null;
  const [, os, cpu, libc] = m;
  if (os === 'wasm32') return { cpu: ['wasm32'] };
  return { os: [os], cpu: [cpu], ...(libc === 'gnu' || libc === 'musl' ? { libc: [libc === 'gnu' ? 'glibc' : 'musl'] } : {}) };
};
let added = 0;
for (const [path, entry] of Object.entries(pk)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const where = `node_modules/${dep}`;
    const nested = `${path}/node_modules/${dep}`;
    if (pk[where] || pk[nested]) continue;
    const p = platform(dep);
    if (!p) { console.error('unknown optional dep', dep, 'of', path); continue; }
    pk[where] = { version: range.replace(/^[~^]/, ''), dev: entry.dev, optional: true, ...p };
    if (!pk[where].dev) delete pk[where].dev;
    added++;
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log('added', added);
