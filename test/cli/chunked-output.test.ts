import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writePieces } from '../../src/cli/chunked-output.js';

describe('writePieces', () => {
  it('writes every piece in order to a stream that is slower than the writer', async () => {
    const received: string[] = [];
    let writes = 0;
    const slow = new Writable({
      highWaterMark: 8,
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk.toString());
        writes += 1;
        setTimeout(done, 1);
      },
    });
    const pieces = Array.from({ length: 40 }, (_, i) => `piece ${i} `.repeat(3));
    await writePieces(slow, pieces);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(received.join('')).toBe(pieces.join(''));
    expect(writes).toBe(40);
  });

  it('writes buffers and strings alike', async () => {
    const received: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk);
        done();
      },
    });
    await writePieces(sink, [Buffer.from('总结 '), 'and ', new Uint8Array([0xf0, 0x9f, 0x83, 0x8f])]);
    expect(Buffer.concat(received).toString()).toBe('总结 and 🃏');
  });

  it('does not make the next piece before the stream has drained', async () => {
    const made: string[] = [];
    const log: string[] = [];
    const stream = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        log.push(`wrote ${chunk.toString()}`);
        setTimeout(done, 1);
      },
    });
    function* pieces() {
      for (const name of ['a', 'b', 'c']) {
        made.push(name);
        log.push(`made ${name}`);
        yield name;
      }
    }
    await writePieces(stream, pieces());
    expect(made).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['made a', 'wrote a', 'made b', 'wrote b', 'made c', 'wrote c']);
  });
});
