import { describe, expect, it } from 'vitest';
import { encodeStrings, findRow, rowSlots, StoredStrings } from '../../src/schedule/stored-strings.js';

describe('stored strings', () => {
  it('decode exactly what was encoded, any JavaScript string', () => {
    const values = ['f5e4710c1125', '', 'deck/ünïcode.md', '漢字カード', '😀 emoji', 'lone \ud800 surrogate', 'x'.repeat(3000)];
    const { starts, block } = encodeStrings(values);
    const strings = new StoredStrings(block, starts);
    expect(values.map((_, i) => strings.at(i))).toEqual(values);
    expect(strings.at(4)).toBe(strings.at(4));
    values.forEach((value, i) => {
      expect(strings.equals(i, value)).toBe(true);
      expect(strings.equals(i, `${value}.`)).toBe(false);
      expect(strings.equals((i + 1) % values.length, value)).toBe(false);
    });
    expect(strings.equals(0, 'f5e4710c1126')).toBe(false);
  });

  it('find the row of every key and none for others, collisions included', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `card-${i.toString(16)}`);
    const slots = rowSlots(keys);
    expect(slots.length).toBe(2048);
    expect(slots.filter((s) => s !== 0).length).toBe(keys.length);
    const isKey = (row: number, key: string) => keys[row] === key;
    keys.forEach((key, row) => expect(findRow(slots, key, isKey)).toBe(row));
    for (const absent of ['card-', 'card-3e8', '', 'CARD-1']) expect(findRow(slots, absent, isKey)).toBe(-1);
    expect(findRow(rowSlots([]), 'anything', isKey)).toBe(-1);
  });
});
