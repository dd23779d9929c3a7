// The generated inputs, built once per seed and generator version and cached under bench/out.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, CORPUS_VERSION } from '../gen-corpus.mjs';
import { history, HISTORY_VERSION } from '../gen-history.mjs';
import { runProbe, NotBuilt } from './probes.mjs';
import { root } from './recall.mjs';

export const outDir = join(root, 'bench', 'out');

export const SIZES = {
  full: { files: 10_000, hugeBytes: 5 * 2 ** 20, cards: 50_000, reviews: 1_000_000, days: 1095 },
  quick: { files: 1_000, hugeBytes: 1.5 * 2 ** 20, cards: 5_000, reviews: 100_000, days: 1095 },
};

export function corpusInput(seed, size) {
  const name = `corpus-${size.files}-s${seed}-v${CORPUS_VERSION}`;
  return corpus(join(outDir, name), { seed, files: size.files, hugeBytes: size.hugeBytes });
}

/** Hash of the sources that decide card ids and texts: when they change, the card list is rebuilt. */
function cardsSourceHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(root, 'src', 'cards'));
  hash.update(readFileSync(join(root, 'src', 'schedule', 'relink.ts')));
  return hash.digest('hex').slice(0, 12);
}

/**
 * The cards the history is made for: `size.cards` cards of the corpus, sampled evenly in note order,
 * with ids from the app's own pipeline; before that pipeline exists, synthetic ids (source "synthetic").
 */
export async function cardList(manifest, size, log) {
  let source = 'synthetic';
  let all;
  try {
    const file = join(outDir, `cards-${manifest.files}-s${manifest.seed}-${cardsSourceHash()}.json`);
    if (!existsSync(file)) {
      log(`  listing the cards of the corpus with the app's pipeline (once per version of src/cards)…`);
      const r = await runProbe('card-list', [manifest.notesDir, file]);
      log(`  ${r.cards} cards in ${r.decks} decks (${(r.ms / 1000).toFixed(1)} s in-process, ${r.problems} problems)`);
    }
    all = JSON.parse(readFileSync(file, 'utf8'));
    source = `corpus ${file.split('/').pop()}`;
  } catch (error) {
    if (!(error instanceof NotBuilt)) throw error;
    log(`  cards pipeline not built (${error.message}): synthetic card ids`);
  }
  if (!all || all.length < size.cards) {
    if (all) log(`  only ${all.length} cards in the corpus: topping up with synthetic ids`);
    const have = all ?? [];
    const synthetic = Array.from({ length: size.cards - have.length }, (_, i) => ({
      id: createHash('sha256').update(`synthetic ${manifest.seed} ${i}`).digest('hex').slice(0, 12),
      deck: `synthetic/deck-${String(Math.floor(i / 25)).padStart(4, '0')}.md`,
      text: `synthetic card ${i}`,
    }));
    return { source: all ? `${source} + synthetic` : source, cards: [...have, ...synthetic] };
  }
  const step = all.length / size.cards;
  return { source, cards: Array.from({ length: size.cards }, (_, i) => all[Math.floor(i * step)]) };
}

export async function historyInput(seed, size, cards, log) {
  const key = createHash('sha256').update(JSON.stringify(cards.cards.map((c) => c.id))).digest('hex').slice(0, 10);
  const home = join(outDir, `history-${size.reviews}-s${seed}-v${HISTORY_VERSION}-${key}`);
  if (!existsSync(join(home, 'manifest.json'))) log(`  generating history (${size.reviews} reviews over ${size.cards} cards)…`);
  const manifest = await history(home, cards.cards, { seed, reviews: size.reviews, days: size.days, retention: 0.96, source: cards.source });
  // The queue probe needs the cards themselves, in note order.
  const cardsFile = join(outDir, `history-cards-${key}.json`);
  if (!existsSync(cardsFile)) writeFileSync(cardsFile, JSON.stringify(cards.cards.map(({ id, deck }) => ({ id, deck }))));
  return { ...manifest, cardsFile };
}
