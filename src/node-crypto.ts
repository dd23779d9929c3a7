/**
 * node:crypto, loaded when first used: importing it loads some twenty internal modules (about 5 ms of
 * start-up), and re-opening unchanged decks hashes nothing.
 */
import { createRequire } from 'node:module';

let loaded: typeof import('node:crypto') | undefined;

export const nodeCrypto = (): typeof import('node:crypto') => (loaded ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
