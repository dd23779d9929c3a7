/**
 * Strings stored as one block of UTF-16 code units with their starts, each decoded when first asked
 * for: a snapshot head holds tens of thousands of card ids that a start mostly never reads. UTF-16
 * keeps any JavaScript string exactly, lone surrogates included.
 */
import { fnv1a } from './fnv1a.js';

export class StoredStrings {
  private readonly decoded: (string | undefined)[];
  private readonly units: Uint16Array;

  constructor(
    /** 2-aligned in its buffer. */
    private readonly block: Buffer,
    /** Where each string starts in `block`, in code units, and where the last ends. */
    private readonly starts: Uint32Array,
  ) {
    this.decoded = new Array<string | undefined>(starts.length - 1);
    this.units = new Uint16Array(block.buffer, block.byteOffset, block.length / 2);
  }

  /** Whether the `i`th string is `s`, compared in place: a lookup decodes nothing. */
  equals(i: number, s: string): boolean {
    const start = this.starts[i] as number;
    if ((this.starts[i + 1] as number) - start !== s.length) return false;
    for (let k = 0; k < s.length; k++) if (this.units[start + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  /** The `i`th string. */
  at(i: number): string {
    let s = this.decoded[i];
    if (s === undefined) this.decoded[i] = s = this.block.toString('utf16le', 2 * (this.starts[i] as number), 2 * (this.starts[i + 1] as number));
    return s;
  }
}

/** `values` as `StoredStrings` reads them: the starts (one more than the values) and the block. */
export function encodeStrings(values: readonly string[]): { starts: Uint32Array; block: Buffer } {
  const starts = new Uint32Array(values.length + 1);
  let units = 0;
  values.forEach((value, i) => {
    starts[i] = units;
    units += value.length;
  });
  starts[values.length] = units;
  const block = Buffer.alloc(2 * units);
  values.forEach((value, i) => block.write(value, 2 * (starts[i] as number), 'utf16le'));
  return { starts, block };
}

/**
 * An open-addressing hash table of rows by their string key (FNV-1a, linear probing): each slot holds
 * a row + 1, or 0 when free; a power of two, at least twice the rows. Stored with the snapshot head,
 * it finds a card's row for the cost of hashing its id, where building a Map of every id cost a start
 * more than all the rest of its load.
 */
export function rowSlots(keys: readonly string[]): Uint32Array {
  let size = 1;
  while (size < 2 * keys.length) size *= 2;
  const slots = new Uint32Array(size);
  const mask = size - 1;
  keys.forEach((key, row) => {
    let slot = fnv1a(key) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = row + 1;
  });
  return slots;
}

/** The row of `key` in `slots` (made by `rowSlots`; `isKey(row, key)` says whether `key` is that row's), or -1. */
export function findRow(slots: Uint32Array, key: string, isKey: (row: number, key: string) => boolean): number {
  const mask = slots.length - 1;
  for (let slot = fnv1a(key) & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[slot] as number;
    if (entry === 0) return -1;
    if (isKey(entry - 1, key)) return entry - 1;
  }
}
