/** What the home tree counts per row and what entering a row gives, and the summary's reviews due tomorrow, on a real workspace. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../src/cli/review-session.js';
import { Study } from '../../src/cli/study.js';
import { openWorkspace, type Workspace } from '../../src/cli/workspace.js';
import { setSetting } from '../../src/store/config.js';
import type { TreeRow } from '../../src/ui/deck-tree.js';
import { HomeScreen } from '../../src/ui/home-screen.js';
import { createPaint } from '../../src/ui/paint.js';
import { ReviewScreen } from '../../src/ui/review-screen.js';
import { KEY, mountScreen, waitForText } from './screen-helpers.js';

const DECK = join(import.meta.dirname, '../fixtures/ui/deck.md');
let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'recall-session-'));
  process.env.XDG_CONFIG_HOME = join(home, 'config');
});
afterEach(() => {
  cleanup();
  rmSync(home, { recursive: true, force: true });
});
const paint = createPaint(false);

const globals = () => ({ home, decks: [DECK], debug: false });

const allRows = (rows: readonly TreeRow[]): TreeRow[] => rows.flatMap((row) => [row, ...allRows(row.children)]);

function rowOf(tree: readonly TreeRow[], label: string): TreeRow {
  const row = allRows(tree).find((r) => r.label === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
}

/** Noon, local time: far from the study day's start at 4. */
const NOON = new Date(2026, 10, 30, 12, 0, 0);

function sessionAt(workspace: Workspace, clock: () => Date, selection: TreeRow['selection'] | null = null) {
  return new WorkspaceSession(workspace, { selection, chapters: [], cram: false }, {
    clock,
    editFile: async () => undefined,
    reopen: async () => workspace,
  });
}

describe('home rows', () => {
  it('each row offers its own new cards within what today leaves; entering it gives exactly that', async () => {
    await setSetting('newPerDay', '2');
    const workspace = await openWorkspace(globals(), NOON);
    const study = new Study(workspace, globals());
    const data = study.home(NOON);
    const counts = (label: string) => rowOf(data.tree, label).counts;
    expect(data.total).toEqual({ new: 2, learning: 0, review: 0 });
    expect(counts('Fixture Deck')).toEqual({ new: 2, learning: 0, review: 0 });
    expect(counts('1.1 Architecture')).toEqual({ new: 1, learning: 0, review: 0 });
    expect(counts('1.2 Discovering RKE')).toEqual({ new: 2, learning: 0, review: 0 });
    // Before, the rows above took the day's two new cards and this one offered none.
    expect(counts('2.1 Installing Rancher')).toEqual({ new: 1, learning: 0, review: 0 });

    const row = rowOf(data.tree, '2.1 Installing Rancher');
    const step = sessionAt(workspace, () => NOON, row.selection).next();
    expect(step.item?.card.path.at(-1)?.title).toBe('Installing Rancher');
    expect(step.counts).toEqual({ new: 1, learning: 0, review: 0 });

    // One new card answered: one is left for today, in any row.
    const card = step.item!.card;
    workspace.rate(card.id, 3, 4000, NOON);
    const after = study.home(NOON);
    expect(after.total).toEqual({ new: 1, learning: 0, review: 0 });
    expect(rowOf(after.tree, '1.2 Discovering RKE').counts).toEqual({ new: 1, learning: 0, review: 0 });
    expect(rowOf(after.tree, '2.1 Installing Rancher').counts).toEqual({ new: 0, learning: 0, review: 0 });
    const inRow = sessionAt(workspace, () => NOON, rowOf(after.tree, '1.2 Discovering RKE').selection).next();
    expect(inRow.counts).toEqual({ new: 1, learning: 0, review: 0 });
  });

  it('the home screen shows each chapter\'s own share and the day\'s total in its title', async () => {
    await setSetting('newPerDay', '2');
    const workspace = await openWorkspace(globals(), NOON);
    const data = new Study(workspace, globals()).home(NOON);
    const r = await mountScreen(
      <HomeScreen tree={data.tree} total={data.total} problems={0} size={{ columns: 80, rows: 24 }} paint={paint} status=""
        onReview={() => undefined} onStats={() => undefined} onQuit={() => undefined} />,
    );
    r.stdin.write('j');
    r.stdin.write(KEY.right);
    r.stdin.write('j');
    r.stdin.write('j');
    r.stdin.write('j');
    r.stdin.write('j');
    r.stdin.write(KEY.right);
    const frame = await waitForText(r.lastFrame, '2.1 Installing Rancher');
    expect(frame).toContain('2 due now');
    expect(frame).toMatch(/1\.2 Discovering RKE +2 +0 +0/);
    expect(frame).toMatch(/2\.1 Installing Rancher +1 +0 +0/);
  });
});

describe('reviews due tomorrow', () => {
  it('leaves out a learning step due later today and counts a review that falls due tomorrow', async () => {
    const workspace = await openWorkspace(globals(), NOON);
    const [learning, easy] = workspace.cards();
    workspace.rate(learning!.id, 3, 4000, NOON);
    const state = workspace.rate(easy!.id, 4, 4000, NOON);
    expect(workspace.states.get(learning!.id)?.phase).toBe('learning');
    expect(workspace.states.get(learning!.id)!.due.getTime()).toBeLessThan(NOON.getTime() + 3600_000);
    expect(state.phase).toBe('review');

    expect(sessionAt(workspace, () => NOON).dueTomorrow()).toBe(0);
    // The day before the review falls due, at the same hour: it is due in tomorrow's study day.
    const dayBefore = new Date(state.due.getFullYear(), state.due.getMonth(), state.due.getDate() - 1, 12);
    expect(sessionAt(workspace, () => dayBefore).dueTomorrow()).toBe(1);
  });

  it('the summary says how many reviews are due tomorrow', async () => {
    const workspace = await openWorkspace(globals(), NOON);
    const r = await mountScreen(<ReviewScreen port={sessionAt(workspace, () => NOON)} size={{ columns: 80, rows: 24 }} paint={paint} onDone={() => undefined} />);
    await waitForText(r.lastFrame, '1.1 Architecture');
    r.stdin.write(KEY.space);
    await waitForText(r.lastFrame, 'authentication proxy');
    r.stdin.write('3');
    await waitForText(r.lastFrame, 'Installing RKE');
    r.stdin.write('q');
    const summary = await waitForText(r.lastFrame, 'Session ended');
    expect(summary).toMatch(/Cards reviewed\s+1/);
    expect(summary).toMatch(/Reviews due tomorrow\s+0/);
  });
});
