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

/** An answer made only of links or images: a terminal cannot show it. */
export function isOnlyLinksOrImages(markdown: string): boolean {
  const rest = markdown
    .replace(/\[image: [^\]]*\]/g, '')
    .replace(/!?\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/<https?:[^>]+>|https?:\/\/\S+/g, '');
  return !/[\p{L}\p{N}]/u.test(rest);
}
