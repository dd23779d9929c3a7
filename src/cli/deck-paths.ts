/** Which deck paths a command reads: --decks, else the configured decks, else the built-in deck. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import type { Settings } from '../store/settings.js';
import type { GlobalOptions } from './context.js';

/** The package root: the nearest folder with a package.json above this module (src/ under vitest, dist/ when built). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the recall package folder');
    dir = parent;
  }
  return dir;
}

export function builtInDecks(): string {
  return path.join(packageRoot(), 'decks');
}

export function deckPaths(globals: GlobalOptions, settings: Settings): string[] {
  if (globals.decks.length > 0) {
    const missing = globals.decks.find((p) => !existsSync(p));
    if (missing !== undefined) throw new UserError(`${missing}: no such file or folder (check --decks)`);
    return [...globals.decks];
  }
  return settings.decks.length > 0 ? [...settings.decks] : [builtInDecks()];
}
