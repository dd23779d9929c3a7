/** Times as the plain-text commands print them: local, to the minute, and how far from now. */
import { formatInterval } from '../schedule/preview.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-03 09:14` in local time. */
export function localTime(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** `2026-12-03 09:14 (in 3d)`, or `(now)` when already due. */
export function dueText(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  return `${localTime(due)} (${ms <= 0 ? 'now' : `in ${formatInterval(ms)}`})`;
}
