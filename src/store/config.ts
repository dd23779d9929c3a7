/**
 * Settings on disk: `config.json` in the XDG config dir, written through `conf` and checked against
 * SETTINGS_SCHEMA on every read and write. A refused value is never written, and a hand-broken file
 * becomes one line naming the file and the key. Reading is a plain JSON parse of conf's file: every
 * command reads the settings, and importing conf (ajv, its formats, semver…) cost more start-up than
 * the rest of a plain command (issue 7), so conf is loaded only when something is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Conf from 'conf';
import { UserError } from '../errors.js';
import { nodeCrypto } from '../node-crypto.js';
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
 * Replaces the file with `stored` through conf: tab-indented JSON, mode 0600, written to a temporary file
 * renamed over it, so it is never half-written.
 */
async function writeStored(file: string, stored: Stored): Promise<void> {
  const { default: Store } = await import('conf');
  const conf: Conf<Stored> = new Store<Stored>({
    projectName: 'recall',
    cwd: dirname(file),
    configFileMode: FILE_MODE,
    accessPropertiesByDotNotation: false,
  });
  conf.store = stored;
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
async function saveStored(file: string, stored: Stored): Promise<void> {
  const refused = refusedSetting(stored);
  if (refused !== undefined) throw new RefusedSettings(refused, stored);
  try {
    await writeStored(file, stored);
  } catch (error) {
    throw brokenConfig(file, error);
  }
}

/** A short random id, safe as a file name everywhere (hex: no leading `-`, no case clashes). */
function newDeviceId(): string {
  return nodeCrypto().randomBytes(5).toString('hex');
}

/** The settings with their file, and which keys the file sets. Generates and saves the deviceId on first use. */
export async function readConfig(configDir?: string): Promise<Config> {
  const file = fileIn(configDir);
  let stored = storedIn(file, undefined);
  if (typeof stored.deviceId !== 'string') {
    stored = { ...stored, deviceId: newDeviceId() };
    await saveStored(file, stored);
  }
  const explicit = SETTING_KEYS.filter((key) => stored[key] !== undefined);
  const settings = { ...DEFAULT_SETTINGS, ...Object.fromEntries(explicit.map((key) => [key, stored[key]])) } as Settings;
  return { settings, explicit, file };
}

export async function loadSettings(configDir?: string): Promise<Settings> {
  return (await readConfig(configDir)).settings;
}

function refused(key: SettingKey, raw: string): UserError {
  return new UserError(`${key} must be ${allowedValues(SETTINGS_SCHEMA[key])}, not ${JSON.stringify(raw)}; nothing was changed`);
}

const isRefusalOf = (key: SettingKey, error: unknown) => error instanceof RefusedSettings && error.key === key;

/**
 * Sets `key` from the text a user typed (numbers, booleans, lists comma-separated or as JSON). A value of
 * the wrong type or out of range is refused with the allowed values, and the file is left as it was.
 */
export async function setSetting(key: string, rawValue: string, configDir?: string): Promise<void> {
  const k = settingKey(key);
  if (k === 'fsrsParameters') throw new UserError('fsrsParameters is set by recall optimize (and cleared by recall optimize --reset)');
  const value = parseSettingValue(k, rawValue);
  if (value === undefined) throw refused(k, rawValue);
  const missing = k === 'decks' && Array.isArray(value) ? value.find((path) => typeof path === 'string' && !existsSync(path)) : undefined;
  if (missing !== undefined) throw new UserError(`${missing}: no such file or folder; nothing was changed`);
  const file = fileIn(configDir);
  try {
    await saveStored(file, { ...storedIn(file, k), [k]: value });
  } catch (error) {
    throw isRefusalOf(k, error) ? refused(k, rawValue) : brokenConfig(file, error);
  }
}

/** Removes `key` from the file, so its default applies again. */
export async function unsetSetting(key: string, configDir?: string): Promise<void> {
  const k = settingKey(key);
  if (k === 'deviceId') throw new UserError('deviceId names this device\'s review log, so it cannot be unset; give it a new name with: recall config set deviceId NAME');
  const file = fileIn(configDir);
  await saveStored(file, storedIn(file, k));
}

/** Saves weights fitted by `recall optimize`; replay uses them from then on. */
export async function saveFittedParameters(parameters: FittedParameters, configDir?: string): Promise<void> {
  const file = fileIn(configDir);
  try {
    await saveStored(file, { ...storedIn(file, 'fsrsParameters'), fsrsParameters: parameters });
  } catch (error) {
    // Not the file's fault: the optimizer produced something the schema refuses.
    if (isRefusalOf('fsrsParameters', error)) throw new Error(`refusing to save fitted parameters that are not ${allowedValues(SETTINGS_SCHEMA.fsrsParameters)}: ${quoted(parameters)}`);
    throw brokenConfig(file, error);
  }
}

/** Back to the ts-fsrs default weights. */
export async function clearFittedParameters(configDir?: string): Promise<void> {
  const file = fileIn(configDir);
  await saveStored(file, storedIn(file, 'fsrsParameters'));
}
