/** Writing an export file so it appears whole or not at all. */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
  let keptMode: number | null = null;
  if (existsSync(target)) {
    if (!force) throw new UserError(`${file} already exists; add --force to replace it`);
    const existing = statSync(target);
    if (existing.isDirectory()) throw new UserError(`${file} is a folder; give a file name to --out`);
    // The replacement keeps the permissions the user gave the old file.
    keptMode = existing.mode & 0o777;
  }
  const temp = join(folder, `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (error) {
    throw new UserError(`${file}: cannot write in ${folder} (${(error as NodeJS.ErrnoException).code}); choose another --out`);
  }
  try {
    try {
      if (keptMode !== null) fchmodSync(fd, keptMode);
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
