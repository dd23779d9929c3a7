/**
 * Words in titles: summary headings (`Key Takeaways:`, `**5、总结**`, `Exam Tips`) and whether a cloze term
 * already shows in a breadcrumb. Titles are compared after `normalisedTitle`; words match whole, singular or
 * plural, except CJK words, which have no word boundaries and match as substrings.
 */
import { mappedOnce } from './mapped-once.js';
import { normalisedTitle } from './titles.js';
import { CJK_CLASS } from './words.js';

const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');

const patterns = new Map<string, RegExp>();

/** A word or phrase, whole, singular or plural (`summary`/`summaries`, `key point`/`key points`). */
function wordPattern(word: string): RegExp {
  let pattern = patterns.get(word);
  if (!pattern) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    const inflected = /[^aeiou]y$/.test(word) ? `${escaped.slice(0, -1)}(?:y|ies)` : `${escaped}(?:s|es)?`;
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${inflected}(?![\\p{L}\\p{N}])`, 'u');
    patterns.set(word, pattern);
  }
  return pattern;
}

/** Whether a normalised title contains `word` as a whole word (CJK: as a substring), case ignored. */
export function containsTitleWord(title: string, word: string): boolean {
  return containsNormalisedWord(title, normalisedWord(word));
}

/** A word as titles are searched for it: spaces collapsed, lower case. */
function normalisedWord(word: string): string {
  return word.trim().replace(/\s+/g, ' ').toLowerCase();
}

function containsNormalisedWord(title: string, w: string): boolean {
  if (!w) return false;
  if (CJK.test(w)) return title.includes(w);
  // Any match contains the first word (a lone word maybe without its final y): most titles fail this
  // substring test, which costs far less than the pattern (a tenth of parse time on large corpora).
  const first = w.includes(' ') ? w.slice(0, w.indexOf(' ')) : w.replace(/y$/, '');
  return title.includes(first) && wordPattern(w).test(title);
}

/** A heading or callout title that marks a summary node (DESIGN.md "Summary nodes"); `words`: `summaryWords`. */
export function isSummaryTitle(plainTitle: string, words: readonly string[]): boolean {
  const title = normalisedTitle(plainTitle);
  return normalisedWords(words).some((word) => containsNormalisedWord(title, word));
}

/** `summaryWords` normalised once per settings, not once per title. */
const normalisedWords = mappedOnce(normalisedWord);
