/**
 * The periods a report counts in: weeks (Monday to Sunday) or calendar months, in UTC days. The asked range is
 * snapped out to whole periods, so two answers can only differ by whole periods, each a cell that is suppressed
 * on its own when small (a range one day shorter would otherwise single out that day's events).
 */
import { AppError } from '../errors.js';
import { wordsFor, type Words } from '../i18n/translate.js';
import type { Bucket, Period } from '../protocol/insights.js';

/** Two years of weeks: a page and a CSV a person can read. */
export const MAX_PERIODS = 106;
const DAY = 86_400_000;
const DEFAULT_PERIODS = 12;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function startOf(d: Date, bucket: Bucket): Date {
  if (bucket === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const monday = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - monday));
}

function next(d: Date, bucket: Bucket, n = 1): Date {
  return bucket === 'month'
    ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1))
    : new Date(d.getTime() + 7 * n * DAY);
}

/** The periods covering `from` to `until` (days, both counted); the twelve up to today when not given. */
export function periodsOf(q: { from?: string | undefined; until?: string | undefined; bucket: Bucket }, now: Date) {
  const last = startOf(q.until ? day(q.until) : now, q.bucket);
  const first = q.from ? startOf(day(q.from), q.bucket) : next(last, q.bucket, 1 - DEFAULT_PERIODS);
  if (first > last)
    throw new AppError('invalid_input', 'query.until: expected a day on or after query.from', 400, ['query', 'until']);
  const periods: Period[] = [];
  for (let d = first; d <= last; d = next(d, q.bucket)) {
    if (periods.length === MAX_PERIODS)
      throw new AppError(
        'invalid_input',
        `query.from: expected at most ${MAX_PERIODS} ${q.bucket}s between query.from and query.until`,
        400,
        ['query', 'from'],
      );
    periods.push({ start: d.toISOString(), end: next(d, q.bucket).toISOString() });
  }
  return { from: periods[0]!.start, until: periods.at(-1)!.end, periods };
}

/** "March 2026", "week of 2 March 2026", in the reader's words: UTC days, so no time zone shifts a period. */
export const periodLabel = (p: Period, bucket: Bucket, words: Words = wordsFor('en')) =>
  bucket === 'month'
    ? words.time(p.start, 'month')
    : words.t('admin.insights.weekOf', { day: words.time(p.start, 'date') });

/** The index of the period `at` falls in, or -1 outside them all. */
export function periodIndex(periods: readonly Period[], at: string): number {
  if (!periods.length || at < periods[0]!.start || at >= periods.at(-1)!.end) return -1;
  return periods.findIndex((p) => at < p.end);
}
