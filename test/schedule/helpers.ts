/** Builders for schedule tests: settings, cards and logged events without touching the disk. */
import type { Card } from '../../src/cards/card.js';
import type { LoggedEvent, Rating, ReviewEvent } from '../../src/store/events.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/store/settings.js';

export function settingsWith(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, deviceId: 'dev-a', ...overrides };
}

export function card(id: string, deck = 'deck.md', front = `front ${id}`, back = `back ${id}`): Card {
  return { id, deck, kind: 'section', chapter: null, path: [], front, back, source: { file: deck, line: 1 } };
}

/** Hands out event ids and line numbers in order, per device. */
export class LogBuilder {
  readonly events: LoggedEvent[] = [];
  private next = 0;

  /** `prefix` keeps event ids of separate builders apart. */
  constructor(private readonly prefix = 'e') {}

  add(fields: Record<string, unknown> & { type: ReviewEvent['type'] }, at: Date, device = 'dev-a'): string {
    const id = `${this.prefix}${++this.next}`;
    const event = { v: 1, id, at: at.toISOString(), ...fields } as unknown as ReviewEvent;
    this.events.push({ event, device, line: this.next });
    return id;
  }

  review(cardId: string, rating: Rating, at: Date, device = 'dev-a'): string {
    return this.add({ type: 'review', card: cardId, rating, ms: 1000, deck: 'deck.md' }, at, device);
  }
}

export const minutes = (n: number) => n * 60_000;
export const days = (n: number) => n * 86_400_000;
export const after = (at: Date, ms: number) => new Date(at.getTime() + ms);
