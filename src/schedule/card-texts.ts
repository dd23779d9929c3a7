/**
 * Card texts held as UTF-8 bytes outside the JavaScript heap and decoded when read: tens of thousands of
 * them are megabytes that a full replay and a start would otherwise keep as strings (and that the
 * collector would walk), while relinking reads a few and a start none.
 */
import { InternTable } from '../store/intern-table.js';
import type { CardText } from './replay.js';

/** A recorded text, decoded from its bytes the first time it is read. */
export class StoredText implements CardText {
  private decoded: string | undefined;

  constructor(
    readonly deck: string,
    private readonly block: Buffer,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get text(): string {
    this.decoded ??= this.block.toString('utf8', this.start, this.end);
    return this.decoded;
  }

  /** Its UTF-8 bytes, as stored. */
  bytes(): Buffer {
    return this.block.subarray(this.start, this.end);
  }
}

const BLOCK_BYTES = 1 << 20;

/** Keeps texts as `StoredText`s in blocks of bytes; deck names shared. */
export class TextStore {
  private block = Buffer.alloc(0);
  private used = 0;
  private readonly decks = new InternTable<string>();

  add(deck: string, text: string): StoredText {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.used + bytes > this.block.length) {
      this.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, bytes));
      this.used = 0;
    }
    const start = this.used;
    this.used += this.block.write(text, start, 'utf8');
    return new StoredText(this.decks.shared(deck), this.block, start, this.used);
  }
}
