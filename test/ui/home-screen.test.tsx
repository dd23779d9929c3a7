import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeckOutline, OutlineNode } from '../../src/cards/card.js';
import { deckTree, type Selection } from '../../src/ui/deck-tree.js';
import { HomeScreen } from '../../src/ui/home-screen.js';
import { createPaint } from '../../src/ui/paint.js';
import { cardOf } from './fake-session.js';
import { KEY, mountScreen, waitForFrame, waitForText } from './screen-helpers.js';

const node = (number: string | null, title: string, children: OutlineNode[] = []): OutlineNode =>
  ({ number, title, line: 1, cards: 1 + children.length, children });

const deck: DeckOutline = {
  key: 'deck.md', title: 'Rancher', file: 'deck.md', tags: [], cards: 5,
  chapters: [node('1', '', [node('1.1', 'Architecture'), node('1.2', 'Discovering RKE')]), node('2', 'Installing')],
};
const c12 = cardOf('x', { chapter: { number: '1', title: '' }, path: [{ number: '1.2', title: 'Discovering RKE' }] });
const tree = deckTree([deck], [{ card: c12, queue: 'new' }, { card: cardOf('y', { chapter: { number: '2', title: 'Installing' }, path: [{ number: '2', title: 'Installing' }] }), queue: 'review' }]);

afterEach(cleanup);

async function open() {
  const events: string[] = [];
  const r = await mountScreen(
    <HomeScreen
      tree={tree}
      total={tree[0]!.counts}
      problems={0}
      size={{ columns: 80, rows: 24 }}
      paint={createPaint(false)}
      status=""
      onReview={(selection: Selection | null, cram: boolean) => events.push(`${cram ? 'cram' : 'review'} ${selection?.label ?? 'all'}`)}
      onStats={() => events.push('stats')}
      onQuit={() => events.push('quit')}
    />,
  );
  return { ...r, events };
}

describe('HomeScreen', () => {
  it('shows decks open with chapters and their due counts', async () => {
    const { lastFrame } = await open();
    const frame = await waitForText(lastFrame, 'Rancher');
    expect(frame).toContain('2 due now');
    expect(frame).toMatch(/▾ +Rancher +1 +0 +1/);
    expect(frame).toMatch(/▸ +Chapter 1 +1 +0 +0/);
    expect(frame).toMatch(/2 Installing +0 +0 +1/);
    expect(frame).not.toContain('1.2 Discovering RKE');
  });

  it('j and → open a chapter; enter on 1.2 reviews that subtree', async () => {
    const { lastFrame, stdin, events } = await open();
    await waitForText(lastFrame, 'Rancher');
    stdin.write('j');
    stdin.write(KEY.right);
    await waitForText(lastFrame, '1.2 Discovering RKE');
    stdin.write(KEY.down);
    stdin.write('j');
    stdin.write(KEY.enter);
    await waitForFrame(lastFrame, () => events.length > 0);
    expect(events).toEqual(['review Rancher › 1.2 Discovering RKE']);
  });

  it('a run of typed keys in one input event counts as each key', async () => {
    const { lastFrame, stdin, events } = await open();
    await waitForText(lastFrame, 'Rancher');
    stdin.write('jl');
    await waitForText(lastFrame, '1.2 Discovering RKE');
    stdin.write('jj\r');
    await waitForFrame(lastFrame, () => events.length > 0);
    expect(events).toEqual(['review Rancher › 1.2 Discovering RKE']);
  });

  it('← closes and goes to the parent; space toggles', async () => {
    const { lastFrame, stdin } = await open();
    await waitForText(lastFrame, 'Rancher');
    stdin.write(KEY.down);
    stdin.write(KEY.space);
    await waitForText(lastFrame, '1.1 Architecture');
    stdin.write(KEY.left);
    await waitForFrame(lastFrame, (f) => !f.includes('1.1 Architecture'));
    stdin.write(KEY.left);
    stdin.write(KEY.left);
    await waitForFrame(lastFrame, (f) => !f.includes('Installing'));
  });

  it('r reviews everything, c crams the row, s opens stats, q quits', async () => {
    const { lastFrame, stdin, events } = await open();
    await waitForText(lastFrame, 'Rancher');
    stdin.write('r');
    stdin.write('k');
    stdin.write('G');
    stdin.write('c');
    stdin.write('s');
    stdin.write('q');
    await waitForFrame(lastFrame, () => events.length === 4);
    expect(events).toEqual(['review all', 'cram Rancher', 'stats', 'quit']);
  });

  it('? lists every key of the home screen', async () => {
    const { lastFrame, stdin, events } = await open();
    await waitForText(lastFrame, 'Rancher');
    stdin.write('?');
    const help = await waitForText(lastFrame, 'any key closes this help');
    expect(help).toContain("review what is due in the row's subtree");
    expect(help).toContain('cram the row');
    // The key that closes help does nothing else, even typed in the same burst.
    stdin.write('jq');
    await waitForText(lastFrame, 'Chapter 1');
    expect(events).toEqual(['quit']);
  });
});
