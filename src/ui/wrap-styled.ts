/**
 * Word-wrapping of text styled with SGR sequences, for the card renderer. wrap-ansi takes about 4 ms
 * for one long styled paragraph, a quarter of a frame on the path from a rating key to the next card;
 * the renderer only ever produces SGR codes and plain spaces, which allows this much simpler pass.
 * Styles open at a line end are closed there and opened again on the next line, so every line stands
 * alone (each becomes its own Ink row).
 */
import stringWidth from 'string-width';

const SGR = /\u001B\[[0-9;]*m/g;
/**
 * Text string-width gives one column per character: printable ASCII, and the Latin, Greek, Cyrillic,
 * punctuation, currency, arrow, maths, box-drawing, block and shape characters the screens and most
 * notes use, none of which joins a neighbour, is an emoji or is wide (each checked against string-width
 * in the tests). Measured here, such text never needs string-width's grapheme segmenter and emoji
 * expression, which cost tens of milliseconds to build before the first frame.
 */
const NARROW =
  /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u024F\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u0482\u048A-\u04FF\u2010-\u2027\u202F-\u205E\u20A0-\u20BF\u2100-\u214F\u2190-\u22FF\u2500-\u25FC\u25FF]*$/;

/** `text` without its SGR styles. */
export const stripStyles = (text: string) => (text.includes('\u001B') ? text.replace(SGR, '') : text);

/** Columns `text` takes on a terminal, styles aside. */
export function visibleWidth(text: string): number {
  const plain = stripStyles(text);
  return NARROW.test(plain) ? plain.length : stringWidth(plain);
}

/** The SGR codes still open at the end of `text`. */
function openAt(text: string): string[] {
  const out: string[] = [];
  for (const [code] of text.matchAll(SGR)) {
    const n = Number(code.slice(2, -1) || '0');
    if (n === 0) out.length = 0;
    else if (n >= 21 && n <= 29) {
      // 22 ends bold and dim; 23 italic, 24 underline, 27 inverse, 29 strike.
      const ends = n === 22 ? [1, 2] : [n - 20];
      for (let i = out.length - 1; i >= 0; i--) if (ends.includes(sgrNumber(out[i] as string))) out.splice(i, 1);
    } else if (n === 39 || n === 49) {
      const colour = (m: number) => (n === 39 ? (m >= 30 && m <= 38) || (m >= 90 && m <= 97) : (m >= 40 && m <= 48) || (m >= 100 && m <= 107));
      for (let i = out.length - 1; i >= 0; i--) if (colour(sgrNumber(out[i] as string))) out.splice(i, 1);
    } else out.push(code);
  }
  return out;
}

const sgrNumber = (code: string) => Number(code.slice(2, -1));

/** Splits `token` (no spaces) into pieces of at most `width` columns, keeping each escape whole. */
function hardSplit(token: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const part of token.split(/(\u001B\[[0-9;]*m)/)) {
    if (part.startsWith('\u001B')) {
      piece += part;
      continue;
    }
    for (const char of part) {
      const w = visibleWidth(char);
      if (used + w > width && used > 0) {
        pieces.push(piece);
        piece = '';
        used = 0;
      }
      piece += char;
      used += w;
    }
  }
  pieces.push(piece);
  return pieces;
}

/** `text` wrapped at spaces to `width` columns; words longer than a line are cut; `\n` breaks a line. */
export function wrapStyled(text: string, width: number): string[] {
  const lines: string[] = [];
  let open: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    const finish = () => {
      // `line` starts with the codes open before it, so it alone says what is open after it.
      const after = openAt(line);
      lines.push(after.length > 0 ? `${line.trimEnd()}\u001B[0m` : line.trimEnd());
      open = after;
      line = open.join('');
      used = 0;
    };
    line = open.join('');
    for (const word of paragraph.split(' ')) {
      const w = visibleWidth(word);
      if (w === 0 && word === '') continue;
      if (used > 0 && used + 1 + w > width) finish();
      if (w > width) {
        const pieces = hardSplit(word, width);
        pieces.forEach((piece, i) => {
          line += used > 0 ? ` ${piece}` : piece;
          used += visibleWidth(piece) + (used > 0 ? 1 : 0);
          if (i < pieces.length - 1) finish();
        });
        continue;
      }
      line += used > 0 ? ` ${word}` : word;
      used += w + (used > 0 ? 1 : 0);
    }
    finish();
  }
  return lines;
}

/** `text` cut to `width` columns, styles kept whole and closed. */
export function cutStyled(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  const first = hardSplit(text, width)[0] as string;
  return openAt(first).length > 0 ? `${first}\u001B[0m` : first;
}
