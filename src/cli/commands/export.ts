/**
 * `recall export reviews|cards|stats|anki [--format csv|json] [--out FILE] [--force] [--chapter Q]…`:
 * to stdout, or atomically to a file that is only replaced with --force.
 */
import { existsSync } from 'node:fs';
import { UsageError, UserError } from '../../errors.js';
import { ankiText } from '../../stats/anki.js';
import { CARD_COLUMNS, cardRows, DAY_COLUMNS, dayRows, REVIEW_COLUMNS, reviewRows, type Row } from '../../stats/export-rows.js';
import { filteredInput } from '../../stats/filter.js';
import type { StatsInput } from '../../stats/input.js';
import { writeFileAtomic } from '../../stats/output-file.js';
import { serializeRows, type ExportFormat } from '../../stats/serialize.js';
import type { GlobalOptions } from '../context.js';
import { statsInputOf } from '../stats-input.js';
import { openWorkspace, reportProblems } from '../workspace.js';

interface ExportOptions {
  readonly format: ExportFormat;
  readonly out?: string;
  readonly force?: boolean;
  readonly chapter?: string[];
}

interface Exported {
  readonly text: string;
  /** Rows written, and what they are. */
  readonly count: number;
  readonly noun: string;
}

const table = (rows: Row[], columns: readonly string[], format: ExportFormat, noun: string): Exported =>
  ({ text: serializeRows(rows, columns, format), count: rows.length, noun });

const EXPORTS: Readonly<Record<string, (input: StatsInput, now: Date, format: ExportFormat) => Exported>> = {
  reviews: (input, _now, format) => table(reviewRows(input), REVIEW_COLUMNS, format, 'reviews'),
  cards: (input, now, format) => table(cardRows(input, now), CARD_COLUMNS, format, 'cards'),
  stats: (input, _now, format) => table(dayRows(input), DAY_COLUMNS, format, 'days'),
  // Anki reads its own text format, whatever --format says.
  anki: (input) => ({ text: ankiText(input.cards), count: input.cards.length, noun: 'cards' }),
};

export async function run(operands: string[], options: ExportOptions, globals: GlobalOptions): Promise<void> {
  const what = operands[0] ?? '';
  const exporter = Object.hasOwn(EXPORTS, what) ? EXPORTS[what] : undefined;
  if (!exporter) throw new UsageError(`cannot export "${what}": choose one of ${Object.keys(EXPORTS).join(', ')}`);
  // Refuse before the work, not after it.
  if (options.out && !options.force && existsSync(options.out)) {
    throw new UserError(`${options.out} already exists; add --force to replace it`);
  }
  const now = new Date();
  const workspace = await openWorkspace(globals, now);
  reportProblems(workspace);
  const queries = options.chapter ?? [];
  const input = filteredInput(statsInputOf(workspace), queries);
  if (queries.length > 0 && input.cards.length === 0) {
    throw new UserError(`no cards under --chapter ${queries.join(', ')} (recall decks shows the outline)`);
  }
  const { text, count, noun } = exporter(input, now, options.format);
  if (!options.out) {
    process.stdout.write(text);
    return;
  }
  writeFileAtomic(options.out, text, options.force === true);
  process.stderr.write(`recall: wrote ${count} ${noun} to ${options.out}\n`);
}
