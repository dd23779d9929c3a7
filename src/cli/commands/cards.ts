/** `recall cards [--chapter Q]… [--lint] [--json]`: the cards made from the notes, or what --lint finds. */
import type { Card } from '../../cards/card.js';
import type { LintFinding } from '../../cards/deck.js';
import { matchesChapter } from '../../cards/filter.js';
import { UserError } from '../../errors.js';
import { sanitize, sanitizeLine } from '../../ui/sanitize.js';
import type { GlobalOptions } from '../context.js';
import { loadedDecks } from '../load-decks.js';

interface CardsOptions {
  readonly chapter?: string[];
  readonly lint?: boolean;
  readonly json?: boolean;
}

/** Note text for the terminal: escape sequences and control characters removed, lines indented under a label. */
function indented(label: string, markdown: string): string {
  return sanitize(markdown)
    .split('\n')
    .map((line, i) => `${i === 0 ? label : '   '}${line}`.trimEnd())
    .join('\n');
}

function cardText(card: Card): string {
  const head = `── ${card.id} · ${card.kind} · ${sanitizeLine(card.source.file)}:${card.source.line}`;
  return [head, indented('Q  ', card.front), indented('A  ', card.back)].join('\n');
}

function lintText(finding: LintFinding): string {
  return `${sanitizeLine(finding.file)}:${finding.line}: ${finding.reason}\n${indented('   ', finding.front.split('\n')[0] ?? '')}`;
}

export async function run(_operands: string[], options: CardsOptions, globals: GlobalOptions): Promise<void> {
  const library = await loadedDecks(globals);
  const queries = options.chapter ?? [];
  if (options.lint) {
    const findings = library.lint;
    if (options.json) process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
    else process.stdout.write(findings.length ? `${findings.map(lintText).join('\n')}\n${findings.length} finding(s)\n` : 'No findings.\n');
    return;
  }
  const cards = library.cards.filter((card) => matchesChapter(card, queries));
  if (queries.length > 0 && cards.length === 0) {
    throw new UserError(`no cards under --chapter ${queries.join(', ')} (recall decks shows the outline)`);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(cards, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${cards.map(cardText).join('\n\n')}\n\n${cards.length} card${cards.length === 1 ? '' : 's'}\n`);
}
