/**
 * Settings on disk: `config.json` in the XDG config dir (where the `conf` package kept it), checked
 * against SETTINGS_SCHEMA on every read and write. A refused value is never written, and a hand-broken
 * file becomes one line naming the file and the key. Read by hand rather than through `conf`: every
 * command loads the settings, and conf with its JSON-schema compiler cost more start-up than the rest of
 * a plain command (issue 7).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { configHome, ensureFolder, FILE_MODE } from './paths.js';
import { quoted } from './quoted.js';
import {
  allowedValues,
  parseSettingValue,
  refusedSetting,
  settingKey,
  SETTING_KEYS,
  SETTINGS_SCHEMA,
  type SettingKey,
} from './setting-schema.js';
import { DEFAULT_SETTINGS, type FittedParameters, type Settings } from './settings.js';

type Stored = Record<string, unknown>;

export interface Config {
  /** Defaults overlaid with what the file holds. */
  readonly settings: Settings;
  /** Keys the file sets (the rest are defaults). */
  readonly explicit: readonly SettingKey[];
  readonly file: string;
}

/** The file name conf used (configName `config`, extension `json`), so existing settings are found. */
const CONFIG_FILE = 'config.json';

/** The settings file in `configDir`, else in the XDG config dir. */
export function configFile(configDir?: string): string {
  return join(configDir ?? configHome(), CONFIG_FILE);
}

/** Settings the schema refuses: `key` '' when the file holds no object. */
class RefusedSettings extends Error {
  constructor(readonly key: SettingKey | '', readonly stored: unknown) {
    super(`refused setting "${key}"`);
  }
}

/** 1-based line of a JSON.parse "at position N" message, read from the file. */
function jsonErrorLine(file: string, message: string): string {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return '';
  const before = readFileSync(file, 'utf8').slice(0, Number(position));
  return `, line ${before.split('\n').length}`;
}

/** The user-facing error for a config file that could not be read, or the error itself when it is a bug. */
function brokenConfig(file: string, error: unknown): Error {
  const e = error as NodeJS.ErrnoException;
  const remedy = 'fix it, or delete it to go back to the default settings';
  if (e instanceof SyntaxError) return new UserError(`${file} is not valid JSON (${e.message}${jsonErrorLine(file, e.message)}); ${remedy}`);
  if (e instanceof RefusedSettings) {
    if (e.key === '') return new UserError(`${file} must hold a JSON object of settings; ${remedy}`);
    return new UserError(
      `${file}: "${e.key}" is ${quoted((e.stored as Stored)[e.key])}, but it must be ${allowedValues(SETTINGS_SCHEMA[e.key])}; fix the file, or run: recall config unset ${e.key}`,
    );
  }
  if (e.code) return new UserError(`cannot use the settings file ${file} (${e.code}); check its permissions`);
  return e;
}

/**
 * The file's settings (an empty object when there is no file), refused by the schema as a whole.
 * `replacing` names a key about to be set or unset: its current value is dropped unread, so a
 * hand-broken value there does not block its own repair.
 */
function readStored(file: string, replacing: SettingKey | undefined): Stored {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const stored = JSON.parse(text) as unknown;
  if (replacing !== undefined && typeof stored === 'object' && stored !== null) delete (stored as Stored)[replacing];
  const refused = refusedSetting(stored);
  if (refused !== undefined) throw new RefusedSettings(refused, stored);
  return stored as Stored;
}

/**
 * Replaces the file with `stored` (tab-indented JSON, mode 0600, as conf wrote it) through a fsynced
 * temporary file renamed over it, so it is never half-written. A symlinked file stays a symlink.
 */
function writeStored(file: string, stored: Stored): void {
  const target = existsSync(file) ? realpathSync(file) : file;
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'w', FILE_MODE);
  try {
    try {
      writeSync(fd, JSON.stringify(stored, undefined, '\t'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The settings file in `configDir` (else the XDG config dir), its folder created if missing. */
function fileIn(configDir: string | undefined): string {
  return join(ensureFolder(configDir ?? configHome()), CONFIG_FILE);
}

/** readStored, with a broken or unreadable file turned into one line naming it. */
function storedIn(file: string, replacing: SettingKey | undefined): Stored {
  try {
    return readStored(file, replacing);
  } catch (error) {
    throw brokenConfig(file, error);
  }
}

/** Writes `stored` when the schema accepts it; else throws RefusedSettings, for the caller to word. */
function saveStored(file: string, stored: Stored): void {
  const refused = refusedSetting(stored);
  if (refused !== undefined) throw new RefusedSettings(refused, stored);
  try {
    writeStored(file, stored);
  } catch (error) {
    throw brokenConfig(file, error);
  }
}

/** A short random id, safe as a file name everywhere (hex: no leading `-`, no case clashes). */
function newDeviceId(): string {
  return randomBytes(5).toString('hex');
}

/** The settings with their file, and which keys the file sets. Generates and saves the deviceId on first use. */
export function readConfig(configDir?: string): Config {
  const file = fileIn(configDir);
  let stored = storedIn(file, undefined);
  if (typeof stored.deviceId !== 'string') {
    stored = { ...stored, deviceId: newDeviceId() };
    saveStored(file, stored);
  }
  const explicit = SETTING_KEYS.filter((key) => stored[key] !== undefined);
  const settings = { ...DEFAULT_SETTINGS, ...Object.fromEntries(explicit.map((key) => [key, stored[key]])) } as Settings;
  return { settings, explicit, file };
}

export function loadSettings(configDir?: string): Settings {
  return readConfig(configDir).settings;
}

function refused(key: SettingKey, raw: string): UserError {
  return new UserError(`${key} must be ${allowedValues(SETTINGS_SCHEMA[key])}, not ${JSON.stringify(raw)}; nothing was changed`);
}

const isRefusalOf = (key: SettingKey, error: unknown) => error instanceof RefusedSettings && error.key === key;

/**
 * Sets `key` from the text a user typed (numbers, booleans, lists comma-separated or as JSON). A value of
 * the wrong type or out of range is refused with the allowed values, and the file is left as it was.
 */
export function setSetting(key: string, rawValue: string, configDir?: string): void {
  const k = settingKey(key);
  if (k === 'fsrsParameters') throw new UserError('fsrsParameters is set by recall optimize (and cleared by recall optimize --reset)');
  const value = parseSettingValue(k, rawValue);
  if (value === undefined) throw refused(k, rawValue);
  const missing = k === 'decks' && Array.isArray(value) ? value.find((path) => typeof path === 'string' && !existsSync(path)) : undefined;
  if (missing !== undefined) throw new UserError(`${missing}: no such file or folder; nothing was changed`);
  const file = fileIn(configDir);
  try {
    saveStored(file, { ...storedIn(file, k), [k]: value });
  } catch (error) {
    throw isRefusalOf(k, error) ? refused(k, rawValue) : brokenConfig(file, error);
  }
}

/** Removes `key` from the file, so its default applies again. */
export function unsetSetting(key: string, configDir?: string): void {
  const k = settingKey(key);
  if (k === 'deviceId') throw new UserError('deviceId names this device\'s review log, so it cannot be unset; give it a new name with: recall config set deviceId NAME');
  const file = fileIn(configDir);
  saveStored(file, storedIn(file, k));
}

/** Saves weights fitted by `recall optimize`; replay uses them from then on. */
export function saveFittedParameters(parameters: FittedParameters, configDir?: string): void {
  const file = fileIn(configDir);
  try {
    saveStored(file, { ...storedIn(file, 'fsrsParameters'), fsrsParameters: parameters });
  } catch (error) {
    // Not the file's fault: the optimizer produced something the schema refuses.
    if (isRefusalOf('fsrsParameters', error)) throw new Error(`refusing to save fitted parameters that are not ${allowedValues(SETTINGS_SCHEMA.fsrsParameters)}: ${quoted(parameters)}`);
    throw brokenConfig(file, error);
  }
}

/** Back to the ts-fsrs default weights. */
export function clearFittedParameters(configDir?: string): void {
  const file = fileIn(configDir);
  saveStored(file, storedIn(file, 'fsrsParameters'));
}
