/**
 * Study days. A study day runs from `dayStartsAt` local time to the next day's; working on local
 * calendar fields (not on a fixed 24 h offset) keeps the boundary right across DST changes.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date whose study day contains `at`. */
function studyDate(at: Date, dayStartsAt: number): Date {
  const d = new Date(at.getFullYear(), at.getMonth(), at.getDate());
  if (at.getHours() < dayStartsAt) d.setDate(d.getDate() - 1);
  return d;
}

/** The study day containing `at`, as `YYYY-MM-DD`. */
export function studyDay(at: Date, dayStartsAt: number): string {
  const d = studyDate(at, dayStartsAt);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** When the study day containing `at` started. */
export function startOfStudyDay(at: Date, dayStartsAt: number): Date {
  const d = studyDate(at, dayStartsAt);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), dayStartsAt);
}

/** When the study day `days` after the one containing `at` starts (1 = tomorrow's). */
export function startOfStudyDayAfter(at: Date, dayStartsAt: number, days = 1): Date {
  const d = studyDate(at, dayStartsAt);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, dayStartsAt);
}

/** Whole study days from the one containing `from` to the one containing `to`. */
export function studyDaysBetween(from: Date, to: Date, dayStartsAt: number): number {
  const a = studyDate(from, dayStartsAt);
  const b = studyDate(to, dayStartsAt);
  // Date.UTC on the calendar fields: each day is exactly 86 400 000 ms there, DST or not.
  const utc = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}
