/**
 * Cards whose front and back stay in the parse cache file until something reads them: listing decks or
 * building a queue needs ids, decks and paths of every card, the text of only a few, and 124 000 cards'
 * text is most of a large library's memory.
 *
 * The texts are read through a file descriptor held open, so a cache file replaced by another process
 * (always by rename, never rewritten in place) keeps serving the bytes these cards were made from.
 */
import { closeSync, readSync } from 'node:fs';
import type { Card, CardKind, OutlineRef, SourceRef } from './card.js';

/** Bytes read at once: card texts are read in file order when all are needed (exports, `cards --json`). */
const WINDOW_BYTES = 64 * 1024;

/** Closes a file once nothing can read through it any more (tests open many caches in one process). */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed by the process going away.
  }
});

/** UTF-8 texts at byte offsets of an open file whose written bytes never change. */
export class CardTexts {
  private window: Buffer = Buffer.alloc(0);
  private windowAt = 0;

  constructor(readonly fd: number) {
    closer.register(this, fd);
  }

  /** The text of `bytes` bytes at `at`. */
  text(at: number, bytes: number): string {
    if (bytes === 0) return '';
    if (at < this.windowAt || at + bytes > this.windowAt + this.window.length) this.load(at, bytes);
    const start = at - this.windowAt;
    return this.window.toString('utf8', start, start + bytes);
  }

  /** `bytes` raw bytes at `at`. */
  bytes(at: number, bytes: number): Buffer {
    return this.read(at, bytes, bytes);
  }

  /** At least `least` and at most `most` bytes at `at` (fewer than `most` where the file ends). */
  private read(at: number, least: number, most: number): Buffer {
    const buffer = Buffer.allocUnsafe(most);
    let done = 0;
    while (done < most) {
      const n = readSync(this.fd, buffer, done, most - done, at + done);
      if (n === 0) break;
      done += n;
    }
    if (done < least) throw new Error('the parse cache file is shorter than its index says');
    return buffer.subarray(0, done);
  }

  private load(at: number, bytes: number): void {
    this.window = this.read(at, bytes, Math.max(bytes, WINDOW_BYTES));
    this.windowAt = at;
  }
}

/** A card whose front and back are read from the cache file when asked for. */
export class StoredCard implements Card {
  readonly #texts: CardTexts;
  readonly #at: number;
  readonly #frontBytes: number;
  readonly #backBytes: number;

  constructor(
    readonly id: string,
    readonly deck: string,
    readonly kind: CardKind,
    readonly chapter: OutlineRef | null,
    readonly path: readonly OutlineRef[],
    readonly source: SourceRef,
    texts: CardTexts,
    at: number,
    frontBytes: number,
    backBytes: number,
  ) {
    this.#texts = texts;
    this.#at = at;
    this.#frontBytes = frontBytes;
    this.#backBytes = backBytes;
  }

  get front(): string {
    return this.#texts.text(this.#at, this.#frontBytes);
  }

  get back(): string {
    return this.#texts.text(this.#at + this.#frontBytes, this.#backBytes);
  }

  /** The same JSON as a card made by the parser: every field, in the parser's order. */
  toJSON(): Card {
    const { id, deck, kind, chapter, path, front, back, source } = this;
    return { id, deck, kind, chapter, path, front, back, source };
  }
}
