import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { createPaint } from '../../src/ui/paint.js';
import { ReviewScreen } from '../../src/ui/review-screen.js';
import { cardOf, fakeSession, itemOf, type FakeSession } from './fake-session.js';
import { KEY, frameText, mountScreen, waitForFrame, waitForText } from './screen-helpers.js';

const paint = createPaint(false);
afterEach(cleanup);

async function open(port: FakeSession, size = { columns: 80, rows: 24 }) {
  let done = 0;
  const r = await mountScreen(<ReviewScreen port={port} size={size} paint={paint} onDone={() => done++} />);
  return { ...r, done: () => done };
}

const items = () => [itemOf(cardOf('a', { front: 'What is **RKE**?', back: 'Rancher Kubernetes Engine' })), itemOf(cardOf('b'), 'review'), itemOf(cardOf('c'))];

describe('ReviewScreen', () => {
  it('shows breadcrumb, kind, progress and the front; the answer area is reserved', async () => {
    const { lastFrame } = await open(fakeSession(items()));
    const frame = await waitForText(lastFrame, 'What is RKE?');
    expect(frame).toContain('Deck › 1.1 First');
    expect(frame).toContain('new · section');
    expect(frame).toContain('0 done, 3 left');
    expect(frame).toContain('2 new · 0 learning · 1 review');
    expect(frame).toContain('space show answer');
    expect(frame).not.toContain('Rancher Kubernetes Engine');
    expect(frame.split('\n')).toHaveLength(23);
  });

  it('reveals with space without moving the front, then shows the four ratings with intervals', async () => {
    const { lastFrame, stdin } = await open(fakeSession(items()));
    const before = await waitForText(lastFrame, 'What is RKE?');
    stdin.write(KEY.space);
    const after = await waitForText(lastFrame, 'Rancher Kubernetes Engine');
    expect(after).toContain('1 Again <10m   2 Hard 1d   3 Good 3d   4 Easy 8d');
    const lineOf = (f: string) => f.split('\n').findIndex((l) => l.includes('What is RKE?'));
    expect(lineOf(after)).toBe(lineOf(before));
    expect(after.split('\n')).toHaveLength(before.split('\n').length);
  });

  it('rating keys do nothing before the answer shows', async () => {
    const port = fakeSession(items());
    const { lastFrame, stdin } = await open(port);
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write('3');
    // Keys apply in order: once space has shown this card's answer, the 3 before it has been handled.
    stdin.write(KEY.space);
    await waitForText(lastFrame, 'Rancher Kubernetes Engine');
    expect(port.calls).toEqual([]);
  });

  it.each([['1', 1], ['2', 2], ['3', 3], ['4', 4], [' ', 3]] as const)('key %j after reveal rates %i and shows the next card', async (key, rating) => {
    const port = fakeSession(items());
    const { lastFrame, stdin } = await open(port);
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write(KEY.enter);
    await waitForText(lastFrame, 'Rancher Kubernetes Engine');
    stdin.write(key);
    await waitForText(lastFrame, 'Front of b');
    expect(port.calls).toEqual([`rate a ${rating} ms`]);
    expect(frameText(lastFrame)).toContain('1 done');
  });

  it('keys typed faster than a frame are each applied once, to the latest card', async () => {
    const port = fakeSession(items());
    const { lastFrame, stdin } = await open(port);
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write(' 3 4');
    await waitForText(lastFrame, 'Front of c');
    expect(port.calls).toEqual(['rate a 3 ms', 'rate b 4 ms']);
  });

  it('u undoes the last answer and brings its card back', async () => {
    const port = fakeSession(items());
    const { lastFrame, stdin } = await open(port);
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write(' ');
    await waitForText(lastFrame, 'Rancher');
    stdin.write('3');
    await waitForText(lastFrame, 'Front of b');
    stdin.write('u');
    const frame = await waitForText(lastFrame, 'What is RKE?');
    expect(frame).toContain('Undone.');
    expect(frame).toContain('0 done, 3 left');
    expect(port.calls).toEqual(['rate a 3 ms', 'undo']);
  });

  it('b buries and ! suspends the card, each with a status line', async () => {
    const port = fakeSession(items());
    const { lastFrame, stdin } = await open(port);
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write('b');
    await waitForText(lastFrame, 'Buried until tomorrow');
    stdin.write('!');
    await waitForText(lastFrame, 'Suspended');
    expect(frameText(lastFrame)).toContain('Front of c');
    expect(port.calls).toEqual(['bury a', 'suspend b']);
  });

  it('e runs the editor callback and shows its status', async () => {
    const edited: string[] = [];
    const port = fakeSession(items(), async (item) => {
      edited.push(`${item.card.source.file}:${item.card.source.line}`);
      return 'Reloaded deck.md: 3 cards.';
    });
    const { lastFrame, stdin } = await open(port);
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write('e');
    await waitForText(lastFrame, 'Reloaded deck.md: 3 cards.');
    expect(edited).toEqual(['deck.md:3']);
  });

  it('a rating that cannot be saved stays on the card and says why', async () => {
    const port = fakeSession(items());
    const failing = { ...port, rate: () => { throw new Error('ENOSPC: no space left on device'); } };
    const { lastFrame, stdin } = await open(failing as typeof port);
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write(' ');
    await waitForText(lastFrame, 'Rancher Kubernetes Engine');
    stdin.write('3');
    const frame = await waitForText(lastFrame, 'Not saved: ENOSPC: no space left on device');
    expect(frame).toContain('What is RKE?');
    expect(frame).toContain('0 done, 3 left');
  });

  it('? shows the help overlay from the key table; any key closes it', async () => {
    const { lastFrame, stdin } = await open(fakeSession(items()));
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write('?');
    const help = await waitForText(lastFrame, 'any key closes this help');
    expect(help).toContain('bury: hide the card until tomorrow');
    expect(help).toContain('q/esc');
    stdin.write('x');
    await waitForText(lastFrame, 'What is RKE?');
  });

  it('PgDn and PgUp scroll a long card inside the screen', async () => {
    const long = itemOf(cardOf('long', { front: Array.from({ length: 40 }, (_, i) => `- point ${i + 1}`).join('\n') }));
    const { lastFrame, stdin } = await open(fakeSession([long]));
    const first = await waitForText(lastFrame, 'point 1');
    expect(first).toContain('PgDn for more');
    expect(first).not.toContain('point 40');
    expect(first.split('\n')).toHaveLength(23);
    stdin.write(KEY.pageDown);
    stdin.write(KEY.pageDown);
    stdin.write(KEY.pageDown);
    const end = await waitForText(lastFrame, 'point 40');
    expect(end.split('\n')).toHaveLength(23);
    stdin.write(KEY.pageUp);
    stdin.write(KEY.pageUp);
    stdin.write(KEY.pageUp);
    await waitForFrame(lastFrame, (f) => f.includes('point 1\n') || /point 1\s*$/m.test(f));
  });

  it('the last answer shows the summary; u from there goes back to the card', async () => {
    const port = fakeSession([items()[0]!]);
    const { lastFrame, stdin, done } = await open(port);
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write(' ');
    await waitForText(lastFrame, 'Rancher');
    stdin.write('1');
    await waitForText(lastFrame, 'learning · section');
    // Again brought the card back as a learning card: answer it again.
    stdin.write(' ');
    await waitForText(lastFrame, 'Rancher');
    stdin.write('3');
    const summary = await waitForText(lastFrame, 'Session complete');
    expect(summary).toMatch(/Cards reviewed\s+2/);
    expect(summary).toMatch(/Again rate\s+50%/);
    expect(summary).toMatch(/New cards learned\s+1/);
    expect(summary).toMatch(/Reviews due tomorrow\s+7/);
    stdin.write('u');
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write('q');
    await waitForText(lastFrame, 'Session ended');
    stdin.write(KEY.enter);
    await waitForFrame(lastFrame, () => done() === 1);
  });

  it('q and esc end the session with its summary', async () => {
    const { lastFrame, stdin } = await open(fakeSession(items()));
    await waitForText(lastFrame, 'What is RKE?');
    stdin.write(KEY.escape);
    const frame = await waitForText(lastFrame, 'Session ended');
    expect(frame).toMatch(/Cards reviewed\s+0/);
  });

  it('fits narrow terminals: no line wider than the screen', async () => {
    const { lastFrame } = await open(fakeSession(items()), { columns: 40, rows: 12 });
    const frame = await waitForText(lastFrame, 'What is RKE?');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(frame.split('\n')).toHaveLength(11);
  });

  it('at 60 columns keeps help and quit in the footer and all three counts', async () => {
    const { lastFrame } = await open(fakeSession(items()), { columns: 60, rows: 20 });
    const frame = await waitForText(lastFrame, 'What is RKE?');
    expect(frame).toContain('? help  q quit');
    expect(frame).toContain('0/3  2 new · 0 lrn · 1 rev');
  });

  it('shows the breadcrumb once: in the header, with the part counter, not again above the question', async () => {
    const card = cardOf('p', {
      path: [{ number: '1', title: '' }, { number: '1.2', title: 'Discovering RKE' }, { number: null, title: 'Nodes:' }],
      front: '1.2 Discovering RKE › Nodes (1/2)\n\nWhat are the key points?',
    });
    const { lastFrame } = await open(fakeSession([itemOf(card)]));
    const frame = await waitForText(lastFrame, 'What are the key points?');
    expect(frame.split('\n')[0]).toMatch(/^Deck › 1\.2 Discovering RKE › Nodes \(1\/2\)\s+new · section$/);
    expect(frame.match(/Discovering RKE/g)).toHaveLength(1);
    const body = frame.split('\n').slice(3);
    expect(body[0]?.trim()).toBe('What are the key points?');
  });

  it('a deck-level card shows the deck title once; a first line that is not the breadcrumb stays on the card', async () => {
    const deckCard = cardOf('d', { chapter: null, path: [], front: 'Deck\n\nWhat are the key points?' });
    const plain = cardOf('q', { front: 'Which port does the API use?' });
    const { lastFrame, stdin } = await open(fakeSession([itemOf(deckCard), itemOf(plain)]));
    const first = await waitForText(lastFrame, 'What are the key points?');
    expect(first.split('\n')[0]).toMatch(/^Deck\s+new · section$/);
    expect(first.match(/Deck/g)).toHaveLength(1);
    stdin.write(KEY.space);
    await waitForText(lastFrame, 'Back of d');
    stdin.write('3');
    const second = await waitForText(lastFrame, 'Which port does the API use?');
    expect(second.split('\n')[0]).toMatch(/^Deck › 1\.1 First\s+new · section$/);
  });

  it('a long breadcrumb gives up its leading crumbs, keeping their numbers, the section and its part', async () => {
    const card = cardOf('l', {
      path: [{ number: '1', title: 'A rather long chapter title about clusters' }, { number: '1.1', title: 'Communicating with Downstream Clusters' }],
      front: '1 A rather long chapter title about clusters › 1.1 Communicating with Downstream Clusters (3/4)\n\nWhat are the key points?',
    });
    const { lastFrame } = await open(fakeSession([itemOf(card)]));
    const frame = await waitForText(lastFrame, 'What are the key points?');
    expect(frame.split('\n')[0]).toMatch(/^… › 1 › 1\.1 Communicating with Downstream Clusters \(3\/4\)\s+new · section$/);
  });

  it('a label line that is the prompt does not open the answer again', async () => {
    const card = cardOf('t', {
      front: '1.1 First (1/2)\n\nCluster agent handles:',
      back: 'Cluster agent handles:\n\n* connecting to the API\n* managing workloads',
    });
    const { lastFrame, stdin } = await open(fakeSession([itemOf(card)]));
    await waitForText(lastFrame, 'Cluster agent handles:');
    stdin.write(KEY.space);
    const frame = await waitForText(lastFrame, 'managing workloads');
    expect(frame.match(/Cluster agent handles:/g)).toHaveLength(1);
    const lines = frame.split('\n').map((l) => l.trim());
    expect(lines.indexOf('• connecting to the API')).toBe(lines.findIndex((l) => l.includes('answer')) + 2);
  });

  it('on a narrow terminal the breadcrumb cuts the title and keeps the part counter', async () => {
    const card = cardOf('n', {
      path: [{ number: '3.1', title: 'Where will my cluster live?' }],
      front: '3.1 Where will my cluster live? (1/2)\n\nTypes:',
    });
    const { lastFrame } = await open(fakeSession([itemOf(card)]), { columns: 48, rows: 16 });
    const frame = await waitForText(lastFrame, 'Types:');
    expect(frame.split('\n')[0]).toBe('… › 3.1 Where will my clus… (1/2)  new · section');
  });
});
