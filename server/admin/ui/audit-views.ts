/**
 * The audit table: one row an entry, its payload summarised for a reader. A view or a suggestion
 * says which consents it relied on; other kinds read as key: value. Text only ever as text nodes.
 */
import { el } from '../../../browser/dom.js';
import type { AuditEntryView } from './api.js';
import { t, when } from './words.js';
import type { AuditKind } from '../../audit/kinds.js';
import type { Key } from '../../i18n/catalogue.js';
import { isKey } from '../../i18n/translate.js';

/** Words for the category and purpose keys in the entries' payloads (GET /audit's `names`). */
export type Names = Readonly<Record<string, string>>;

type Pair = [label: string, value: string];

const HEADINGS = [
  t('admin.audit.seq'),
  t('admin.audit.time'),
  t('admin.audit.kind'),
  t('admin.audit.actorColumn'),
  t('admin.audit.customer'),
  t('admin.audit.records'),
];

/**
 * A kind as a reader says it (every kind has a name, or this does not compile); its key stays the row's `data-kind`
 * and the filter's value. A kind newer than this page reads as its key.
 */
export function kindName(kind: AuditKind): string {
  const key: Key = `admin.kind.${kind}`;
  return isKey(key) ? t(key) : kind;
}
/** Why facts were withheld, in words; a reason this page does not know, as the entry wrote it. */
function reasonName(reason: unknown): string {
  const key = `admin.reason.${String(reason)}`;
  return isKey(key) ? t(key) : String(reason);
}

// Payloads are whatever each kind wrote, so each field is read with care.
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
const ids = (v: unknown) => list(v).join(', ') || t('admin.audit.none');

function brief(v: unknown, names: Names = {}): string {
  const word = (x: unknown) => (typeof x === 'string' ? (names[x] ?? x) : String(x));
  const text =
    v === null || v === undefined
      ? '—'
      : Array.isArray(v)
        ? v.some((x) => typeof x === 'object' && x !== null)
          ? t('admin.audit.items', { n: v.length })
          : v.map(word).join(', ')
        : typeof v === 'object'
          ? JSON.stringify(v, (_k, x) => (typeof x === 'string' ? (names[x] ?? x) : x))
          : word(v);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

const withheld = (v: unknown, names: Names): Pair[] =>
  records(v).map((w) => [
    t('admin.audit.withheld'),
    t('admin.audit.withheldFacts', {
      n: Number(w.count),
      category: names[String(w.category)] ?? String(w.category),
      reason: reasonName(w.reason),
    }),
  ]);

function contextViewed(p: Record<string, unknown>, ticketId: string | null, names: Names): Pair[] {
  return [
    [t('admin.audit.ticket'), brief(ticketId)],
    [t('admin.audit.reliedOn'), ids(p.consentIds)],
    [t('admin.audit.factsShown'), ids(p.shownFactIds)],
    ...withheld(p.withheld, names),
    ...(Number(p.omitted) > 0 ? [[t('admin.audit.omitted'), String(p.omitted)] as Pair] : []),
  ];
}

function suggestionsShown(p: Record<string, unknown>, ticketId: string | null): Pair[] {
  const shown = records(p.suggestions).map((s, i): Pair => {
    const template = s.template as { id?: string; version?: number } | undefined;
    const what = t('admin.audit.suggestionWhat', {
      template: template?.id ?? '?',
      version: template?.version ?? '?',
      facts: ids(s.factIds),
      consents: ids(s.consentIds),
    });
    return [
      t('admin.audit.suggestion', { n: i + 1 }),
      s.modelCall ? t('admin.audit.withModelCall', { what, call: String(s.modelCall) }) : what,
    ];
  });
  const dropped = records(p.dropped).map(
    (d): Pair => [t('admin.audit.dropped'), `${d.template} (${list(d.codes).join(', ')})`],
  );
  return [
    [t('admin.audit.ticket'), brief(ticketId)],
    [t('admin.audit.engine'), brief(p.engine)],
    ...shown,
    ...dropped,
    ...(p.note ? [[t('admin.audit.note'), brief(p.note)] as Pair] : []),
  ];
}

function summary(e: AuditEntryView, names: Names): Pair[] {
  if (e.kind === 'context.viewed') return contextViewed(e.payload, e.ticketId, names);
  if (e.kind === 'suggestions.shown') return suggestionsShown(e.payload, e.ticketId);
  return Object.entries(e.payload).map(([k, v]) => [k, brief(v, names)]);
}

function details(e: AuditEntryView, names: Names): (Node | null)[] {
  return [
    e.sealedErasedAt
      ? el('p', { className: 'erased', text: t('admin.audit.erased', { at: when(e.sealedErasedAt) }) })
      : null,
    el(
      'dl',
      { className: 'pairs' },
      summary(e, names).flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]),
    ),
    el('details', {}, [
      el('summary', { text: t('admin.audit.payload') }),
      el('pre', { className: 'payload', text: JSON.stringify(e.payload, null, 2) }),
    ]),
  ];
}

function row(e: AuditEntryView, names: Names): HTMLElement {
  const time = el('time', { text: when(e.at), attrs: { datetime: e.at, title: e.at } });
  const actor = el('span', { text: e.actorName, attrs: { title: e.actor } });
  const cells: (string | Node)[] = [String(e.seq), time, kindName(e.kind), actor, e.customerId ?? '—'];
  return el('tr', { attrs: { 'data-seq': String(e.seq), 'data-kind': e.kind } }, [
    ...cells.map((c, i) => el('td', { attrs: { 'data-label': HEADINGS[i]! } }, [c])),
    el('td', { attrs: { 'data-label': HEADINGS[5]! } }, details(e, names)),
  ]);
}

export function entryTable(entries: AuditEntryView[], names: Names = {}): HTMLElement[] {
  const head = el('thead', {}, [
    el(
      'tr',
      {},
      HEADINGS.map((h) => el('th', { text: h, attrs: { scope: 'col' } })),
    ),
  ]);
  const body = entries.length
    ? entries.map((e) => row(e, names))
    : [el('tr', {}, [el('td', { text: t('admin.audit.noMatch'), attrs: { colspan: String(HEADINGS.length) } })])];
  return [head, el('tbody', {}, body)];
}
