/** Fitting text into terminal columns by display width (CJK takes two columns). */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut to at most `width` columns, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** `text` fitted to exactly `width` columns, padded on the right (or left when `alignRight`). */
export function fit(text: string, width: number, alignRight = false): string {
  const cut = truncate(text, width);
  const fill = ' '.repeat(Math.max(0, width - stringWidth(cut)));
  return alignRight ? fill + cut : cut + fill;
}
