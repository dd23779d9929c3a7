process.env.TZ = 'UTC';
import stringWidth from 'string-width';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { statsReport } from '../../src/stats/report.js';
import { createPaint } from '../../src/ui/paint.js';
import { StatsScreen } from '../../src/ui/stats-screen.js';
import { KEY, tick, waitForFrame, waitForText } from '../ui/screen-helpers.js';
import { NOW, statsInput } from './history.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function open(columns: number, rows: number) {
  const events: string[] = [];
  const report = statsReport(statsInput(), [], NOW);
  const screen = (
    <StatsScreen load={() => report} size={{ columns, rows }} paint={createPaint(false)} onBack={() => events.push('back')} />
  );
  const r = render(screen);
  // ink-testing-library's stdout is 100 columns wide: give it the width under test, then lay out again.
  Object.defineProperty(r.stdout, 'columns', { value: columns });
  r.rerender(screen);
  unmount = r.unmount;
  await tick();
  return { ...r, events };
}

const lines = (frame: string) => frame.split('\n');

describe.each([80, 120])('the stats screen at %i columns', (columns) => {
  it('opens on the overview, within the terminal', async () => {
    const { lastFrame } = await open(columns, 24);
    const frame = await waitForText(lastFrame, 'True retention');
    expect(lines(frame)[1]).toContain('[1 Overview]');
    expect(frame).toMatch(/Total\s+6/);
    expect(frame).toMatch(/Streak\s+29 days \(longest 30\)/);
    // One row less than the terminal: the last newline never scrolls it.
    expect(lines(frame)).toHaveLength(23);
    expect(lines(frame)[22]).toMatch(/^←→ tab {2}↑↓ scroll {2}PgUp\/PgDn page {2}q back +1–18 of 19$/);
    expect(stringWidth(lines(frame)[22]!)).toBe(columns);
  });

  it('tabs to the heatmap and the forecast, and jumps to chapters by digit', async () => {
    const { lastFrame, stdin } = await open(columns, 24);
    stdin.write(KEY.right);
    const activity = await waitForText(lastFrame, '[2 Activity]');
    const mon = lines(activity).find((l) => l.startsWith('Mon '));
    // A full year fits at both widths: 53 weeks of one column each after the weekday label.
    expect(mon?.length).toBeGreaterThanOrEqual(4 + 52);
    expect(activity).toContain('less · ░ ▒ ▓ █ more');
    stdin.write(KEY.right);
    const forecast = await waitForText(lastFrame, '[3 Forecast]');
    expect(forecast).toContain('today 2 · tomorrow 0 · 7 days 2 · 30 days 4');
    stdin.write('4');
    const chapters = await waitForText(lastFrame, '[4 Chapters]');
    expect(chapters).toMatch(/1 Basics\s+4\s+0\s+2\s+80\.6% !/);
    expect(chapters).toMatch(/2 Routing\s+2\s+0\s+0\s+100\.0%/);
  });

  it('scrolls a tab taller than the screen, and q goes back', async () => {
    const { lastFrame, stdin, events } = await open(columns, 16);
    const top = await waitForText(lastFrame, '[1 Overview]');
    expect(top).toMatch(/1–10 of 19/);
    expect(lines(top)[3]).toMatch(/^Cards/);
    stdin.write(KEY.down);
    const scrolled = await waitForText(lastFrame, '2–11 of 19');
    expect(lines(scrolled)[3]).toMatch(/^Total\s+6/);
    stdin.write(KEY.pageDown);
    // A page is the body's height less one line; the last page stops at the end.
    const bottom = await waitForText(lastFrame, '10–19 of 19');
    expect(lines(bottom)[12]).toMatch(/^Desired retention 90\.0%/);
    stdin.write('q');
    await waitForFrame(lastFrame, () => events.includes('back'));
    expect(events).toEqual(['back']);
  });
});
