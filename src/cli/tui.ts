/** Running the Ink app in a terminal, on the alternate screen (see screen.ts). */
import { render } from 'ink';
import type { ReactElement } from 'react';
import { enterScreen, type Screen } from './screen.js';

/**
 * Renders `app` on the alternate screen (`screen`, when the caller took it already) until it exits; the
 * terminal is restored whatever happens.
 */
export async function runTui(app: ReactElement, screen: Screen = enterScreen()): Promise<void> {
  try {
    const instance = render(app, { exitOnCtrlC: true, patchConsole: false });
    await instance.waitUntilExit();
  } finally {
    screen.leave();
  }
}
