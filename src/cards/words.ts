/** Word counting as DESIGN.md defines it: whitespace-separated tokens; in CJK text two characters count as a word. */

/** Kana, CJK ideographs and Hangul: scripts written without spaces between words. */
export const CJK_CLASS = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const CJK_RUN = new RegExp(`[${CJK_CLASS}]+`, 'gu');

export function countWords(text: string): number {
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
