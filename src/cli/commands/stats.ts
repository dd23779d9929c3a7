/** `recall stats [--chapter Q]… [--plain] [--json]`: the stats screen in a terminal, else text or JSON. */
import { UserError } from '../../errors.js';
import { statsReport } from '../../stats/report.js';
import { plainStats } from '../../stats/sections.js';
import { sanitize } from '../../ui/sanitize.js';
import type { GlobalOptions } from '../context.js';
import { statsInputOf } from '../stats-input.js';
import { openWorkspace, reportProblems } from '../workspace.js';

interface StatsOptions {
  readonly chapter?: string[];
  readonly plain?: boolean;
  readonly json?: boolean;
}

export async function run(_operands: string[], options: StatsOptions, globals: GlobalOptions): Promise<void> {
  const now = new Date();
  const workspace = await openWorkspace(globals, now);
  reportProblems(workspace);
  const queries = options.chapter ?? [];
  if (queries.length > 0 && workspace.cards(queries).length === 0) {
    throw new UserError(`no cards under --chapter ${queries.join(', ')} (recall decks shows the outline)`);
  }
  const input = statsInputOf(workspace);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(statsReport(input, queries, now), null, 2)}\n`);
    return;
  }
  if (options.plain || !process.stdin.isTTY || !process.stdout.isTTY) {
    // Chapter and deck names come from notes: no escape sequence of theirs reaches a terminal.
    process.stdout.write(sanitize(plainStats(statsReport(input, queries, now), process.stdout.columns || 80)));
    return;
  }
  // Only the screen needs Ink and React: text and JSON never load them.
  const [{ runTui }, { statsApp }, { colorWanted, createPaint }] = await Promise.all([
    import('../tui.js'),
    import('../../ui/stats/stats-app.js'),
    import('../../ui/paint.js'),
  ]);
  const paint = createPaint(colorWanted(process.env));
  await runTui(statsApp({ load: () => statsReport(input, queries, new Date()), paint }));
}
