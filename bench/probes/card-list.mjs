// Loads a deck folder with the app's own pipeline and writes its cards' {id, deck, text} (the history
// generator gives its reviews to these cards, so the log matches the notes). Prints {cards, problems, ms}.
// The parse workers load this bundle too: only the main thread runs the probe.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { loadLibrary } from '../../src/cards/library.js';
// The library imports the parser lazily; in this one-file bundle that module then only runs when the
// main thread asks for it, so a worker loading the bundle would never start serving. Imported here, it runs.
import '../../src/cards/parse-workers.js';
import { cardText } from '../../src/schedule/relink.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

async function main() {
  const [dir, out] = process.argv.slice(2);
  const started = performance.now();
  const library = await loadLibrary([dir], DEFAULT_SETTINGS);
  const ms = performance.now() - started;
  writeFileSync(out, JSON.stringify(library.cards.map((c) => ({ id: c.id, deck: c.deck, text: cardText(c) }))));
  console.log(JSON.stringify({
    cards: library.cards.length, decks: library.decks.length, problems: library.problems.length, ms,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }));
}

if (isMainThread) await main();
