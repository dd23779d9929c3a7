/** The review screen on a real workspace: a temporary home, the fixture deck, and the log on disk afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Study } from '../../src/cli/study.js';
import { openWorkspace } from '../../src/cli/workspace.js';
import type { ReviewEvent } from '../../src/store/events.js';
import { readLog } from '../../src/store/log.js';
import { createPaint } from '../../src/ui/paint.js';
import { ReviewScreen } from '../../src/ui/review-screen.js';
import { KEY, mountScreen, waitForFrame, waitForText } from './screen-helpers.js';

const DECK = join(import.meta.dirname, '../fixtures/ui/deck.md');
let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'recall-ui-'));
  process.env.XDG_CONFIG_HOME = join(home, 'config');
});
afterEach(() => {
  cleanup();
  rmSync(home, { recursive: true, force: true });
});

const globals = () => ({ home, decks: [DECK], debug: false });
const events = (): ReviewEvent[] => readLog(home).events.map((e) => e.event);

async function open(scope: { chapters?: string[]; cram?: boolean } = {}) {
  const workspace = await openWorkspace(globals());
  const study = new Study(workspace, globals());
  const port = study.session({ selection: null, chapters: scope.chapters ?? [], cram: scope.cram ?? false });
  const r = await mountScreen(<ReviewScreen port={port} size={{ columns: 100, rows: 30 }} paint={createPaint(false)} onDone={() => undefined} />);
  return { ...r, port, workspace };
}

describe('review screen on a workspace', () => {
  it('reveal, Good: the log has one review with rating 3; undo: an undo event and the card is back', async () => {
    const { lastFrame, stdin, port } = await open();
    const first = port.next().item!.card;
    await waitForText(lastFrame, '1.1 Architecture');
    stdin.write(KEY.space);
    await waitForText(lastFrame, 'authentication proxy');
    stdin.write('3');
    await waitForText(lastFrame, 'Installing RKE');

    const reviews = events().filter((e) => e.type === 'review');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ type: 'review', card: first.id, rating: 3 });

    stdin.write('u');
    await waitForText(lastFrame, 'Undone.');
    const log = events();
    expect(log.at(-1)).toMatchObject({ type: 'undo', target: reviews[0]!.id });
    expect(port.next().item!.card.id).toBe(first.id);
    expect(await waitForText(lastFrame, '1.1 Architecture')).toContain('0 done, 6 left');
  });

  it('each rating is on disk before the next card shows', async () => {
    const { lastFrame, stdin } = await open({ chapters: ['1.2'] });
    await waitForText(lastFrame, 'Installing RKE');
    stdin.write(' ');
    await waitForText(lastFrame, 'single binary');
    stdin.write('4');
    await waitForText(lastFrame, 'Preparing nodes');
    expect(events().filter((e) => e.type === 'review')).toHaveLength(1);
    stdin.write(' ');
    await waitForText(lastFrame, 'SSH user');
    stdin.write('1');
    await waitForText(lastFrame, 'Cluster configuration');
    expect(events().filter((e) => e.type === 'review').map((e) => (e as { rating: number }).rating)).toEqual([4, 1]);
  });

  it('b and ! log bury and suspend', async () => {
    const { lastFrame, stdin, port } = await open();
    const first = port.next().item!.card.id;
    await waitForText(lastFrame, '1.1 Architecture');
    stdin.write('b');
    await waitForText(lastFrame, 'Buried until tomorrow');
    const second = port.next().item!.card.id;
    stdin.write('!');
    await waitForText(lastFrame, 'Suspended');
    expect(events().map((e) => [e.type, (e as { card?: string }).card])).toEqual([['bury', first], ['suspend', second]]);
  });

  it('cram logs cram answers only, shows no intervals, and leaves the schedule alone', async () => {
    const { lastFrame, stdin, workspace } = await open({ cram: true });
    const frame = await waitForText(lastFrame, '1.1 Architecture');
    expect(frame).toContain('cram · section');
    stdin.write(' ');
    const back = await waitForText(lastFrame, '4 Easy');
    expect(back).toMatch(/1 Again {3}2 Hard {3}3 Good {3}4 Easy/);
    stdin.write('2');
    await waitForText(lastFrame, 'Installing RKE');
    expect(events().map((e) => e.type)).toEqual(['cram']);
    expect(workspace.states.size).toBe(0);
    stdin.write('q');
    const summary = await waitForText(lastFrame, 'Session ended');
    expect(summary).toMatch(/Cards practised\s+1/);
    expect(summary).not.toContain('New cards learned');
  });

  it('a card answered Again comes back in the same session when its step falls due', async () => {
    const { lastFrame, stdin, port } = await open({ chapters: ['2.1'] });
    await waitForText(lastFrame, 'Installing Rancher');
    stdin.write(' ');
    await waitForText(lastFrame, 'Helm');
    stdin.write('1');
    const again = await waitForText(lastFrame, 'learning · section');
    expect(again).toContain('1 done, 1 left');
    expect(port.next().item!.card.path.at(-1)!.title).toBe('Installing Rancher');
  });

  it('finishing the queue shows the summary with what was done', async () => {
    const { lastFrame, stdin } = await open({ chapters: ['2.1'] });
    await waitForText(lastFrame, 'Installing Rancher');
    stdin.write(' ');
    await waitForText(lastFrame, 'Helm');
    stdin.write('4');
    const summary = await waitForFrame(lastFrame, (f) => f.includes('Session complete'));
    expect(summary).toMatch(/Cards reviewed\s+1/);
    expect(summary).toMatch(/Again rate\s+0%/);
    expect(summary).toMatch(/New cards learned\s+1/);
  });
});
