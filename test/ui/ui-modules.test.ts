import { describe, expect, it } from 'vitest';
import { loadUi } from '../../src/cli/ui-modules.js';

describe('loadUi', () => {
  it('gives the app and the terminal runner, and leaves the fetch global as it found it', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    const ui = await loadUi();
    expect(typeof ui.studyApp).toBe('function');
    expect(typeof ui.runTui).toBe('function');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
  });
});
