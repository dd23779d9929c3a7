/** `recall config list | get KEY | set KEY VALUE… | unset KEY [--json]`. */
import { UsageError } from '../../errors.js';
import { readConfig, setSetting, unsetSetting, type Config } from '../../store/config.js';
import { settingKey, SETTING_KEYS, type SettingKey } from '../../store/setting-schema.js';
import type { GlobalOptions } from '../context.js';

interface ConfigOptions {
  readonly json?: boolean;
}

const USAGE = 'use: recall config list | get KEY | set KEY VALUE | unset KEY';

/** A value as `config set` would accept it back: lists comma-separated (JSON when an item holds a comma). */
function formatValue(value: unknown): string {
  if (value === undefined) return 'none';
  if (Array.isArray(value)) {
    const items = value.map(String);
    return items.length === 0 || items.some((item) => item.includes(',')) ? JSON.stringify(value) : items.join(', ');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function line(config: Config, key: SettingKey, width: number): string {
  const value = formatValue(config.settings[key]);
  return `${key.padEnd(width)}  ${value}${config.explicit.includes(key) ? '' : '  (default)'}`;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function expectOperands(given: readonly string[], count: number, shape: string): void {
  if (given.length !== count) throw new UsageError(`recall config ${shape}: expected ${count === 1 ? 'a key' : 'a key and a value'}; ${USAGE}`);
}

export async function run(operands: string[], options: ConfigOptions, _globals: GlobalOptions): Promise<void> {
  const [action = 'list', ...rest] = operands;
  const json = options.json === true;
  switch (action) {
    case 'list': {
      if (rest.length > 0) throw new UsageError(`recall config list takes no operands; ${USAGE}`);
      const config = await readConfig();
      if (json) return print(JSON.stringify(config.settings, null, 2));
      const width = Math.max(...SETTING_KEYS.map((key) => key.length));
      print(`# ${config.file}`);
      for (const key of SETTING_KEYS) print(line(config, key, width));
      return;
    }
    case 'get': {
      expectOperands(rest, 1, 'get KEY');
      const key = settingKey(rest[0]!);
      const value = (await readConfig()).settings[key];
      return print(json ? JSON.stringify(value ?? null) : formatValue(value));
    }
    case 'set': {
      if (rest.length < 2) expectOperands(rest, 2, 'set KEY VALUE');
      const [name, ...values] = rest;
      // `recall config set learningSteps 1m 10m` means the list 1m, 10m.
      await setSetting(name!, values.join(','));
      const key = settingKey(name!);
      const config = await readConfig();
      return print(json ? JSON.stringify(config.settings[key] ?? null) : line(config, key, key.length));
    }
    case 'unset': {
      expectOperands(rest, 1, 'unset KEY');
      await unsetSetting(rest[0]!);
      const key = settingKey(rest[0]!);
      const config = await readConfig();
      return print(json ? JSON.stringify(config.settings[key] ?? null) : line(config, key, key.length));
    }
    default:
      throw new UsageError(`unknown config action "${action}"; ${USAGE}`);
  }
}
