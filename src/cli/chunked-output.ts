/**
 * Large outputs written piece by piece: a 7 MB listing made as one string is held whole, twice (the
 * text, then its UTF-8), nothing is sent until all of it is made, and the objects it is made from all
 * live until then. Pieces let the reader take each one while the next is made, and what each piece is
 * made from dies young, which the garbage collector does not copy.
 */
import { once } from 'node:events';

/**
 * The elements' `JSON.stringify(elements, null, 2)` text, `perPiece` elements at a time: byte for byte
 * the same text as one call makes (each piece is a top-level array too, so its elements are indented
 * alike; only the brackets between pieces are left out).
 */
export function* prettyJsonPieces<T>(elements: readonly T[], jsonOf: (element: T) => unknown, perPiece: number): Generator<string> {
  if (elements.length === 0) {
    yield '[]';
    return;
  }
  for (let at = 0; at < elements.length; at += perPiece) {
    const text = JSON.stringify(elements.slice(at, at + perPiece).map(jsonOf), null, 2);
    // `[` + "\n  element,\n  element" + "\n]": the elements alone, with a comma before all but the first piece's.
    yield `${at === 0 ? '[' : ','}${text.slice(1, -2)}`;
  }
  yield '\n]';
}

/**
 * Writes `pieces` to `stream` in order, each as soon as it is made. When the stream cannot take a piece
 * at once (a pipe whose reader is behind), the next is made only once it has drained, so pieces are
 * never all held in memory; every piece is handed to the stream before this resolves, and Node sends
 * what is queued before the process exits.
 */
export async function writePieces(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (!stream.write(piece)) await once(stream, 'drain');
  }
}
