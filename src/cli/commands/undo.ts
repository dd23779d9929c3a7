/** `recall undo`: take back this device's last rating (or bury, suspend, forget…) not yet undone. */
import type { GlobalOptions } from '../context.js';
import { RATING_NAMES } from '../ratings.js';
import { dueText, localTime } from '../when.js';
import { openWorkspace, reportProblems } from '../workspace.js';

export async function run(_operands: string[], _options: unknown, globals: GlobalOptions): Promise<void> {
  const now = new Date();
  const workspace = await openWorkspace(globals, now);
  reportProblems(workspace);
  const undone = workspace.undo(now);
  if (!undone) {
    process.stdout.write('Nothing to undo on this device.\n');
    return;
  }
  const { event, state } = undone;
  const what = event.type === 'review' || event.type === 'cram' ? `${event.type} (${RATING_NAMES[event.rating]})` : event.type;
  const card = 'card' in event ? event.card : '';
  const after = state ? (state.phase === 'new' ? 'new again' : `due ${dueText(state.due, now)}`) : 'new again';
  process.stdout.write(`Undid ${what} of ${card} from ${localTime(new Date(event.at))}; ${after}\n`);
}
