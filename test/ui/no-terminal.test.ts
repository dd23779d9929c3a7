/** Outside a terminal the interactive commands refuse with one line naming the plain commands. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const home = mkdtempSync(join(tmpdir(), 'recall-notty-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const recall = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/recall.js', '--home', home, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, VITEST: '', XDG_CONFIG_HOME: home },
  });

describe('interactive commands without a terminal', () => {
  it.each([[[]], [['review']], [['review', '--cram', '--chapter', '1.2']]])('recall %j exits 2 with one line', (args) => {
    const result = recall(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^recall: .* needs a terminal; in scripts use `recall due`, `recall answer <card> <rating>` and `recall cards`$/);
  });
});
