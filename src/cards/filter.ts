/** `--chapter Q` (issue 2): which cards lie under the outline nodes a query names. */
import type { Card } from './card.js';

/** Q names a node by its number at a dot boundary (`1` matches 1, 1.2, 1.2.3; `1.2` not 1.20) or by title text. */
function matchesNode(node: Card['path'][number], query: string): boolean {
  const q = query.trim();
  if (!q) return false;
  if (node.number !== null && (node.number === q || node.number.startsWith(`${q}.`))) return true;
  return node.title.toLowerCase().includes(q.toLowerCase());
}

/** Whether the card lies under a node matching any query; no queries match every card. */
export function matchesChapter(card: Card, queries: readonly string[]): boolean {
  if (queries.length === 0) return true;
  return card.path.some((node) => queries.some((q) => matchesNode(node, q)));
}
