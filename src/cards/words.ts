/** Word counting as DESIGN.md defines it: whitespace-separated tokens; in CJK text two characters count as a word. */

/** Kana, CJK ideographs and Hangul: scripts written without spaces between words. */
export const CJK_CLASS = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const CJK_RUN = new RegExp(`[${CJK_CLASS}]+`, 'gu');

/** Whether a UTF-16 code is one of the characters `\s` matches. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export function countWords(text: string): number {
  // Without CJK, the words are the runs of non-space characters: counted without splitting the text.
  if (!CJK.test(text)) {
    let runs = 0;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const space = isSpace(text.charCodeAt(i));
      if (!space && !inWord) runs += 1;
      inWord = !space;
    }
    return runs;
  }
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    if (!CJK.test(token)) {
      count += 1;
      continue;
    }
    let cjkChars = 0;
    for (const run of token.match(CJK_RUN) ?? []) cjkChars += [...run].length;
    const rest = token.replace(CJK_RUN, ' ').trim();
    count += Math.ceil(cjkChars / 2) + (rest ? rest.split(/\s+/).length : 0);
  }
  return count;
}

/** A whitespace run that is not one plain space: replacing only those spares rewriting most of a text. */
const WHITESPACE_RUN = / \s+|[^\S ]\s*/g;

/** Every whitespace run as one space (as `text.replace(/\s+/g, ' ')`, at a fraction of the cost). */
export function collapsedSpaces(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ');
}
