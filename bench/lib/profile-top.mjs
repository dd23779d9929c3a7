// Summarises a .cpuprofile: self time per function (top N), and inclusive time for functions matching a filter.
// Usage: node bench/lib/profile-top.mjs FILE.cpuprofile [N] [filter]
import { readFileSync } from 'node:fs';

const [file, nArg, filter] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map();
const total = new Map();
let all = 0;
p.samples.forEach((id, i) => {
  const dt = p.timeDeltas[i] ?? 0;
  all += dt;
  const n = byId.get(id);
  self.set(name(n), (self.get(name(n)) ?? 0) + dt);
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const k = name(byId.get(x));
    if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + dt); }
  }
});
const fmt = ([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / all).toFixed(1).padStart(5)}%  ${k}`;
console.log(`total ${(all / 1000).toFixed(0)} ms\n-- self`);
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, Number(nArg ?? 25)).map(fmt).join('\n'));
console.log('-- inclusive');
console.log([...total].filter(([k]) => !filter || k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, Number(nArg ?? 25)).map(fmt).join('\n'));
