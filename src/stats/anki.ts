/**
 * Cards as an Anki text import file: a header naming the separator, HTML fields and the tags column,
 * then one note per line: front, back, tags.
 */
import type { Card } from '../cards/card.js';
import { chapterLabel } from './labels.js';
import { markdownToHtml } from './markdown-html.js';

const HEADER = ['#separator:tab', '#html:true', '#tags column:3'];

/**
 * A field on one line: tabs and newlines become character references, which HTML reads as the same
 * whitespace (newlines stay newlines inside <pre>).
 */
function field(html: string): string {
  return html.replace(/\t/g, '&#9;').replace(/\r?\n/g, '&#10;');
}

/** An Anki tag: no spaces (they separate tags) and no quotes (they would start a quoted field). */
function tagPart(text: string): string {
  return text.trim().replace(/["\s]+/g, '_');
}

/** `deck::chapter`, a hierarchical tag, so Anki's browser shows chapters under their deck. */
export function ankiTag(card: Card): string {
  const deck = tagPart(card.deck.replace(/\.md$/i, ''));
  const chapter = tagPart(chapterLabel(card));
  return chapter ? `${deck}::${chapter}` : deck;
}

export function ankiText(cards: readonly Card[]): string {
  const notes = cards.map((card) => [field(markdownToHtml(card.front)), field(markdownToHtml(card.back)), ankiTag(card)].join('\t'));
  return `${[...HEADER, ...notes].join('\n')}\n`;
}
