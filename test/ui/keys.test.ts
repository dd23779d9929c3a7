import { describe, expect, it } from 'vitest';
import { commandFor, KEY_TABLE, type Screen } from '../../src/ui/keys.js';

describe('key table', () => {
  it.each(Object.keys(KEY_TABLE) as Screen[])('%s: no key runs two commands at the same stage', (screen) => {
    for (const stage of ['front', 'back'] as const) {
      const seen = new Map<string, string>();
      for (const binding of KEY_TABLE[screen]) {
        if (binding.stage !== 'any' && binding.stage !== stage) continue;
        for (const key of binding.keys) {
          expect(seen.get(key), `${screen}/${stage}: ${key}`).toBeUndefined();
          seen.set(key, binding.command);
        }
      }
    }
  });

  it('space reveals on the front and rates Good on the back', () => {
    expect(commandFor('review', 'space', 'front')).toBe('reveal');
    expect(commandFor('review', 'space', 'back')).toBe('good');
    expect(commandFor('review', '3', 'front')).toBeUndefined();
  });

  it('every binding has a description for the help overlay', () => {
    for (const bindings of Object.values(KEY_TABLE)) for (const b of bindings) expect(b.description).not.toBe('');
  });
});
