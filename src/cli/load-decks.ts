/** The decks a plain command works on: settings → deck paths → library, bad files reported on stderr. */
import { formatProblem } from '../errors.js';
import { loadLibrary, type LintedLibrary } from '../cards/library.js';
import { loadSettings } from '../store/config.js';
import { cacheDir, dataHome } from '../store/paths.js';
import type { GlobalOptions } from './context.js';
import { sanitizeLine } from '../ui/sanitize.js';
import { deckPaths } from './deck-paths.js';
import { parseProgress } from './parse-progress.js';

export async function loadedDecks(globals: GlobalOptions): Promise<LintedLibrary> {
  const settings = await loadSettings();
  const library = await loadLibrary(deckPaths(globals, settings), settings, {
    cacheDir: cacheDir(dataHome(globals.home)),
    progress: parseProgress(),
  });
  // One line each, even for a file name holding a newline or an escape sequence.
  for (const problem of library.problems) process.stderr.write(`recall: ${sanitizeLine(formatProblem(problem))}\n`);
  return library;
}
