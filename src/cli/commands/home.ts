/** `recall` with no command: the home screen (decks → chapters → sections with what is due). */
import { colorWanted, createPaint } from '../../ui/paint.js';
import type { GlobalOptions } from '../context.js';
import { Study } from '../study.js';
import { requireTerminal } from '../terminal.js';
import { loadUi } from '../ui-modules.js';
import { openWorkspace, reportProblems } from '../workspace.js';

export async function run(_operands: string[], _options: unknown, globals: GlobalOptions): Promise<void> {
  requireTerminal('the home screen');
  const ui = loadUi();
  const workspace = await openWorkspace(globals);
  // Written before the app takes the alternate screen, so they are on the terminal when it quits.
  reportProblems(workspace);
  const { studyApp, runTui } = await ui;
  await runTui(studyApp(new Study(workspace, globals), { screen: 'home' }, createPaint(colorWanted(process.env))));
}
