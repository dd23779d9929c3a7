/** Intro lines and label lines (DESIGN.md, "Short lines"). */
import type { Block } from './blocks.js';
import { countWords } from './words.js';

export const LABEL_WORDS = 8;

export function endsWithColon(text: string): boolean {
  return /[:：]\s*$/.test(text);
}

/** A one-sentence text of 8 words or fewer ending in `:`. */
export function isIntroText(text: string): boolean {
  const t = text.trim();
  return endsWithColon(t) && countWords(t) <= LABEL_WORDS && !/[.!?。！？]\s+\S/.test(t);
}

/** A text ending in `:`, or of 8 words or fewer with no closing period. */
export function isLabelText(text: string): boolean {
  const t = text.trim();
  return endsWithColon(t) || (countWords(t) <= LABEL_WORDS && !/[.。]$/.test(t));
}

export function isIntroLine(block: Block | undefined): boolean {
  return block?.kind === 'paragraph' && isIntroText(block.text);
}

/** An intro line as a front shows it (as context): its markdown, inline code kept; null for any other block. */
export function introOf(block: Block | undefined): string | null {
  return block?.kind === 'paragraph' && isIntroText(block.text) ? block.markdown.trim() : null;
}

export function isLabelLine(block: Block | undefined): boolean {
  return block?.kind === 'paragraph' && block.text.trim() !== '' && isLabelText(block.text);
}

/** A paragraph that opens with a bold span: it labels what follows like a label line does. */
export function isBoldLabel(block: Block | undefined): boolean {
  return block?.kind === 'paragraph' && block.bold !== null;
}
