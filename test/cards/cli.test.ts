// `recall cards` and `recall decks` end to end: the built CLI on temporary homes and decks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/recall.js');
/** The CLI does not start itself under vitest (it checks VITEST), so the child must not inherit it. */
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'RECALL_HOME'));

function recall(...args: string[]) {
  const home = mkdtempSync(path.join(tmpdir(), 'recall-cli-'));
  const result = spawnSync(process.execPath, [BIN, '--home', home, ...args], {
    encoding: 'utf8',
    env: { ...childEnv, XDG_CONFIG_HOME: home },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface CardJson {
  id: string;
  deck: string;
  kind: string;
  chapter: { number: string | null; title: string } | null;
  path: { number: string | null; title: string }[];
  front: string;
  back: string;
  source: { file: string; line: number };
}

describe('recall cards', { timeout: 60_000 }, () => {
  it('lists the built-in deck as JSON with the issue\'s fields', () => {
    const { code, stdout, stderr } = recall('cards', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const cards = JSON.parse(stdout) as CardJson[];
    expect(cards.length).toBeGreaterThan(150);
    expect(Object.keys(cards[1]!).sort()).toEqual(['back', 'chapter', 'deck', 'front', 'id', 'kind', 'path', 'source']);
    expect(cards[1]!.deck).toBe('rancher-certified-operator.md');
    expect(cards[1]!.source.file.endsWith(path.join('decks', 'rancher-certified-operator.md'))).toBe(true);
  });

  it('--chapter 1.2 returns exactly the cards of section 1.2', () => {
    const all = JSON.parse(recall('cards', '--json').stdout) as CardJson[];
    const selected = JSON.parse(recall('cards', '--chapter', '1.2', '--json').stdout) as CardJson[];
    expect(selected.map((c) => c.id)).toEqual(all.filter((c) => c.path[1]?.number === '1.2').map((c) => c.id));
    const rke = JSON.parse(recall('cards', '--chapter', 'rke', '--chapter', '5.5', '--json').stdout) as CardJson[];
    // A substring of a title, as the issue says: "Kubelet worker node" (3.3) contains "rke" too.
    expect(new Set(rke.map((c) => c.path[1]?.number))).toEqual(new Set(['1.2', '1.3', '3.2', '3.3', '5.5']));
  });

  it('prints readable text by default', () => {
    const { code, stdout } = recall('cards', '--chapter', '1.1');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^── [0-9a-f]{12} · section · .*rancher-certified-operator\.md:\d+\nQ  1\.1 Learning the Rancher Architecture › Rancher Components/);
    expect(stdout).toContain('A  * The company is **Rancher Labs**');
    expect(stdout.trimEnd().endsWith('cards')).toBe(true);
  });

  it('--lint names a card that cannot be shaped under the cap, with file and line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-lint-'));
    const long = `${'A sentence that goes on and on about the scheduler, '.repeat(22)}done.`;
    writeFileSync(path.join(dir, 'notes.md'), `# Notes\n\n## Scheduling\n\n${long}\n\n## Other\n\nA normal section with enough words.\n`);
    const { code, stdout } = recall('--decks', dir, 'cards', '--lint');
    expect(code).toBe(0);
    expect(stdout).toContain(`${path.join(dir, 'notes.md')}:5: over the cap (${long.length} characters) because a block here cannot split`);
    const json = JSON.parse(recall('--decks', dir, 'cards', '--lint', '--json').stdout);
    expect(json).toEqual([expect.objectContaining({ file: path.join(dir, 'notes.md'), line: 5 })]);
  });

  it('fails with one line for a missing --decks path', () => {
    const missing = path.join(tmpdir(), 'recall-no-such-deck');
    const { code, stdout, stderr } = recall('--decks', missing, 'cards');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`recall: ${missing}: no such file or folder (check --decks)\n`);
  });

  it('reports bad files on stderr, one line each, and lists the good ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-bad-'));
    writeFileSync(path.join(dir, 'bad.md'), '---\ntitle: `oops`\n---\n# Bad\n');
    writeFileSync(path.join(dir, 'good.md'), '# Good\n\n## One\n\nA section with enough words for a card.\n\n## Two\n\nAnother section with enough words too.\n');
    const { code, stdout, stderr } = recall('--decks', dir, 'cards', '--json');
    expect(code).toBe(0);
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^recall: ${path.join(dir, 'bad.md')}:2: invalid frontmatter: `))]);
    expect((JSON.parse(stdout) as CardJson[]).map((c) => c.deck)).toEqual(['good.md', 'good.md']);
  });


  it('keeps note text from driving the terminal, and a problem on one line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-escape-'));
    writeFileSync(path.join(dir, 'evil.md'), '# Evil\n\n## One\n\nThis text \u001b[2Jclears the screen \u001b]0;title\u0007unless stripped.\n\n## Two\n\nAnother section with enough words too.\n');
    writeFileSync(path.join(dir, 'odd\nname.md'), '');
    const { stdout, stderr } = recall('--decks', dir, 'cards');
    expect(stdout).toContain('This text clears the screen unless stripped.');
    expect(stdout).not.toContain('\u001b');
    expect(stderr).toBe(`recall: ${path.join(dir, 'odd name.md')}: empty note: nothing to make cards from\n`);
  });
});

describe('recall decks', { timeout: 60_000 }, () => {
  it('shows the outline as JSON with the issue\'s shape', () => {
    const { code, stdout } = recall('decks', '--json');
    expect(code).toBe(0);
    const [deck, ...rest] = JSON.parse(stdout);
    expect(rest).toEqual([]);
    expect(Object.keys(deck).sort()).toEqual(['chapters', 'file', 'key', 'title', 'cards'].sort());
    expect(deck.title).toBe('Rancher Certified Operator');
    expect(deck.chapters.map((c: { number: string }) => c.number)).toEqual(['1', '2', '3', '4', '4', '5']);
    expect(Object.keys(deck.chapters[0].sections[0]).sort()).toEqual(['cards', 'number', 'title']);
    const total = deck.chapters.reduce((n: number, c: { cards: number }) => n + c.cards, 0);
    expect(total).toBe(deck.cards - 1); // the deck's own paragraph makes one card outside any chapter
    expect(deck.cards).toBe(JSON.parse(recall('cards', '--json').stdout).length);
  });

  it('prints the outline as text', () => {
    const { stdout } = recall('decks');
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^Rancher Certified Operator {2}\(rancher-certified-operator\.md, \d+ cards\)$/),
      expect.stringMatching(/^ {2}1 {2}\d+$/),
      expect.stringMatching(/^ {4}1\.1 Learning the Rancher Architecture {2}\d+$/),
    ]);
  });
});
