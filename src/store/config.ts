/**
 * Settings on disk, through `conf` (project `recall`, in the XDG config dir), checked against
 * SETTINGS_SCHEMA on every read and write. A value `conf` refuses is never written, and a hand-broken
 * file becomes one line naming the file and the key.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf, { type Schema } from 'conf';
import { UserError } from '../errors.js';
import { configHome, ensureFolder, FILE_MODE } from './paths.js';
import { quoted } from './quoted.js';
import {
  allowedValues,
  isSettingKey,
  parseSettingValue,
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

/** conf's default name (configName `config`, extension `json`). */
const CONFIG_FILE = 'config.json';
const SCHEMA_VIOLATION = 'Config schema violation:';

/** The settings file in `configDir`, else in the XDG config dir. */
export function configFile(configDir?: string): string {
  return join(configDir ?? configHome(), CONFIG_FILE);
}

/** The first key conf's schema message names (`learningSteps/0` → learningSteps); '' for the whole file. */
function violatedKey(message: string): string | undefined {
  return /`([^`]*)`/.exec(message)?.[1]?.split('/')[0];
}

/** 1-based line of a JSON.parse "at position N" message, read from the file. */
function jsonErrorLine(file: string, message: string): string {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return '';
  const before = readFileSync(file, 'utf8').slice(0, Number(position));
  return `, line ${before.split('\n').length}`;
}

/** The user-facing error for a config file conf could not read, or the error itself when it is a bug. */
function brokenConfig(file: string, error: unknown): Error {
  const e = error as NodeJS.ErrnoException;
  const remedy = 'fix it, or delete it to go back to the default settings';
  if (e instanceof SyntaxError) return new UserError(`${file} is not valid JSON (${e.message}${jsonErrorLine(file, e.message)}); ${remedy}`);
  if (typeof e.message === 'string' && e.message.startsWith(SCHEMA_VIOLATION)) {
    const key = violatedKey(e.message);
    if (key === '') return new UserError(`${file} must hold a JSON object of settings; ${remedy}`);
    if (key !== undefined && isSettingKey(key)) {
      const found = (JSON.parse(readFileSync(file, 'utf8')) as Stored)[key];
      return new UserError(
        `${file}: "${key}" is ${quoted(found)}, but it must be ${allowedValues(SETTINGS_SCHEMA[key])}; fix the file, or run: recall config unset ${key}`,
      );
    }
    return new UserError(`${file}: ${e.message.slice(SCHEMA_VIOLATION.length).trim()}; ${remedy}`);
  }
  if (e.code) return new UserError(`cannot use the settings file ${file} (${e.code}); check its permissions`);
  return e;
}

/**
 * Runs `use` on the settings store, turning a broken or unreadable file into one line naming it.
 * `replacing` names a key about to be set or unset: its current value is not read, so a hand-broken
 * value there does not block its own repair.
 */
function usingConf<T>(configDir: string | undefined, replacing: SettingKey | undefined, use: (conf: Conf<Stored>) => T): T {
  const dir = ensureFolder(configDir ?? configHome());
  try {
    const conf = new Conf<Stored>({
      projectName: 'recall',
      cwd: dir,
      schema: SETTINGS_SCHEMA as unknown as Schema<Stored>,
      configFileMode: FILE_MODE,
      accessPropertiesByDotNotation: false,
      // Every command loads the settings: compiling the schema lean keeps start-up near bare node
      // (conf's defaults, all errors and a meta-schema check, cost ~3x). The schema is fixed and tested.
      ajvOptions: { allErrors: false, validateSchema: false, code: { optimize: false } },
      deserialize: (text: string) => {
        const stored = JSON.parse(text) as unknown;
        if (replacing !== undefined && typeof stored === 'object' && stored !== null) delete (stored as Stored)[replacing];
        return stored as Stored;
      },
    });
    return use(conf);
  } catch (error) {
    throw brokenConfig(join(dir, CONFIG_FILE), error);
  }
}

/** A short random id, safe as a file name everywhere (hex: no leading `-`, no case clashes). */
function newDeviceId(): string {
  return randomBytes(5).toString('hex');
}

/** The settings with their file, and which keys the file sets. Generates and saves the deviceId on first use. */
export function readConfig(configDir?: string): Config {
  return usingConf(configDir, undefined, (conf) => {
    let stored = conf.store;
    if (typeof stored.deviceId !== 'string') {
      conf.set('deviceId', newDeviceId());
      stored = conf.store;
    }
    const explicit = SETTING_KEYS.filter((key) => stored[key] !== undefined);
    const settings = { ...DEFAULT_SETTINGS, ...Object.fromEntries(explicit.map((key) => [key, stored[key]])) } as Settings;
    return { settings, explicit, file: conf.path };
  });
}

export function loadSettings(configDir?: string): Settings {
  return readConfig(configDir).settings;
}

function refused(key: SettingKey, raw: string): UserError {
  return new UserError(`${key} must be ${allowedValues(SETTINGS_SCHEMA[key])}, not ${JSON.stringify(raw)}; nothing was changed`);
}

function isViolationOf(key: SettingKey, error: unknown): boolean {
  const message = (error as Error).message;
  return typeof message === 'string' && message.startsWith(SCHEMA_VIOLATION) && violatedKey(message) === key;
}

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
  usingConf(configDir, k, (conf) => {
    try {
      conf.set(k, value);
    } catch (error) {
      throw isViolationOf(k, error) ? refused(k, rawValue) : error;
    }
  });
}

/** Removes `key` from the file, so its default applies again. */
export function unsetSetting(key: string, configDir?: string): void {
  const k = settingKey(key);
  if (k === 'deviceId') throw new UserError('deviceId names this device\'s review log, so it cannot be unset; give it a new name with: recall config set deviceId NAME');
  usingConf(configDir, k, (conf) => conf.delete(k));
}

/** Saves weights fitted by `recall optimize`; replay uses them from then on. */
export function saveFittedParameters(parameters: FittedParameters, configDir?: string): void {
  usingConf(configDir, 'fsrsParameters', (conf) => {
    try {
      conf.set('fsrsParameters', parameters);
    } catch (error) {
      // Not the file's fault: the optimizer produced something the schema refuses.
      if (isViolationOf('fsrsParameters', error)) throw new Error(`refusing to save fitted parameters that are not ${allowedValues(SETTINGS_SCHEMA.fsrsParameters)}: ${quoted(parameters)}`);
      throw error;
    }
  });
}

/** Back to the ts-fsrs default weights. */
export function clearFittedParameters(configDir?: string): void {
  usingConf(configDir, 'fsrsParameters', (conf) => conf.delete('fsrsParameters'));
}
