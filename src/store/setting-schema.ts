/**
 * The settings' JSON schema (DESIGN.md, "Where things live on disk"), and what the command line needs
 * around it: turning a typed string into a value of the key's type, and saying in words what is allowed.
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { Settings } from './settings.js';

export type SettingKey = keyof Settings;

/** The subset of JSON Schema the settings use. */
export interface SettingSchema {
  readonly type?: 'number' | 'integer' | 'boolean' | 'string' | 'array' | 'object';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: SettingSchema;
  readonly properties?: Readonly<Record<string, SettingSchema>>;
  readonly required?: readonly string[];
  /** Allowed values in words, where the keywords alone would read badly. */
  readonly description?: string;
}

/** A device id names a log file on every platform a sync tool may carry it to. */
export const DEVICE_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

const text: SettingSchema = { type: 'string', minLength: 1, description: 'texts' };
const steps: SettingSchema = {
  type: 'array',
  maxItems: 10,
  // ts-fsrs reads a step as a whole number and a unit: minutes, hours or days.
  items: { type: 'string', pattern: '^[1-9][0-9]{0,4}[mhd]$', description: 'steps like 1m, 10m, 1h, 1d' },
};

export const SETTINGS_SCHEMA: Readonly<Record<SettingKey, SettingSchema>> = {
  decks: { type: 'array', items: { ...text, description: 'folders or note files' } },
  desiredRetention: { type: 'number', minimum: 0.7, maximum: 0.99 },
  newPerDay: { type: 'integer', minimum: 0, maximum: 9999 },
  reviewsPerDay: { type: 'integer', minimum: 0, maximum: 99999 },
  dayStartsAt: { type: 'integer', minimum: 0, maximum: 23 },
  learningSteps: steps,
  relearningSteps: steps,
  maximumInterval: { type: 'integer', minimum: 1, maximum: 36500 },
  fuzz: { type: 'boolean' },
  newOrder: { type: 'string', enum: ['notes', 'random'] },
  leechThreshold: { type: 'integer', minimum: 1, maximum: 99 },
  leechAction: { type: 'string', enum: ['tag', 'suspend'] },
  maxCardChars: { type: 'integer', minimum: 100, maximum: 100000 },
  maxCardItems: { type: 'integer', minimum: 2, maximum: 100 },
  summaryWords: { type: 'array', items: text },
  skipTitles: { type: 'array', items: text },
  fsrsParameters: {
    type: 'object',
    required: ['w', 'fittedAt', 'reviews'],
    properties: {
      w: { type: 'array', minItems: 17, maxItems: 21, items: { type: 'number' } },
      fittedAt: { type: 'string', minLength: 1 },
      reviews: { type: 'integer', minimum: 0 },
    },
    description: 'weights fitted by recall optimize',
  },
  deviceId: { type: 'string', pattern: DEVICE_ID_PATTERN, description: '1-64 letters, digits, - or _' },
};

export const SETTING_KEYS = Object.keys(SETTINGS_SCHEMA) as SettingKey[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function hasType(schema: SettingSchema, value: unknown): boolean {
  switch (schema.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
    case 'string':
      return typeof value === schema.type;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}

/** Whether `value` is valid under `schema`, with JSON Schema's meaning of each keyword (lengths in code points). */
function fits(schema: SettingSchema, value: unknown): boolean {
  if (!hasType(schema, value)) return false;
  if (schema.enum && !schema.enum.includes(value as string)) return false;
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return false;
    if (schema.maximum !== undefined && value > schema.maximum) return false;
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && [...value].length < schema.minLength) return false;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return false;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return false;
    const { items } = schema;
    if (items && !value.every((item) => fits(items, item))) return false;
  }
  if (isObject(value)) {
    if (schema.required?.some((key) => value[key] === undefined)) return false;
    const properties = Object.entries(schema.properties ?? {});
    if (properties.some(([key, property]) => value[key] !== undefined && !fits(property, value[key]))) return false;
  }
  return true;
}

/**
 * The first setting of `stored` (a parsed settings file) that SETTINGS_SCHEMA refuses, '' when `stored` is
 * not an object, undefined when it is valid. Keys that are not settings (a newer version's) are let through.
 */
export function refusedSetting(stored: unknown): SettingKey | '' | undefined {
  if (!isObject(stored)) return '';
  return SETTING_KEYS.find((key) => stored[key] !== undefined && !fits(SETTINGS_SCHEMA[key], stored[key]));
}

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS_SCHEMA, key);
}

/** The key, or a UserError listing the keys there are. */
export function settingKey(key: string): SettingKey {
  if (isSettingKey(key)) return key;
  throw new UserError(`there is no setting "${key}"; the settings are: ${SETTING_KEYS.join(', ')}`);
}

/** What `schema` allows, in words: "a number from 0.7 to 0.99". */
export function allowedValues(schema: SettingSchema): string {
  if (schema.enum) return `one of: ${schema.enum.join(', ')}`;
  switch (schema.type) {
    case 'number':
      return `a number from ${schema.minimum} to ${schema.maximum}`;
    case 'integer':
      return `a whole number from ${schema.minimum} to ${schema.maximum}`;
    case 'boolean':
      return 'true or false';
    case 'array':
      return `a list of ${schema.items?.description ?? 'values'}${schema.maxItems ? ` (at most ${schema.maxItems})` : ''}, comma-separated or as a JSON array`;
    default:
      return schema.description ?? 'a text';
  }
}

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

function listItems(raw: string): unknown {
  const trimmed = raw.trim();
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return undefined;
    }
  }
  return trimmed.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** A deck path the same from any folder recall is run in. */
function absolutePath(path: string): string {
  return resolve(path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path);
}

/**
 * `raw` (as typed after `recall config set KEY`) as a value of the key's type, or undefined when it is not
 * one. The range is left to the schema, so there is one source for it.
 */
export function parseSettingValue(key: SettingKey, raw: string): unknown {
  const schema = SETTINGS_SCHEMA[key];
  const trimmed = raw.trim();
  switch (schema.type) {
    case 'number':
    case 'integer': {
      const n = Number(trimmed);
      return trimmed === '' || Number.isNaN(n) ? undefined : n;
    }
    case 'boolean':
      return TRUE.has(trimmed.toLowerCase()) ? true : FALSE.has(trimmed.toLowerCase()) ? false : undefined;
    case 'array': {
      const items = listItems(raw);
      if (key === 'decks' && Array.isArray(items)) return items.map((item) => (typeof item === 'string' ? absolutePath(item) : item));
      return items;
    }
    default:
      return trimmed;
  }
}
