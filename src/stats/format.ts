/** How numbers read in the stats text. */

/** 0.913 → "91.3%"; null → "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Milliseconds as "1h 05m", "12m", "45s". */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** Days as "12.3 d", or months / years past them ("3.2 mo", "1.1 y"), like interval previews. */
export function days(value: number | null): string {
  if (value === null) return '—';
  if (value < 30) return `${value.toFixed(1)} d`;
  if (value < 365) return `${(value / 30).toFixed(1)} mo`;
  return `${(value / 365).toFixed(1)} y`;
}
