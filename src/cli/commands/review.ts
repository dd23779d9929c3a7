/** `recall review [--chapter Q]… [--cram]`: straight into a review (or cram) session, then its summary. */
import { UserError } from '../../errors.js';
import { sanitizeLine } from '../../ui/sanitize.js';
import type { GlobalOptions } from '../context.js';
import { scopeCards } from '../review-session.js';
import { requireTerminal } from '../terminal.js';
import { loadUi } from '../ui-modules.js';
import { openWorkspace, reportProblems } from '../workspace.js';

export interface ReviewOptions {
  readonly chapter?: string[];
  readonly cram?: boolean;
}

export async function run(_operands: string[], options: ReviewOptions, globals: GlobalOptions): Promise<void> {
  requireTerminal('review');
  const ui = loadUi();
  const workspace = await openWorkspace(globals);
  // Written before the app takes the alternate screen, so they are on the terminal when it quits.
  reportProblems(workspace);
  const scope = { selection: null, chapters: options.chapter ?? [], cram: options.cram === true };
  if (scopeCards(workspace, scope).length === 0) {
    throw new UserError(scope.chapters.length > 0
      ? `no cards under a chapter matching ${scope.chapters.map((c) => `"${c}"`).join(', ')}; \`recall decks\` shows the outline`
      : 'no cards in the decks; `recall config set decks <folder>` points recall at your notes');
  }
  const { Study, runTui } = await ui;
  const study = new Study(workspace, globals);
  const port = study.session(scope);
  const first = port.next();
  if (first.item === null) {
    process.stdout.write(`Nothing due now in ${sanitizeLine(port.title)}. \`recall review --cram\` practises anyway.\n`);
    return;
  }
  await runTui(study.app({ screen: 'review', port, first }));
}
