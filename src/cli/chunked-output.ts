/**
 * Large outputs written piece by piece: a 7 MB listing made as one string is held whole, twice (the
 * text, then its UTF-8), nothing is sent until all of it is made, and the objects it is made from all
 * live until then. Pieces let the reader take each one while the next is made, and what each piece is
 * made from dies young, which the garbage collector does not copy.
 */
import { once } from 'node:events';

/**
 * Writes `pieces` to `stream` in order, each as soon as it is made. When the stream cannot take a piece
 * at once (a pipe whose reader is behind), the next is made only once it has drained, so pieces are
 * never all held in memory; every piece is handed to the stream before this resolves, and Node sends
 * what is queued before the process exits.
 */
export async function writePieces(stream: NodeJS.WritableStream, pieces: Iterable<string | Uint8Array>): Promise<void> {
  for (const piece of pieces) {
    if (!stream.write(piece)) await once(stream, 'drain');
  }
}
