/**
 * A note's cards as the parse cache stores them: the cards' fronts and backs as UTF-8, then everything
 * else as v8-serialised columns (see stored-columns). Made where the note is parsed: a worker thread
 * sends these bytes, not the cards, so the main thread never copies in the texts it only writes to disk.
 */
import { DefaultDeserializer, deserialize, serialize } from 'node:v8';
import type { DeckOutline } from './card.js';
import type { FileCards } from './deck.js';
import type { CardTexts } from './stored-card.js';
import {
  cardColumns,
  cardTextBytes,
  storedCards,
  stringColumn,
  stringsOf,
  type CardColumns,
  type StringColumn,
} from './stored-columns.js';
import { deckColumns, decksOf, type DeckColumns } from './stored-decks.js';

/** An entry's FileCards without the card texts, as columns. */
interface EntryMeta extends Omit<FileCards, 'deck' | 'cards' | 'dedupeKeys'> {
  readonly deck: DeckColumns | null;
  readonly cards: CardColumns;
  readonly dedupeKeys: StringColumn;
}

/** An entry's bytes: its card texts (the first `textBytes`), then its meta. */
export interface EncodedEntry {
  /** A buffer of its own, so that a worker can transfer it rather than copy it. */
  readonly bytes: Uint8Array;
  readonly textBytes: number;
}

export function encodedEntry(value: FileCards): EncodedEntry {
  const { bytes: texts, texts: positions } = cardTextBytes(value.cards);
  const meta: EntryMeta = {
    ...value,
    deck: value.deck && deckColumns([value.deck]),
    cards: cardColumns(value.cards, positions),
    dedupeKeys: stringColumn(value.dedupeKeys),
  };
  const metaBytes = serialize(meta);
  const bytes = new Uint8Array(texts.length + metaBytes.length);
  bytes.set(texts);
  bytes.set(metaBytes, texts.length);
  return { bytes, textBytes: texts.length };
}

interface HostObjectReader {
  _readHostObject(this: DefaultDeserializer): unknown;
}

/**
 * Reads like `v8.deserialize`, except that typed arrays get memory of their own: v8's are views of the
 * bytes read, so one column kept (a deck's, each card's text positions) would keep the whole entry, its
 * card texts too, in memory.
 */
class OwnArraysDeserializer extends DefaultDeserializer {
  _readHostObject(): unknown {
    const value = (DefaultDeserializer.prototype as unknown as HostObjectReader)._readHostObject.call(this);
    if (Buffer.isBuffer(value)) return Buffer.from(value);
    return ArrayBuffer.isView(value) && !(value instanceof DataView) ? (value as Int32Array).slice() : value;
  }
}

function deserialized(bytes: Uint8Array): unknown {
  const reader = new OwnArraysDeserializer(bytes);
  reader.readHeader();
  return reader.readValue();
}

/** The card columns of the entry whose meta is `meta` (their text positions from the entry's start). */
export const entryCardColumns = (meta: Uint8Array): CardColumns => (deserialize(meta) as EntryMeta).cards;

/**
 * The cards of the entry whose meta is `meta`, their texts read from `texts` (the entry starting at
 * `at` of that file), and where each card's texts are in the entry (CardColumns.texts).
 */
export function decodedEntry(meta: Uint8Array, texts: CardTexts, at: number): { cards: FileCards; positions: Float64Array } {
  const stored = deserialized(meta) as EntryMeta;
  const deck = stored.deck && (decksOf(stored.deck)[0] as DeckOutline);
  const cards = { ...stored, deck, cards: storedCards(stored.cards, texts, at), dedupeKeys: stringsOf(stored.dedupeKeys) };
  return { cards, positions: stored.cards.texts };
}
