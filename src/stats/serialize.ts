/** Rows as CSV (csv-stringify: RFC 4180 quoting of commas, quotes and newlines) or a JSON array. */
import { stringify } from 'csv-stringify/sync';
import type { Row } from './export-rows.js';

export type ExportFormat = 'csv' | 'json';

export function serializeRows(rows: readonly Row[], columns: readonly string[], format: ExportFormat): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  // null cells are empty fields; the header is written even when there are no rows.
  return stringify(rows as Row[], { header: true, columns: [...columns] });
}
