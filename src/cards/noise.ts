/**
 * Noise (DESIGN.md, "Noise"): link-only blocks, items and rows are not content, nor is an intro line
 * left with nothing after it, nor an answer a terminal cannot show.
 */
import type { Block } from './blocks.js';
import { isIntroLine } from './short-lines.js';

/** A block's content without its link-only parts; null when nothing is left. */
function withoutLinkOnly(block: Block): Block | null {
  if (block.skip) return null;
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
      return block.onlyLinks || block.markdown.trim() === '' ? null : block;
    case 'table':
      return block.onlyLinks ? null : block;
    case 'list': {
      const items = block.items.filter((i) => !i.onlyLinks);
      return items.length ? { ...block, items } : null;
    }
    default:
      return block;
  }
}

/** The blocks that are content, in order (blocks marked `<!-- recall: skip -->` are not). */
export function contentBlocks(blocks: readonly Block[]): Block[] {
  const kept: (Block | null)[] = blocks.map(withoutLinkOnly);
  // An intro line whose following block was dropped (or that ends the node) introduces nothing.
  return kept.filter((b, i): b is Block => b !== null && !(isIntroLine(b) && i < blocks.length - 1 && kept[i + 1] === null));
}

/**
 * `text` without its `[…](…)` and `![…](…)` spans: what `/!?\[[^\]]*\]\([^)]*\)/g` removes, found in one
 * pass. The regex tries again from every `[`, and each try reads on to the next `]`: a line of many
 * `[` and no link took seconds. Every `[` before a `]` fails the same way, so the scan skips past it.
 */
function withoutLinkSpans(text: string): string {
  let kept = '';
  let from = 0;
  for (let open = text.indexOf('['); open !== -1; ) {
    const close = text.indexOf(']', open);
    if (close === -1) break;
    if (text[close + 1] === '(') {
      const end = text.indexOf(')', close + 2);
      if (end === -1) break;
      const start = open > from && text[open - 1] === '!' ? open - 1 : open;
      kept += text.slice(from, start);
      from = end + 1;
      open = text.indexOf('[', from);
    } else {
      open = text.indexOf('[', close + 1);
    }
  }
  return kept + text.slice(from);
}

/** An answer made only of links or images: a terminal cannot show it. */
export function isOnlyLinksOrImages(markdown: string): boolean {
  const rest = withoutLinkSpans(markdown.replace(/\[image: [^\]]*\]/g, '')).replace(/<https?:[^>]+>|https?:\/\/\S+/g, '');
  return !/[\p{L}\p{N}]/u.test(rest);
}
