/** `recall` with no command: the home screen (decks → chapters → sections with what is due). */
import type { GlobalOptions } from '../context.js';
import { Study } from '../study.js';
import { requireTerminal, runTui } from '../tui.js';
import { openWorkspace } from '../workspace.js';

export async function run(_operands: string[], _options: unknown, globals: GlobalOptions): Promise<void> {
  requireTerminal('the home screen');
  const study = new Study(await openWorkspace(globals), globals);
  await runTui(study.app({ screen: 'home' }));
}
