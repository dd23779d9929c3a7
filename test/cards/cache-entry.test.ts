/** A parse cache entry as a worker makes it and the main thread reads it back. */
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodedEntry, encodedEntry } from '../../src/cards/cache-entry.js';
import { parsedNote } from '../../src/cards/parse-workers.js';
import { CardTexts } from '../../src/cards/stored-card.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-cache-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOTE = `# Networks\n\n## 1. Routing\n\n- **OSPF**: link-state routing, areas\n- **BGP**: path-vector routing between autonomous systems\n\n## 2. Naming\n\nWhat resolves names to addresses?\n: DNS, asking resolvers that ask authoritative servers.\n`;

describe('cache entry', () => {
  it('reads back the cards it was made from, their texts from where the entry was written', () => {
    const cards = parsedNote({ text: NOTE, file: 'notes/net.md', deckKey: 'net.md' }, DEFAULT_SETTINGS);
    expect(cards.cards.length).toBeGreaterThan(1);
    const entry = encodedEntry(cards);
    // Written after 7 bytes of something else: the entry's offset in the file counts.
    const file = join(dir, 'entries');
    writeFileSync(file, Buffer.concat([Buffer.from('prefix:'), entry.bytes]));
    const decoded = decodedEntry(entry.bytes.subarray(entry.textBytes), new CardTexts(openSync(file, 'r')), 7);
    expect(JSON.parse(JSON.stringify(decoded.cards))).toEqual(JSON.parse(JSON.stringify(cards)));
  });

  it('keeps none of the bytes it was read from: its arrays have memory of their own', () => {
    const entry = encodedEntry(parsedNote({ text: NOTE, file: 'net.md', deckKey: 'net.md' }, DEFAULT_SETTINGS));
    const file = join(dir, 'entries-2');
    writeFileSync(file, entry.bytes);
    const { positions } = decodedEntry(entry.bytes.subarray(entry.textBytes), new CardTexts(openSync(file, 'r')), 0);
    expect(positions.buffer).not.toBe(entry.bytes.buffer);
    expect(positions.buffer.byteLength).toBe(positions.byteLength);
  });
});
