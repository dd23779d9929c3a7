import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clearFittedParameters,
  configFile,
  loadSettings,
  readConfig,
  saveFittedParameters,
  setSetting,
  unsetSetting,
} from '../../src/store/config.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'recall-config-'));
  file = configFile(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stored = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('loadSettings', () => {
  it('gives the defaults and a generated deviceId, saved in a 0600 file', async () => {
    const settings = await loadSettings(dir);
    const { deviceId, ...rest } = settings;
    expect(rest).toEqual(DEFAULT_SETTINGS);
    expect(deviceId).toMatch(/^[0-9a-f]{10}$/);
    expect(stored()).toEqual({ deviceId });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await loadSettings(dir)).deviceId).toBe(deviceId);
  });

  it('reads the file where conf keeps it: <XDG_CONFIG_HOME>/recall/config.json', async () => {
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = dir;
    try {
      expect(configFile()).toBe(join(dir, 'recall', 'config.json'));
      await setSetting('newPerDay', '7');
      expect((await readConfig()).file).toBe(join(dir, 'recall', 'config.json'));
      expect((await loadSettings(join(dir, 'recall'))).newPerDay).toBe(7);
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });
});

describe('setSetting and unsetSetting', () => {
  it('parse the typed text to the key type and keep only what was set', async () => {
    await setSetting('desiredRetention', '0.85', dir);
    await setSetting('newPerDay', ' 30 ', dir);
    await setSetting('fuzz', 'off', dir);
    await setSetting('learningSteps', '1m, 10m,1h', dir);
    await setSetting('relearningSteps', '["5m"]', dir);
    await setSetting('newOrder', 'random', dir);
    mkdirSync(join(dir, 'notes'));
    await setSetting('decks', `${join(dir, 'notes')},~,.`, dir);
    const { settings, explicit } = await readConfig(dir);
    expect(settings).toMatchObject({
      desiredRetention: 0.85,
      newPerDay: 30,
      fuzz: false,
      learningSteps: ['1m', '10m', '1h'],
      relearningSteps: ['5m'],
      newOrder: 'random',
      decks: [join(dir, 'notes'), homedir(), process.cwd()],
    });
    expect(explicit).toEqual(['decks', 'desiredRetention', 'newPerDay', 'learningSteps', 'relearningSteps', 'fuzz', 'newOrder', 'deviceId']);

    await unsetSetting('desiredRetention', dir);
    expect((await loadSettings(dir)).desiredRetention).toBe(0.9);
    expect(stored()).not.toHaveProperty('desiredRetention');
    await setSetting('learningSteps', '', dir);
    expect((await loadSettings(dir)).learningSteps).toEqual([]);
  });

  it.each([
    ['desiredRetention', '1.5', 'desiredRetention must be a number from 0.7 to 0.99, not "1.5"; nothing was changed'],
    ['newPerDay', 'many', 'newPerDay must be a whole number from 0 to 9999, not "many"; nothing was changed'],
    ['newPerDay', '2.5', 'newPerDay must be a whole number from 0 to 9999, not "2.5"; nothing was changed'],
    ['dayStartsAt', '24', 'dayStartsAt must be a whole number from 0 to 23, not "24"; nothing was changed'],
    ['fuzz', 'maybe', 'fuzz must be true or false, not "maybe"; nothing was changed'],
    ['learningSteps', '1m,10x', 'learningSteps must be a list of steps like 1m, 10m, 1h, 1d (at most 10), comma-separated or as a JSON array, not "1m,10x"; nothing was changed'],
    ['leechAction', 'delete', 'leechAction must be one of: tag, suspend, not "delete"; nothing was changed'],
    ['deviceId', '../x', 'deviceId must be 1-64 letters, digits, - or _, not "../x"; nothing was changed'],
  ])('refuses %s %s and writes nothing', async (key, raw, message) => {
    await setSetting('newPerDay', '12', dir);
    const before = readFileSync(file);
    await expect(setSetting(key, raw, dir)).rejects.toThrow(message);
    expect(readFileSync(file)).toEqual(before);
  });

  it('refuses a deck path that does not exist', async () => {
    await expect(setSetting('decks', join(dir, 'nowhere'), dir)).rejects.toThrow(`${join(dir, 'nowhere')}: no such file or folder; nothing was changed`);
    expect((await loadSettings(dir)).decks).toEqual([]);
  });

  it('refuses unknown keys, fsrsParameters and unsetting deviceId', async () => {
    await expect(setSetting('newperday', '3', dir)).rejects.toThrow(/^there is no setting "newperday"; the settings are: decks, desiredRetention, /);
    await expect(unsetSetting('colour', dir)).rejects.toThrow(/no setting "colour"/);
    await expect(setSetting('fsrsParameters', '[]', dir)).rejects.toThrow('fsrsParameters is set by recall optimize');
    await expect(unsetSetting('deviceId', dir)).rejects.toThrow(/cannot be unset/);
  });

  it('saves and clears fitted parameters', async () => {
    const fitted = { w: Array.from({ length: 21 }, (_, i) => i / 10), fittedAt: '2026-11-25', reviews: 1234 };
    await saveFittedParameters(fitted, dir);
    expect((await loadSettings(dir)).fsrsParameters).toEqual(fitted);
    await expect(saveFittedParameters({ ...fitted, w: [1, 2] }, dir)).rejects.toThrow('refusing to save fitted parameters that are not weights fitted by recall optimize');
    expect((await loadSettings(dir)).fsrsParameters).toEqual(fitted);
    await clearFittedParameters(dir);
    expect((await loadSettings(dir)).fsrsParameters).toBeUndefined();
  });
});

describe('the file', () => {
  it('is tab-indented JSON, replaced whole, and a symlinked file stays a symlink', async () => {
    const real = join(dir, 'dotfiles', 'recall.json');
    mkdirSync(join(dir, 'dotfiles'));
    writeFileSync(real, JSON.stringify({ deviceId: 'laptop' }));
    symlinkSync(real, file);
    await setSetting('newPerDay', '12', dir);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('{\n\t"deviceId": "laptop",\n\t"newPerDay": 12\n}');
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'dotfiles']);
    expect(readdirSync(join(dir, 'dotfiles'))).toEqual(['recall.json']);
  });
});

describe('a hand-broken config file', () => {
  it('that is not JSON: names the file and line', async () => {
    writeFileSync(file, '{\n  "newPerDay": 10,\n}\n');
    await expect(loadSettings(dir)).rejects.toThrow(new RegExp(`^${file} is not valid JSON \\(.*, line 3\\); fix it, or delete it`));
  });

  it('with a value of the wrong type: names the file and the key, and unset or set repairs it', async () => {
    writeFileSync(file, JSON.stringify({ deviceId: 'laptop', newPerDay: 'ten', fuzz: true }));
    const message = `${file}: "newPerDay" is "ten", but it must be a whole number from 0 to 9999; fix the file, or run: recall config unset newPerDay`;
    await expect(loadSettings(dir)).rejects.toThrow(message);
    await expect(setSetting('fuzz', 'false', dir)).rejects.toThrow(message);
    await setSetting('newPerDay', '15', dir);
    expect(await loadSettings(dir)).toMatchObject({ deviceId: 'laptop', newPerDay: 15, fuzz: true });
    writeFileSync(file, JSON.stringify({ deviceId: 'laptop', learningSteps: ['1m', 10] }));
    await expect(loadSettings(dir)).rejects.toThrow(`${file}: "learningSteps" is ["1m",10], but it must be a list of steps`);
    await unsetSetting('learningSteps', dir);
    expect((await loadSettings(dir)).learningSteps).toEqual(['1m', '10m']);
  });

  it('that holds no object, or keys of a newer version', async () => {
    writeFileSync(file, '[1, 2]');
    await expect(loadSettings(dir)).rejects.toThrow(`${file} must hold a JSON object of settings`);
    writeFileSync(file, JSON.stringify({ deviceId: 'laptop', colourTheme: 'dark' }));
    expect(await loadSettings(dir)).not.toHaveProperty('colourTheme');
  });
});
