// Parse cost per MB of one large note against many small notes, on one thread, in-process (so neither
// start-up nor worker threads blur the comparison). Args: large file, folder of small notes[, max MB].
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cardsFromFile } from '../../src/cards/deck.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const [large, folder, maxArg] = process.argv.slice(2);
const maxBytes = Number(maxArg ?? Infinity) * 2 ** 20;
const notes = [];
let smallBytes = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    if (smallBytes >= maxBytes) return;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.md')) {
      const text = readFileSync(path, 'utf8');
      notes.push({ path, key: relative(folder, path), text });
      smallBytes += Buffer.byteLength(text);
    }
  }
};
walk(folder);
const largeText = readFileSync(large, 'utf8');
const largeBytes = Buffer.byteLength(largeText);

let t = performance.now();
let smallCards = 0;
for (const n of notes) smallCards += cardsFromFile(n.text, n.path, n.key, DEFAULT_SETTINGS).cards.length;
const smallMs = performance.now() - t;
t = performance.now();
const largeCards = cardsFromFile(largeText, large, 'large.md', DEFAULT_SETTINGS).cards.length;
const largeMs = performance.now() - t;
const maxRssMB = process.resourceUsage().maxRSS / 1024;
// A 1 MB list whose last item has a stray `**` (one typo once sent the whole list to micromark: 29 s, 2.3 GB).
const strayText = `# Deck\n\n## Q\n\n${'- **a** b\n'.repeat(100_000)}- **a b\n`;
t = performance.now();
cardsFromFile(strayText, 'stray.md', 'stray.md', DEFAULT_SETTINGS);
const strayMs = performance.now() - t;
const perMB = (ms, bytes) => ms / (bytes / 2 ** 20);
console.log(JSON.stringify({
  smallFiles: notes.length, smallBytes, smallMs, smallCards, largeBytes, largeMs, largeCards,
  smallMsPerMB: perMB(smallMs, smallBytes), largeMsPerMB: perMB(largeMs, largeBytes),
  ratio: perMB(largeMs, largeBytes) / perMB(smallMs, smallBytes), maxRssMB,
  strayListMsPerMB: perMB(strayMs, Buffer.byteLength(strayText)),
}));
