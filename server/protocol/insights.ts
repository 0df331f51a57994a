/**
 * Insights without identities (`GET /insights`): aggregated figures for the privacy officer and leads. The query,
 * and the report's shape, which the lead's page imports as types. A figure is a cell: a count, or null and
 * `suppressed: true` when publishing it could point at a person (server/insights/suppress.ts).
 */
import { z } from 'zod';

/** A UTC day, `2026-03-01`. */
const Day = z.iso.date({ message: 'expected a day as YYYY-MM-DD, e.g. "2026-03-01"' });

export const BUCKETS = ['week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const InsightsQuery = z.strictObject({
  /** The first day counted (snapped back to the start of its week or month). */
  from: Day.optional(),
  /** The last day counted (snapped forward to the end of its week or month). */
  until: Day.optional(),
  bucket: z.enum(BUCKETS).default('month'),
  format: z.enum(['json', 'csv']).default('json'),
});
export type InsightsQuery = z.infer<typeof InsightsQuery>;

export type Cell = { value: number; suppressed?: undefined } | { value: null; suppressed: true };

export interface InsightsRow {
  /** Stable, for machines (`consents.granted:user.behavior.purchase_history`). */
  key: string;
  /** In words. */
  label: string;
  /** One per period, in the report's order. */
  cells: Cell[];
  /** The sum of the row's cells over every period. */
  total: Cell;
}

export interface InsightsTable {
  id: string;
  title: string;
  /** What one count is ("consent changes", "model calls"). */
  counts: string;
  rows: InsightsRow[];
  /** What the table cannot say, in words (e.g. what the store does not record). */
  note?: string;
}

export interface Period {
  /** Inclusive, `…T00:00:00.000Z`. */
  start: string;
  /** Exclusive. */
  end: string;
}

export interface InsightsReport {
  from: string;
  until: string;
  bucket: Bucket;
  /** A cell counting fewer customers than this is suppressed. */
  minCell: number;
  periods: Period[];
  tables: InsightsTable[];
}
