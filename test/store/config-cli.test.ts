import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recall-config-cli-'));
  file = join(dir, 'recall', 'config.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI does not start itself under vitest (it checks VITEST), so the child must not inherit it. */
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'RECALL_HOME'));

function recall(...args: string[]) {
  const bin = join(import.meta.dirname, '../../bin/recall.js');
  const result = spawnSync(process.execPath, [bin, '--home', dir, 'config', ...args], {
    encoding: 'utf8',
    env: { ...childEnv, XDG_CONFIG_HOME: dir },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('recall config', () => {
  it('lists every setting, marking defaults, and the file it reads', () => {
    const { code, stdout } = recall('list');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`# ${file}`);
    expect(lines).toContain('desiredRetention  0.9  (default)');
    expect(lines).toContain('learningSteps     1m, 10m  (default)');
    expect(lines.at(-1)).toMatch(/^deviceId          [0-9a-f]{10}$/);
    expect(JSON.parse(recall('list', '--json').stdout)).toMatchObject({ newPerDay: 20, learningSteps: ['1m', '10m'] });
  });

  it('sets, gets and unsets, exit 0', () => {
    expect(recall('set', 'desiredRetention', '0.85')).toEqual({ code: 0, stdout: 'desiredRetention  0.85\n', stderr: '' });
    expect(recall('set', 'learningSteps', '1m', '10m', '1h')).toMatchObject({ code: 0, stdout: 'learningSteps  1m, 10m, 1h\n' });
    expect(recall('get', 'learningSteps', '--json')).toMatchObject({ code: 0, stdout: '["1m","10m","1h"]\n' });
    expect(recall('get', 'desiredRetention')).toMatchObject({ code: 0, stdout: '0.85\n' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ desiredRetention: 0.85, learningSteps: ['1m', '10m', '1h'] });
    expect(recall('unset', 'desiredRetention')).toMatchObject({ code: 0, stdout: 'desiredRetention  0.9  (default)\n' });
    expect(recall('set', 'relearningSteps', '[]')).toMatchObject({ code: 0, stdout: 'relearningSteps  []\n' });
  });

  it('refuses an out-of-range value with the allowed range, exit 1, file unchanged', () => {
    recall('set', 'newPerDay', '10');
    const before = readFileSync(file, 'utf8');
    expect(recall('set', 'desiredRetention', '1.5')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'recall: desiredRetention must be a number from 0.7 to 0.99, not "1.5"; nothing was changed\n',
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(recall('get', 'nope')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^recall: there is no setting "nope"/) });
  });

  it('exits 2 on a command line that does not parse', () => {
    expect(recall('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown config action "frobnicate"') });
    expect(recall('get')).toMatchObject({ code: 2, stderr: expect.stringContaining('recall config get KEY: expected a key') });
    expect(recall('set', 'newPerDay')).toMatchObject({ code: 2 });
  });

  it('names the file and the key of a hand-broken config, with no stack trace', () => {
    recall('list');
    writeFileSync(file, JSON.stringify({ deviceId: 'laptop', dayStartsAt: 'four' }));
    const broken = recall('list');
    expect(broken).toEqual({
      code: 1,
      stdout: '',
      stderr: `recall: ${file}: "dayStartsAt" is "four", but it must be a whole number from 0 to 23; fix the file, or run: recall config unset dayStartsAt\n`,
    });
    expect(recall('unset', 'dayStartsAt')).toMatchObject({ code: 0, stdout: 'dayStartsAt  4  (default)\n' });
    writeFileSync(file, '{"deviceId": "laptop"');
    expect(recall('get', 'deviceId')).toMatchObject({ code: 1, stderr: expect.stringMatching(new RegExp(`^recall: ${file} is not valid JSON \\(.*\\); fix it`)) });
  });
});
