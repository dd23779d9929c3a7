/** `recall decks [--json]`: each deck's outline, chapters and sections with card counts. */
import type { DeckOutline, OutlineNode } from '../../cards/card.js';
import { sanitizeLine } from '../../ui/sanitize.js';
import { writePieces } from '../chunked-output.js';
import { decksJsonPieces } from '../deck-listing.js';
import type { GlobalOptions } from '../context.js';
import { loadedDecks } from '../load-decks.js';

interface DecksOptions {
  readonly json?: boolean;
}

/** Decks per piece of the JSON listing: about 170 KB. */
const DECKS_PER_PIECE = 256;

function nodeLine(node: OutlineNode, indent: string): string {
  const name = sanitizeLine([node.number, node.title].filter(Boolean).join(' ')) || '(untitled)';
  return `${indent}${name}  ${node.cards}`;
}

function textOf(deck: DeckOutline): string {
  const lines = [`${sanitizeLine(deck.title)}  (${sanitizeLine(deck.key)}, ${deck.cards} card${deck.cards === 1 ? '' : 's'})`];
  for (const chapter of deck.chapters) {
    lines.push(nodeLine(chapter, '  '));
    for (const section of chapter.children) lines.push(nodeLine(section, '    '));
  }
  return lines.join('\n');
}

export async function run(_operands: string[], options: DecksOptions, globals: GlobalOptions): Promise<void> {
  const library = await loadedDecks(globals);
  if (options.json) {
    await writePieces(process.stdout, decksJsonPieces(library.deckColumns, DECKS_PER_PIECE));
    return;
  }
  const { decks } = library;
  process.stdout.write(decks.length ? `${decks.map(textOf).join('\n\n')}\n` : 'No decks.\n');
}
