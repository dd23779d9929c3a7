// The settings the in-process probes replay with: the defaults, as a fresh install has them.
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

export const settings = { ...DEFAULT_SETTINGS, deviceId: 'bench' };
