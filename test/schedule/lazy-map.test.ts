import { describe, expect, it } from 'vitest';
import { LazyMap } from '../../src/schedule/lazy-map.js';

describe('LazyMap', () => {
  it('fills on first read, once, and behaves as the filled Map would with entries set before', () => {
    let fills = 0;
    const base: [string, number][] = [['a', 1], ['b', 2], ['c', 3]];
    const lazy = new LazyMap<string, number>(() => {
      fills++;
      return base;
    });
    lazy.set('b', 20).set('d', 4);
    expect(fills).toBe(0);
    const plain = new Map(base).set('b', 20).set('d', 4);
    expect([...lazy]).toEqual([...plain]);
    expect(lazy.size).toBe(4);
    expect(lazy.get('b')).toBe(20);
    expect(lazy.has('c')).toBe(true);
    expect(new Map(lazy)).toEqual(plain);
    expect(fills).toBe(1);
    lazy.delete('a');
    expect([...lazy.keys()]).toEqual(['b', 'c', 'd']);
  });
});
