/** Calendar arithmetic on study-day dates (`YYYY-MM-DD`, as `studyDay` gives them). */

const pad = (n: number) => String(n).padStart(2, '0');

function utcOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = utcOf(date);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Days since 1970-01-01: a number to compare dates by without parsing them again. */
export function dayNumber(date: string): number {
  return Math.round(utcOf(date).getTime() / 86_400_000);
}

/** Days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Day of the week, 0 = Monday … 6 = Sunday (ISO order, as the heatmap rows run). */
export function weekday(date: string): number {
  return (utcOf(date).getUTCDay() + 6) % 7;
}

/** `count` consecutive dates ending with `last`, oldest first. */
export function datesEndingOn(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(last, i - count + 1));
}

/** `count` consecutive dates starting with `first`. */
export function datesStartingOn(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}
