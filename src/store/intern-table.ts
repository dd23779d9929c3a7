/**
 * Values numbered in order of first sight: compact files and columns hold the numbers, and the table
 * holds each value once (card ids, decks and devices recur across a million reviews).
 */
export class InternTable<T> {
  readonly values: T[] = [];
  private readonly numbers = new Map<T, number>();

  /** The number of `value`: a new one the first time it is seen. */
  numberOf(value: T): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.push(value) - 1;
      this.numbers.set(value, n);
    }
    return n;
  }

  /** The one copy kept of `value` (the first seen equal to it): repeated strings share it. */
  shared(value: T): T {
    return this.values[this.numberOf(value)] as T;
  }
}
