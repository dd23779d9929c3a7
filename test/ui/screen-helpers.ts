/** Driving ink-testing-library screens: mounting, key constants and waiting for the frame we expect. */
import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { expect } from 'vitest';

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  space: ' ',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
} as const;

/** Lets Ink subscribe to stdin after render (DESIGN.md, measured facts). */
export const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Renders a screen and lets Ink subscribe to its input; ink-testing-library's `cleanup` (in `afterEach`) ends it. */
export async function mountScreen(node: ReactElement) {
  const r = render(node);
  await tick();
  return r;
}

/** `s` without SGR styles. */
export const strip = (s: string) => s.replace(/\u001B\[[0-9;]*m/g, '');

/** The last frame without styles. */
export const frameText = (lastFrame: () => string | undefined) => strip(lastFrame() ?? '');

/** Resolves once `predicate` holds for the last frame; fails with that frame after `ms`. */
export async function waitForFrame(lastFrame: () => string | undefined, predicate: (frame: string) => boolean, ms = 5000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const frame = frameText(lastFrame);
    if (predicate(frame)) {
      // A new screen subscribes to input in an effect after its first frame: let that run before the next key.
      await tick();
      return frame;
    }
    if (Date.now() > deadline) {
      expect.fail(`frame never matched:\n${frame}`);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export const waitForText = (lastFrame: () => string | undefined, text: string) => waitForFrame(lastFrame, (f) => f.includes(text));
