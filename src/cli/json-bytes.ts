/**
 * Pretty JSON written by hand straight into UTF-8 bytes, the same bytes `JSON.stringify` and then UTF-8
 * would make. For long listings: JSON.stringify needs the listing as objects first, and its text (two-byte
 * as soon as one title has a CJK character) is encoded again on the way out; this makes neither.
 */

/** Bytes per UTF-16 unit at most: one unit of a surrogate pair is half of 4 bytes, anything else takes 3. */
const MAX_BYTES_PER_UNIT = 3;

export class JsonBytes {
  #bytes: Buffer;
  #at = 0;

  constructor(private readonly capacity: number) {
    this.#bytes = Buffer.allocUnsafe(capacity);
  }

  /** The bytes written since the last take, as a buffer of their own; writing goes on in a new one. */
  take(): Buffer {
    const bytes = this.#bytes.subarray(0, this.#at);
    this.#bytes = Buffer.allocUnsafe(this.capacity);
    this.#at = 0;
    return bytes;
  }

  /** Room for `count` more bytes: a buffer that is too small is replaced by a larger copy. */
  #reserve(count: number): Buffer {
    if (this.#at + count > this.#bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(2 * this.#bytes.length, this.#at + count));
      this.#bytes.copy(larger, 0, 0, this.#at);
      this.#bytes = larger;
    }
    return this.#bytes;
  }

  /** Bytes made once (a listing's fixed parts: indents, keys, brackets), copied whole. */
  bytes(bytes: Uint8Array): void {
    this.#reserve(bytes.length).set(bytes, this.#at);
    this.#at += bytes.length;
  }

  /** `text` as it is, in UTF-8 (a lone surrogate becomes U+FFFD, as Buffer.from makes it). */
  raw(text: string): void {
    const stop = this.#copyUpTo(text, 0, text.length, false);
    if (stop !== -1) this.#at += this.#bytes.write(text.slice(stop), this.#at);
  }

  /** `JSON.stringify(text.slice(start, end))`, without the slice: a listing's strings are ranges of one text. */
  string(text: string, start = 0, end = text.length): void {
    const at = this.#at;
    this.#reserve(1)[this.#at++] = 0x22;
    if (this.#copyUpTo(text, start, end, true) === -1) {
      this.#bytes[this.#at++] = 0x22;
      return;
    }
    // Something to escape (rare in a listing): JSON.stringify knows how, and its text has nothing left to escape.
    this.#at = at;
    this.raw(JSON.stringify(text.slice(start, end)));
  }

  /** `JSON.stringify(value)`: digits written directly for the counts a listing is mostly made of. */
  number(value: number): void {
    if (!(value >= 0 && value < 0x7fffffff && value % 1 === 0)) {
      this.raw(JSON.stringify(value));
      return;
    }
    let digits = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits++;
    const bytes = this.#reserve(digits);
    for (let i = this.#at + digits - 1, rest = value; i >= this.#at; i--, rest = (rest / 10) | 0) bytes[i] = 0x30 + (rest % 10);
    this.#at += digits;
  }

  /**
   * Writes `text` from `start` to `end` as UTF-8 and returns -1, or stops at the first unit that needs
   * more than copying and returns its index, the bytes before it written: a lone surrogate, and in a
   * JSON string (`quoted`) a control character, a quote or a backslash.
   */
  #copyUpTo(text: string, start: number, end: number, quoted: boolean): number {
    const bytes = this.#reserve(MAX_BYTES_PER_UNIT * (end - start) + 1);
    let at = this.#at;
    for (let i = start; i < end; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        if (quoted && (unit < 0x20 || unit === 0x22 || unit === 0x5c)) {
          this.#at = at;
          return i;
        }
        bytes[at++] = unit;
      } else if (unit < 0x800) {
        bytes[at++] = 0xc0 | (unit >> 6);
        bytes[at++] = 0x80 | (unit & 0x3f);
      } else if (unit < 0xd800 || unit > 0xdfff) {
        bytes[at++] = 0xe0 | (unit >> 12);
        bytes[at++] = 0x80 | ((unit >> 6) & 0x3f);
        bytes[at++] = 0x80 | (unit & 0x3f);
      } else {
        const low = i + 1 < end ? text.charCodeAt(i + 1) : 0;
        if (unit > 0xdbff || low < 0xdc00 || low > 0xdfff) {
          this.#at = at;
          return i;
        }
        const point = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
        i++;
      }
    }
    this.#at = at;
    return -1;
  }
}
