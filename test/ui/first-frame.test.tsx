import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { createPaint } from '../../src/ui/paint.js';
import { firstReviewScreen } from '../../src/ui/review-frame.js';
import { ReviewScreen } from '../../src/ui/review-screen.js';
import { cardOf, fakeSession, itemOf } from './fake-session.js';
import { mountScreen, strip } from './screen-helpers.js';

afterEach(cleanup);

const FRONT = [
  'Deck › 1.1 First',
  '',
  'Which **flags** does `rke up` take? A long line that has to wrap, and wrap again, at the width of the card text, which is narrower than the screen.',
  '',
  '```yaml',
  'nodes:',
  '  - address: 10.0.0.1 # a comment wider than the box would be cut with an ellipsis, so this goes on',
  '```',
  '',
  '1. one',
  '2. two — with ünïcödé and 中文',
].join('\n');

/** What the terminal shows for Ink's output: trailing blanks are not drawn. */
const shown = (text: string) => text.split('\n').map((line) => line.trimEnd()).join('\n');

describe('the first frame of recall review', () => {
  it.each([
    ['plain', false, 100, 24],
    ['colour', true, 100, 24],
    ['short', false, 100, 12],
  ])('painted before Ink loads, is what ReviewScreen then draws (%s)', async (_name, colour, columns, rows) => {
    const paint = createPaint(colour);
    const size = { columns, rows };
    const port = fakeSession([itemOf(cardOf('a', { front: FRONT, path: [{ number: '1.1', title: 'First' }] })), itemOf(cardOf('b'), 'review')]);
    const first = port.next();
    const painted = firstReviewScreen(port, first, size, paint, 0);
    const { lastFrame } = await mountScreen(<ReviewScreen port={port} first={first} shownAt={0} size={size} paint={paint} onDone={() => undefined} />);
    const drawn = lastFrame() ?? '';
    expect(strip(drawn)).toContain('Which flags does rke up take?');
    expect(strip(shown(drawn))).toBe(strip(shown(painted)));
    expect(shown(drawn)).toBe(shown(painted));
  });
});
