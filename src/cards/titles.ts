/** Outline titles: section numbers, and titles normalised for the skip list. */

export interface NumberedTitle {
  /** "1.2", "4"; null when the title carries no section number. */
  readonly number: string | null;
  readonly title: string;
}

const NUMBERED = /^(\d{1,3}(?:\.\d{1,3})*)(?:[.:、)]\s*|\s+)(\S.*)$/u;

/** Splits `1.2 Title`, `2. Title`, `3.1: Title`, `5、总结` into number and title. */
export function numberedTitle(text: string): NumberedTitle {
  const m = NUMBERED.exec(text.trim());
  if (!m) return { number: null, title: text.trim() };
  return { number: m[1]!.replace(/\.$/, ''), title: m[2]!.trim() };
}

/** Lower case, markup, emoji, numbering and a trailing colon removed, spaces collapsed. */
export function normalisedTitle(text: string): string {
  return numberedTitle(text)
    .title.toLowerCase()
    .replace(/[*_`~=#>[\]]/g, '')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a title is one of `titles`, singular or plural. */
export function isListedTitle(text: string, titles: readonly string[]): boolean {
  const t = normalisedTitle(text);
  return titles.some((s) => {
    const skip = s.toLowerCase();
    return t === skip || t === `${skip}s` || t === `${skip}es` || `${t}s` === skip;
  });
}
