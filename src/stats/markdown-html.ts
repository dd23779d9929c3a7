/** Card markdown → HTML for Anki (remark with GFM → mdast → hast → HTML; raw HTML in notes is dropped). */
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';

const parser = remark().use(remarkGfm);

export function markdownToHtml(markdown: string): string {
  const mdast = parser.runSync(parser.parse(markdown)) as Root;
  return toHtml(toHast(mdast)).trim();
}
