/**
 * The insights report: the store's events counted per row and period, each cell knowing how many distinct
 * customers it came from, then suppressed (suppress.ts). Names are words from the taxonomy; no id leaves here.
 */
import { categoryName, purposeName, type Taxonomy } from '../taxonomy/taxonomy.js';
import type { Bucket, InsightsReport, InsightsTable, Period } from '../protocol/insights.js';
import type { InsightEvents } from '../store/types.js';
import { consentEvents } from './consents.js';
import { periodIndex } from './periods.js';
import { suppressRow, type Tally } from './suppress.js';
import { wordsFor, type Words } from '../i18n/translate.js';

interface Counted {
  row: string;
  customerId: string;
  at: string;
}

interface Spec {
  id: string;
  title: string;
  counts: string;
  /** Rows always shown, in this order; rows met in the events are added after them, by label. */
  rows: [key: string, label: string][];
  label?: (key: string) => string;
  note?: string;
}

const people = () => ({ count: 0, ids: new Set<string>() });
const tallyOf = (c: ReturnType<typeof people>): Tally => ({ count: c.count, people: c.ids.size });

function table(spec: Spec, events: readonly Counted[], periods: readonly Period[], k: number): InsightsTable {
  const rows = new Map(spec.rows.map(([key]) => [key, { cells: periods.map(people), total: people() }]));
  for (const e of events) {
    const i = periodIndex(periods, e.at);
    if (i < 0) continue;
    if (!rows.has(e.row)) rows.set(e.row, { cells: periods.map(people), total: people() });
    const row = rows.get(e.row)!;
    for (const c of [row.cells[i]!, row.total]) {
      c.count += 1;
      c.ids.add(e.customerId);
    }
  }
  const fixed = new Map(spec.rows);
  const labelOf = (key: string) => fixed.get(key) ?? spec.label!(key);
  const keys = [...rows.keys()];
  const met = keys.filter((key) => !fixed.has(key)).sort((a, b) => labelOf(a).localeCompare(labelOf(b)));
  return {
    id: spec.id,
    title: spec.title,
    counts: spec.counts,
    rows: [...spec.rows.map(([key]) => key), ...met].map((key) => {
      const row = rows.get(key)!;
      return {
        key,
        label: labelOf(key),
        ...suppressRow({ cells: row.cells.map(tallyOf), total: tallyOf(row.total) }, k),
      };
    }),
    ...(spec.note ? { note: spec.note } : {}),
  };
}

const flagRows = ({ t }: Words): [string, string][] =>
  (['opted_out', 'opted_in', 'gpc'] as const).flatMap((kind) => [
    [`${kind}:own`, t('admin.insights.own', { what: t(`admin.insights.${kind}`) })],
    [`${kind}:relayed`, t('admin.insights.relayed', { what: t(`admin.insights.${kind}`) })],
  ]);

export interface ReportOptions {
  taxonomy: Taxonomy;
  bucket: Bucket;
  periods: Period[];
  minCell: number;
  /** Where the records still held start (`store.retention.oldest()`): retention removes older ones. */
  oldest?: { audit: { at: string; pruned: boolean } | null; outcomes: string | null };
  /** The reader's words for titles, rows and notes; English when not given. */
  words?: Words;
}

/** A note for a table counted from records that start after the report does: the periods before count nothing. */
function startNote(words: Words, what: string, start: string | null | undefined, from: string, setting: string) {
  if (!start || start <= from) return undefined;
  return words.t('admin.insights.startNote', { what, day: words.time(start, 'date'), setting });
}

export function insightsReport(events: InsightEvents, o: ReportOptions): InsightsReport {
  const k = o.minCell;
  const words = o.words ?? wordsFor('en');
  const { t } = words;
  const changes = consentEvents(events.consents);
  const consentLabel = (key: string) => {
    const [purpose = '', category = ''] = key.split('|');
    const name = categoryName(o.taxonomy, category);
    const label = t('admin.insights.consentRow', { category: name, purpose: purposeName(o.taxonomy, purpose) });
    return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
  };
  const consentTables = (['granted', 'withdrawn', 'expired'] as const).map((change) =>
    table(
      {
        id: `consents.${change}`,
        title: t(`admin.insights.consents.${change}`),
        counts: t('admin.insights.counts.consents'),
        rows: [],
        label: consentLabel,
      },
      changes
        .filter((e) => e.change === change)
        .flatMap((e) => e.categories.map((c) => ({ row: `${e.purpose}|${c}`, customerId: e.customerId, at: e.at }))),
      o.periods,
      k,
    ),
  );
  const tables: [Spec, Counted[]][] = [
    [
      {
        id: 'opt_outs',
        title: t('admin.insights.optOuts'),
        counts: t('admin.insights.counts.signals'),
        rows: flagRows(words),
        note: t('admin.insights.flagsNote'),
      },
      events.flags.map((e) => ({ row: `${e.kind}:${e.byCustomer ? 'own' : 'relayed'}`, ...e })),
    ],
    [
      {
        id: 'requests',
        title: t('admin.insights.requests'),
        counts: t('admin.insights.counts.requests'),
        rows: [
          ['erasures', t('admin.insights.erasures')],
          ['erasures_in_time', t('admin.insights.erasuresInTime')],
        ],
        note: t('admin.insights.requestsNote'),
      },
      events.erasures.flatMap((e) => ['erasures', 'erasures_in_time'].map((row) => ({ row, ...e }))),
    ],
    [
      {
        id: 'model_calls',
        title: t('admin.insights.modelCalls'),
        counts: t('admin.insights.counts.calls'),
        rows: [['model_calls', t('admin.insights.modelCallRow')]],
        note: o.oldest?.audit?.pruned
          ? startNote(
              words,
              t('admin.insights.auditEntries'),
              o.oldest.audit.at,
              o.periods[0]!.start,
              'CANDOR_RETAIN_AUDIT_DAYS',
            )
          : undefined,
      },
      events.modelCalls.map((e) => ({ row: 'model_calls', ...e })),
    ],
    [
      {
        id: 'suggestions',
        title: t('admin.insights.suggestions'),
        counts: t('admin.insights.counts.suggestions'),
        rows: (['inserted', 'copied', 'edited', 'dismissed', 'rated_up', 'rated_down'] as const).map((row) => [
          row,
          t(`admin.insights.outcome.${row}`),
        ]),
        note: startNote(
          words,
          t('admin.insights.outcomeRecords'),
          o.oldest?.outcomes,
          o.periods[0]!.start,
          'CANDOR_RETAIN_OUTCOMES_DAYS',
        ),
      },
      events.outcomes.map((e) => ({
        row: e.action === 'rated' ? `rated_${e.rating}` : e.action,
        customerId: e.customerId,
        at: e.at,
      })),
    ],
  ];
  return {
    from: o.periods[0]!.start,
    until: o.periods.at(-1)!.end,
    bucket: o.bucket,
    minCell: k,
    periods: o.periods,
    tables: [...consentTables, ...tables.map(([spec, counted]) => table(spec, counted, o.periods, k))],
  };
}
