import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/cards/library.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const note = (title: string) => `# ${title}\n\n## 1. Basics\n\nA ${title.toLowerCase()} keeps its data when the pod that uses it is deleted.\n`;

describe('loadLibrary with several deck paths', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'recall-library-'));
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'a.md'), note('Volume'));
    writeFileSync(join(root, 'sub', 'b.md'), note('Claim'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const keys = async (paths: string[]) => (await loadLibrary(paths, DEFAULT_SETTINGS)).decks.map((d) => [d.key, d.file]);

  it('reads a note named by two deck paths once, as the first path names it', async () => {
    expect(await keys([root, join(root, 'sub')])).toEqual([
      ['a.md', join(root, 'a.md')],
      ['sub/b.md', join(root, 'sub', 'b.md')],
    ]);
    expect(await keys([join(root, 'sub'), root])).toEqual([
      ['b.md', join(root, 'sub', 'b.md')],
      ['a.md', join(root, 'a.md')],
    ]);
    expect(await keys([join(root, 'sub', 'b.md'), join(root, 'sub')])).toEqual([['b.md', join(root, 'sub', 'b.md')]]);
  });

  it('knows a folder named relatively and absolutely for the same one', async () => {
    const named = relative(process.cwd(), root);
    expect(await keys([named, root])).toEqual([
      ['a.md', join(named, 'a.md')],
      ['sub/b.md', join(named, 'sub', 'b.md')],
    ]);
  });

  it('lists every note of one deck path, keyed by its path in the folder', async () => {
    expect(await keys([root])).toEqual([
      ['a.md', join(root, 'a.md')],
      ['sub/b.md', join(root, 'sub', 'b.md')],
    ]);
  });
});
