/** Where recall keeps its data (DESIGN.md, "Where things live on disk"). Folders 0700, files 0600. */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../errors.js';

export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) readable by the owner only; an existing folder is left as it is. */
export function ensureFolder(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EEXIST' || e.code === 'ENOTDIR') throw new UserError(`${dir} is not a folder; move that file away or choose another data folder with --home`);
    throw new UserError(`cannot create the folder ${dir} (${e.code ?? e.message}); check the path and its permissions`);
  }
  return dir;
}

/** An XDG base dir: the variable when it holds an absolute path (the spec ignores relative ones), else the fallback under ~. */
function xdgBase(variable: 'XDG_DATA_HOME' | 'XDG_CONFIG_HOME', ...fallback: string[]): string {
  const xdg = process.env[variable];
  return xdg && isAbsolute(xdg) ? xdg : join(homedir(), ...fallback);
}

/** The data folder: `--home`, else $RECALL_HOME, else `<XDG data dir>/recall`; created 0700 if missing. */
export function dataHome(option?: string): string {
  const chosen = option || process.env.RECALL_HOME || join(xdgBase('XDG_DATA_HOME', '.local', 'share'), 'recall');
  return ensureFolder(resolve(chosen));
}

/** The settings folder: `<XDG config dir>/recall` (not created here). */
export function configHome(): string {
  return join(xdgBase('XDG_CONFIG_HOME', '.config'), 'recall');
}

/** `<home>/log`: one review log per device. Created if missing. */
export function logDir(home: string): string {
  return ensureFolder(logPath(home));
}

/** `<home>/cache`: rebuildable caches only. Created if missing. */
export function cacheDir(home: string): string {
  return ensureFolder(join(home, 'cache'));
}

/** The log folder's path, without creating it (reading a home that has no log yet must not write). */
export function logPath(home: string): string {
  return join(home, 'log');
}
