/** Writing an export file so it appears whole or not at all. */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';

/**
 * Writes `text` to `file` through a temporary file in the same folder (fsynced, then renamed over
 * it), so a reader never sees half an export. An existing file is replaced only with `force`.
 */
export function writeFileAtomic(file: string, text: string, force: boolean): void {
  const target = resolve(file);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserError(`${file}: folder ${folder} does not exist; create it or choose another --out`);
  }
  if (existsSync(target)) {
    if (!force) throw new UserError(`${file} already exists; add --force to replace it`);
    if (statSync(target).isDirectory()) throw new UserError(`${file} is a folder; give a file name to --out`);
  }
  const temp = join(folder, `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  // The rename is durable once the folder's entry is on disk too.
  const dir = openSync(folder, 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
