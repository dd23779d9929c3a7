/**
 * Event ids are uuids (`randomUUID`) as recall writes them: 16 bytes instead of a 36-character string
 * where a million of them are held or stored. Any other id (a hand edit) is kept as text by the caller.
 */

export const ID_BYTES = 16;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Each lower-case hex digit's value by character code, -1 for any other character. */
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) DIGIT_VALUE[i.toString(16).charCodeAt(0)] = i;
const DASH = 0x2d;
/** Where each byte's two hex digits start in the canonical form. */
const DIGITS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

const digit = (id: string, at: number) => {
  const c = id.charCodeAt(at);
  return c < 128 ? (DIGIT_VALUE[c] as number) : -1;
};

/**
 * Writes `id`'s 16 bytes at `into[at…]` and returns true, or returns false when it is not a lower-case
 * uuid (the bytes written so far then mean nothing).
 */
export function idBytes(id: string, into: Uint8Array, at: number): boolean {
  if (id.length !== 36 || id.charCodeAt(8) !== DASH || id.charCodeAt(13) !== DASH || id.charCodeAt(18) !== DASH || id.charCodeAt(23) !== DASH) return false;
  for (let b = 0; b < ID_BYTES; b++) {
    const p = DIGITS[b] as number;
    const high = digit(id, p);
    const low = digit(id, p + 1);
    if (high < 0 || low < 0) return false;
    into[at + b] = (high << 4) | low;
  }
  return true;
}

/** The uuid whose bytes are at `bytes[at…]`. */
export function idFromBytes(bytes: Uint8Array, at: number): string {
  const h = (b: number) => HEX[bytes[at + b] as number] as string;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
