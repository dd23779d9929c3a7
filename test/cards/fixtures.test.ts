// Fixture folders (test/fixtures/cards/<case>/{input.md, expected.json}): the cards and outline each
// note makes. `UPDATE=1 npx vitest run test/cards` rewrites the expected files; review them in the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardsFromFile } from '../../src/cards/deck.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';

const root = path.join(import.meta.dirname, '../fixtures/cards');
const cases = readdirSync(root).filter((name) => existsSync(path.join(root, name, 'input.md')));

function rendered(name: string) {
  const text = readFileSync(path.join(root, name, 'input.md'), 'utf8');
  const result = cardsFromFile(text, 'input.md', 'input.md', DEFAULT_SETTINGS);
  return {
    title: result.deck?.title ?? null,
    chapters: result.deck?.chapters ?? [],
    cards: result.cards.map((c) => ({ kind: c.kind, line: c.source.line, path: c.path, front: c.front, back: c.back })),
    lint: result.lint.map((l) => ({ line: l.line, reason: l.reason })),
    problems: result.problems,
  };
}

describe('fixture notes', () => {
  it.each(cases)('%s', (name) => {
    const actual = rendered(name);
    const file = path.join(root, name, 'expected.json');
    if (process.env.UPDATE) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    // A case without its expected file fails (UPDATE=1 writes it): a written file would pass unreviewed.
    expect(existsSync(file), `${name}/expected.json is missing`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
