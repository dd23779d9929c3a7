/**
 * The `recall` command line. Every command module is imported lazily, so a plain-text command never
 * loads Ink or React (start-up within 2.5× bare node, DESIGN.md).
 */
import { Command, CommanderError, Option } from 'commander';
import { UserError } from '../errors.js';
import type { GlobalOptions } from './context.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
const chapterOption = () =>
  new Option('--chapter <query>', 'only cards under outline nodes matching a number (1.2) or title text; repeatable').argParser(collect);

function globals(command: Command): GlobalOptions {
  const o = command.optsWithGlobals() as { home?: string; decks?: string[]; debug?: boolean };
  return { home: o.home, decks: o.decks ?? [], debug: o.debug === true };
}

/** Runs `action` of the module `name`, with the command's options merged with the global ones. */
function lazy(load: () => Promise<{ run: (operands: string[], options: any, globals: GlobalOptions) => Promise<void> | void }>) {
  return async function (this: Command, ...args: unknown[]) {
    const command = args[args.length - 1] as Command;
    const operands = command.args;
    const { run } = await load();
    await run(operands, command.opts(), globals(command));
  };
}

export function program(): Command {
  const p = new Command('recall')
    .description('Spaced-repetition flashcards from your markdown notes, in the terminal.')
    // The build writes package.json's version in here.
    .version(process.env.RECALL_VERSION ?? 'dev')
    .option('--home <dir>', 'data folder (default: $RECALL_HOME, else ~/.local/share/recall)')
    .option('--decks <path>', 'deck folder or note file instead of the configured decks; repeatable', collect)
    .option('--debug', 'print stack traces')
    .showHelpAfterError('(run recall --help for usage)')
    .exitOverride();

  p.command('home', { isDefault: true, hidden: true })
    .description('open the deck picker')
    .action(lazy(() => import('./commands/home.js')));

  p.command('review')
    .description('review what is due now')
    .addOption(chapterOption())
    .option('--cram', 'practise cards whether due or not, without changing their schedule')
    .action(lazy(() => import('./commands/review.js')));

  p.command('cards')
    .description('list the cards made from the notes')
    .addOption(chapterOption())
    .option('--lint', 'list cards a learner would likely drop, with the reason and where to fix them')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/cards.js')));

  p.command('decks')
    .description("show each deck's outline with card counts")
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/decks.js')));

  p.command('due')
    .description('what the queue holds now')
    .addOption(chapterOption())
    .option('--leeches', 'list leeches instead')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/due.js')));

  p.command('answer')
    .description('rate one card without the UI (rating: 1-4 or again|hard|good|easy)')
    .argument('<card-id>')
    .argument('<rating>')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/answer.js')));

  p.command('undo')
    .description('undo the last rating')
    .action(lazy(() => import('./commands/undo.js')));

  p.command('config')
    .description('show or change settings: config list | get KEY | set KEY VALUE | unset KEY')
    .argument('[action]', 'list, get, set or unset', 'list')
    .argument('[key]')
    .argument('[value...]')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/config.js')));

  p.command('stats')
    .description('review statistics (a screen in a terminal; --plain or --json for scripts)')
    .addOption(chapterOption())
    .option('--plain', 'print plain text')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/stats.js')));

  p.command('export')
    .description('export reviews, cards, stats (CSV or JSON) or cards for Anki')
    .argument('<what>', 'reviews | cards | stats | anki')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--force', 'replace an existing --out file')
    .addOption(chapterOption())
    .action(lazy(() => import('./commands/export.js')));

  p.command('optimize')
    .description('fit FSRS parameters to your review history')
    .option('--dry-run', 'only report, change nothing')
    .option('--force', 'save the fitted parameters even if they are not better')
    .option('--reset', 'go back to the default parameters')
    .action(lazy(() => import('./commands/optimize.js')));

  return p;
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; anything else is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UserError) {
      process.stderr.write(`recall: ${error.message}\n`);
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const e = error as Error;
    process.stderr.write(`recall: ${e?.message ?? String(error)}\n`);
    process.stderr.write(debug ? `${e?.stack ?? ''}\n` : '(run again with --debug for details)\n');
    return 70;
  }
}

// A closed pipe (`recall export reviews | head`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

if (!process.env.VITEST) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
