/** `recall review [--chapter Q]… [--cram]`: straight into a review (or cram) session, then its summary. */
import { UserError } from '../../errors.js';
import { colorWanted, createPaint } from '../../ui/paint.js';
import { firstReviewScreen } from '../../ui/review-frame.js';
import { sanitizeLine } from '../../ui/sanitize.js';
import { terminalSize } from '../../ui/terminal-size.js';
import type { GlobalOptions } from '../context.js';
import { scopeCards } from '../review-session.js';
import { enterScreen } from '../screen.js';
import { Study } from '../study.js';
import { requireTerminal } from '../terminal.js';
import { loadUi } from '../ui-modules.js';
import { openWorkspace, reportProblems } from '../workspace.js';

export interface ReviewOptions {
  readonly chapter?: string[];
  readonly cram?: boolean;
}

/**
 * Whether Ink draws frames as they come: not in CI (it then writes only the last frame, as for a log)
 * nor for a screen reader (it then writes plain text). Ink's own tests of the environment.
 */
const inkDrawsFrames = (env: NodeJS.ProcessEnv) =>
  !['CI', 'CONTINUOUS_INTEGRATION'].some((key) => key in env && env[key] !== '0' && env[key] !== 'false') &&
  env.INK_SCREEN_READER !== 'true';

export async function run(_operands: string[], options: ReviewOptions, globals: GlobalOptions): Promise<void> {
  requireTerminal('review');
  const workspace = await openWorkspace(globals);
  // Written before the app takes the alternate screen, so they are on the terminal when it quits.
  reportProblems(workspace);
  const scope = { selection: null, chapters: options.chapter ?? [], cram: options.cram === true };
  if (scopeCards(workspace, scope).length === 0) {
    throw new UserError(scope.chapters.length > 0
      ? `no cards under a chapter matching ${scope.chapters.map((c) => `"${c}"`).join(', ')}; \`recall decks\` shows the outline`
      : 'no cards in the decks; `recall config set decks <folder>` points recall at your notes');
  }
  const study = new Study(workspace, globals);
  const port = study.session(scope);
  const first = port.next();
  if (first.item === null) {
    process.stdout.write(`Nothing due now in ${sanitizeLine(port.title)}. \`recall review --cram\` practises anyway.\n`);
    return;
  }
  // The first card goes on screen before Ink and React are loaded (they take longer to load and start
  // than everything before), drawn by the same code as the review screen's first frame, which Ink then
  // draws over it.
  const paint = createPaint(colorWanted(process.env));
  const shownAt = Date.now();
  const screen = enterScreen(inkDrawsFrames(process.env) ? firstReviewScreen(port, first, terminalSize(process.stdout), paint, shownAt) : '');
  const ui = await loadUi().catch((error: unknown) => {
    screen.leave();
    throw error;
  });
  await ui.runTui(ui.studyApp(study, { screen: 'review', port, first, shownAt }, paint), screen);
}
