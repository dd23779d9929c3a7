import { Text, useInput } from 'ink';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeckOutline } from '../../src/cards/card.js';
import { App, type StatsScreenProps } from '../../src/ui/app.js';
import { deckTree, type Selection } from '../../src/ui/deck-tree.js';
import { createPaint } from '../../src/ui/paint.js';
import { cardOf, fakeSession, itemOf } from './fake-session.js';
import { KEY, mountScreen, waitForFrame, waitForText } from './screen-helpers.js';

const deck: DeckOutline = {
  key: 'deck.md', title: 'Deck', file: 'deck.md', tags: [], cards: 2,
  chapters: [{ number: '1', title: 'One', line: 1, cards: 2, children: [] }],
};
const cards = [cardOf('a', { front: 'Alpha front' }), cardOf('b', { front: 'Beta front' })];

function FakeStats({ onBack }: StatsScreenProps) {
  useInput((input) => input === 'q' && onBack());
  return <Text>STATS SCREEN</Text>;
}

afterEach(cleanup);

async function open(withStats: boolean, due = cards) {
  const opened: string[] = [];
  let left = due.map((c) => itemOf(c));
  const r = await mountScreen(
    <App
      start={{ screen: 'home' }}
      home={() => {
        const tree = deckTree([deck], left.map((i) => ({ card: i.card, queue: i.queue })));
        return { tree, total: tree[0]!.counts, problems: 0 };
      }}
      openSession={(selection: Selection | null, cram: boolean) => {
        opened.push(`${cram ? 'cram' : 'review'} ${selection?.label ?? 'all'}`);
        const port = fakeSession(left);
        const rate = port.rate.bind(port);
        return { ...port, rate: (item, rating, ms) => { rate(item, rating, ms); left = left.filter((i) => i !== item); } };
      }}
      stats={withStats ? (props) => <FakeStats {...props} /> : undefined}
      paint={createPaint(false)}
    />,
  );
  return { ...r, opened };
}

describe('App', () => {
  it('home → review → summary → home with fresh counts', async () => {
    const { lastFrame, stdin, opened } = await open(false);
    await waitForText(lastFrame, '2 due now');
    stdin.write('j');
    stdin.write(KEY.enter);
    await waitForText(lastFrame, 'Alpha front');
    expect(opened).toEqual(['review Deck › 1 One']);
    stdin.write(' ');
    await waitForText(lastFrame, '4 Easy');
    stdin.write('3');
    await waitForText(lastFrame, 'Beta front');
    stdin.write('q');
    await waitForText(lastFrame, 'Session ended');
    stdin.write(KEY.enter);
    const home = await waitForText(lastFrame, '1 due now');
    expect(home).toMatch(/1 One +1 +0 +0/);
  });

  it('s opens the stats screen and it returns home; without one, s says how to get stats', async () => {
    const withStats = await open(true);
    await waitForText(withStats.lastFrame, 'due now');
    withStats.stdin.write('s');
    await waitForText(withStats.lastFrame, 'STATS SCREEN');
    withStats.stdin.write('q');
    await waitForText(withStats.lastFrame, 'due now');
    withStats.unmount();

    const without = await open(false);
    await waitForText(without.lastFrame, 'due now');
    without.stdin.write('s');
    await waitForText(without.lastFrame, 'recall stats');
  });

  it('enter on a row with nothing due stays home and says so', async () => {
    const { lastFrame, stdin, opened } = await open(false, []);
    await waitForText(lastFrame, 'nothing due now');
    stdin.write(KEY.enter);
    await waitForText(lastFrame, 'Nothing due in this row now; c crams it anyway.');
    expect(opened).toEqual(['review Deck']);
  });

  it('follows a terminal resize', async () => {
    const { lastFrame, stdout } = await open(false);
    const wide = await waitForText(lastFrame, 'due now');
    expect(Math.max(...wide.split('\n').map((l) => l.length))).toBe(100);
    Object.defineProperty(stdout, 'columns', { value: 60, configurable: true });
    Object.defineProperty(stdout, 'rows', { value: 12, configurable: true });
    stdout.emit('resize');
    const narrow = await waitForFrame(lastFrame, (f) => f.split('\n').length === 11);
    expect(Math.max(...narrow.split('\n').map((l) => l.length))).toBe(60);
    expect(narrow).toContain('due now');
  });
});
