/** `recall` with no command: the home screen (decks → chapters → sections with what is due). */
import type { GlobalOptions } from '../context.js';
import { Study } from '../study.js';
import { requireTerminal, runTui } from '../tui.js';
import { openWorkspace, reportProblems } from '../workspace.js';

export async function run(_operands: string[], _options: unknown, globals: GlobalOptions): Promise<void> {
  requireTerminal('the home screen');
  const workspace = await openWorkspace(globals);
  // Written before the app takes the alternate screen, so they are on the terminal when it quits.
  reportProblems(workspace);
  await runTui(new Study(workspace, globals).app({ screen: 'home' }));
}
