/**
 * A note file's text made ready for the markdown parser: BOM and CRLF normalised, frontmatter read,
 * and the syntaxes remark does not know (wikilinks, embeds, MkDocs admonitions and tabs) rewritten
 * into ones it does, always line for line so every line number still points into the file.
 */
import matter from 'gray-matter';
import { fenceAfter } from './markdown.js';

export interface Frontmatter {
  readonly title?: string;
  readonly id?: string;
  readonly tags: readonly string[];
  /** `recall: false` excludes the file. */
  readonly excluded: boolean;
}

export interface NoteText {
  readonly frontmatter: Frontmatter;
  /** The markdown body, rewritten line for line. */
  readonly body: string;
  /** Lines of the file before the body (the frontmatter block). */
  readonly bodyLineOffset: number;
}

/** Thrown for frontmatter that does not parse; carries the 1-based file line when YAML gives one. */
export class FrontmatterError extends Error {
  constructor(message: string, readonly line: number | undefined) {
    super(message);
  }
}

function normalisedNewlines(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

const FRONTMATTER_START = /^---[ \t]*\n/;

function frontmatterOf(text: string): { data: Record<string, unknown>; body: string; offset: number } {
  if (!FRONTMATTER_START.test(text)) return { data: {}, body: text, offset: 0 };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options (even empty) keep gray-matter from caching every file's text in a global map.
    parsed = matter(text, {});
  } catch (error) {
    const e = error as { reason?: string; message?: string; mark?: { line?: number } };
    const line = typeof e.mark?.line === 'number' ? e.mark.line + 1 : undefined;
    throw new FrontmatterError(`invalid frontmatter: ${e.reason ?? e.message ?? 'YAML error'}`, line);
  }
  const data = parsed.data && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>) : {};
  const bodyStart = text.length - parsed.content.length;
  const offset = countNewlines(text.slice(0, bodyStart));
  return { data, body: parsed.content, offset };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function tagsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(/[,\s]+/).filter(Boolean);
  return [];
}

/** `[[target|alias]]` → alias, `[[target]]` → target; `![[file]]` → an image, so it reads as an embed. */
function resolvedWikilinks(line: string): string {
  if (!line.includes('[[')) return line;
  return line.replace(/(!?)\[\[([^\]|\n]+)(?:\|([^\]\n]*))?\]\]/g, (_m, bang: string, target: string, alias?: string) => {
    const shown = (alias?.trim() || target.replace(/\\$/, "").trim()).replace(/#\^?/g, ' › ');
    return bang ? `![${shown}](<${target.replace(/\\$/, "").trim()}>)` : shown;
  });
}

// `!!! note "Title"`, `??? tip`, `???+ warning inline end "Title"`: type, optional modifiers, optional title.
const ADMONITION = /^(\s*)(?:!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+[\w-]+)*(?:\s+"([^"]*)")?\s*$/;
const TAB = /^(\s*)===\+?\s+"([^"]*)"\s*$/;

/**
 * MkDocs `!!! note "Title"` blocks become `> [!note] Title` callouts, and content tabs `=== "C#"`
 * a bold label line with their content un-indented: both keep one output line per input line.
 */
function rewrittenMkDocs(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const admonition = ADMONITION.exec(line);
    const tab = admonition ? null : TAB.exec(line);
    if (!admonition && !tab) continue;
    const indent = (admonition ?? tab)![1]!;
    const inner = indent + '    ';
    let end = i + 1;
    while (end < lines.length) {
      const l = lines[end]!;
      if (l.trim() !== '' && !l.startsWith(inner)) break;
      end += 1;
    }
    while (end > i + 1 && lines[end - 1]!.trim() === '') end -= 1;
    if (admonition) {
      lines[i] = `${indent}> [!${admonition[2]}]${admonition[3] !== undefined ? ` ${admonition[3]}` : ''}`;
      for (let j = i + 1; j < end; j++) lines[j] = `${indent}> ${lines[j]!.slice(inner.length)}`;
    } else {
      lines[i] = `${indent}**${tab![2]}**`;
      for (let j = i + 1; j < end; j++) lines[j] = indent + lines[j]!.slice(inner.length);
    }
  }
}

/** Wikilinks are resolved outside fenced code only, so code samples keep their `[[ ]]`. */
function rewrittenLines(body: string): string {
  const lines = body.split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const before = fence;
    fence = fenceAfter(lines[i]!, fence);
    if (!before && !fence) lines[i] = resolvedWikilinks(lines[i]!);
  }
  if (body.includes('!!!') || body.includes('???') || body.includes('===')) rewrittenMkDocs(lines);
  return lines.join('\n');
}

/** Reads a note's text; throws FrontmatterError when its frontmatter is not valid YAML. */
export function noteText(rawText: string): NoteText {
  const text = normalisedNewlines(rawText);
  const { data, body, offset } = frontmatterOf(text);
  const frontmatter: Frontmatter = {
    title: stringValue(data.title),
    id: stringValue(data.id),
    tags: tagsOf(data.tags),
    excluded: data.recall === false,
  };
  return { frontmatter, body: rewrittenLines(body), bodyLineOffset: offset };
}
