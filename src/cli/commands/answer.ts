/** `recall answer CARD_ID RATING [--json]`: rate one card without the UI; prints the new due date. */
import type { GlobalOptions } from '../context.js';
import { parseRating, RATING_NAMES } from '../ratings.js';
import { dueText } from '../when.js';
import { openWorkspace, reportProblems } from '../workspace.js';

export async function run(operands: string[], options: { json?: boolean }, globals: GlobalOptions): Promise<void> {
  const [cardId = '', ratingText = ''] = operands;
  const rating = parseRating(ratingText);
  const now = new Date();
  const workspace = await openWorkspace(globals, now);
  reportProblems(workspace);
  const state = workspace.rate(cardId, rating, 0, now);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ card: cardId, rating, state }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${cardId}: ${RATING_NAMES[rating]}; ${state.phase}, due ${dueText(state.due, now)}\n`);
}
