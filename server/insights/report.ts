/**
 * The insights report: the store's events counted per row and period, each cell knowing how many distinct
 * customers it came from, then suppressed (suppress.ts). Names are words from the taxonomy; no id leaves here.
 */
import { categoryName, purposeName, type Taxonomy } from '../taxonomy/taxonomy.js';
import type { Bucket, InsightsReport, InsightsTable, Period } from '../protocol/insights.js';
import type { InsightEvents } from '../store/types.js';
import { consentEvents, type ConsentChange } from './consents.js';
import { periodIndex } from './periods.js';
import { suppressRow, type Tally } from './suppress.js';
import { formatDay } from '../dates.js';

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

const CONSENT_TITLES: Record<ConsentChange, string> = {
  granted: 'Consents granted',
  withdrawn: 'Consents withdrawn',
  expired: 'Consents expired',
};

const FLAG_ROWS: [string, string][] = (
  [
    ['opted_out', 'Opted out of personalised support'],
    ['opted_in', 'Opted back in'],
    ['gpc', 'Global Privacy Control signal recorded'],
  ] as const
).flatMap(([kind, label]) => [
  [`${kind}:own`, `${label}, by the customer (privacy portal, pause link, browser)`],
  [`${kind}:relayed`, `${label}, relayed for the customer (agent, helpdesk)`],
]);

const FLAGS_NOTE =
  'Changes customers made themselves are the rows “by the customer”. A count of all their own changes, consents ' +
  'included, is left out: it would add up cells of these tables, and a sum across rows gives a hidden cell away.';

const REQUESTS_NOTE =
  'An erasure is carried out in the request that asks for it, so Candor keeps one time for both, and every ' +
  'erasure counted met GDPR’s one month. Exports (“download my data”) are served at once and not recorded, so ' +
  'they are not counted.';

export interface ReportOptions {
  taxonomy: Taxonomy;
  bucket: Bucket;
  periods: Period[];
  minCell: number;
  /** Where the records still held start (`store.retention.oldest()`): retention removes older ones. */
  oldest?: { audit: { at: string; pruned: boolean } | null; outcomes: string | null };
}

/** A note for a table counted from records that start after the report does: the periods before count nothing. */
function startNote(what: string, start: string | null | undefined, from: string, setting: string): string | undefined {
  if (!start || start <= from) return undefined;
  return (
    `${what} on record start on ${formatDay(start)}; retention removes those older than ${setting}, so the ` +
    'periods before it count only what is left.'
  );
}

export function insightsReport(events: InsightEvents, o: ReportOptions): InsightsReport {
  const k = o.minCell;
  const changes = consentEvents(events.consents);
  const consentLabel = (key: string) => {
    const [purpose = '', category = ''] = key.split('|');
    const name = categoryName(o.taxonomy, category);
    return `${name.charAt(0).toUpperCase()}${name.slice(1)}, for ${purposeName(o.taxonomy, purpose)}`;
  };
  const consentTables = (['granted', 'withdrawn', 'expired'] as const).map((change) =>
    table(
      { id: `consents.${change}`, title: CONSENT_TITLES[change], counts: 'consents', rows: [], label: consentLabel },
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
        title: 'Opt-outs and Global Privacy Control',
        counts: 'signals',
        rows: FLAG_ROWS,
        note: FLAGS_NOTE,
      },
      events.flags.map((e) => ({ row: `${e.kind}:${e.byCustomer ? 'own' : 'relayed'}`, ...e })),
    ],
    [
      {
        id: 'requests',
        title: 'Privacy requests',
        counts: 'requests',
        rows: [
          ['erasures', 'Erasures of all of a customer’s data'],
          ['erasures_in_time', 'Erasures done within one month of the request'],
        ],
        note: REQUESTS_NOTE,
      },
      events.erasures.flatMap((e) => ['erasures', 'erasures_in_time'].map((row) => ({ row, ...e }))),
    ],
    [
      {
        id: 'model_calls',
        title: 'Model calls',
        counts: 'calls',
        rows: [['model_calls', 'Suggestions asked of a model']],
        note: o.oldest?.audit?.pruned
          ? startNote('Audit entries', o.oldest.audit.at, o.periods[0]!.start, 'CANDOR_RETAIN_AUDIT_DAYS')
          : undefined,
      },
      events.modelCalls.map((e) => ({ row: 'model_calls', ...e })),
    ],
    [
      {
        id: 'suggestions',
        title: 'What agents did with suggestions',
        counts: 'suggestions',
        rows: [
          ['inserted', 'Inserted'],
          ['copied', 'Copied'],
          ['edited', 'Edited, then inserted'],
          ['dismissed', 'Dismissed'],
          ['rated_up', 'Rated good'],
          ['rated_down', 'Rated not good'],
        ],
        note: startNote('Suggestion outcomes', o.oldest?.outcomes, o.periods[0]!.start, 'CANDOR_RETAIN_OUTCOMES_DAYS'),
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
