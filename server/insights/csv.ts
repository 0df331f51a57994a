/**
 * The report as CSV, one line per row of every table, with the same suppression: a suppressed figure reads
 * "suppressed" (never a number). Periods are headed in words, in UTC days. An export a program may read: English,
 * whatever the language of the page that asked for it.
 */
import type { Cell, InsightsReport } from '../protocol/insights.js';
import { periodLabel } from './periods.js';

/** Quoted, and a spreadsheet never runs a label as a formula (a taxonomy name may start with "="). */
const field = (s: string) => `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
const figure = (c: Cell) => (c.suppressed ? 'suppressed' : String(c.value));

export function insightsCsv(r: InsightsReport): string {
  const head = ['Table', 'Row', ...r.periods.map((p) => periodLabel(p, r.bucket)), 'Total'].map(field);
  const lines = r.tables.flatMap((t) =>
    t.rows.map((row) => [field(t.title), field(row.label), ...[...row.cells, row.total].map(figure)].join(',')),
  );
  return `${[head.join(','), ...lines].join('\r\n')}\r\n`;
}
