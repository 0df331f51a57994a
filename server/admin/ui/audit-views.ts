/**
 * The audit table: one row an entry, its payload summarised for a reader. A view or a suggestion
 * says which consents it relied on; other kinds read as key: value. Text only ever as text nodes.
 */
import { el } from '../../../browser/dom.js';
import type { AuditEntryView } from './api.js';
import { when } from './views.js';
import { countOf, REASON_WORDS } from '../../format/words.js';
import type { WithheldReason } from '../../protocol/domain.js';

/** Words for the category and purpose keys in the entries' payloads (GET /audit's `names`). */
export type Names = Readonly<Record<string, string>>;

type Pair = [label: string, value: string];

const HEADINGS = ['Seq', 'Time', 'Kind', 'Actor', 'Customer', 'What it records'];

// Payloads are whatever each kind wrote, so each field is read with care.
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
const ids = (v: unknown) => list(v).join(', ') || 'none';

function brief(v: unknown, names: Names = {}): string {
  const word = (x: unknown) => (typeof x === 'string' ? (names[x] ?? x) : String(x));
  const text =
    v === null || v === undefined
      ? '—'
      : Array.isArray(v)
        ? v.some((x) => typeof x === 'object' && x !== null)
          ? countOf(v.length, { one: 'item', other: 'items' })
          : v.map(word).join(', ')
        : typeof v === 'object'
          ? JSON.stringify(v, (_k, x) => (typeof x === 'string' ? (names[x] ?? x) : x))
          : word(v);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

const withheld = (v: unknown, names: Names): Pair[] =>
  records(v).map((w) => [
    'Withheld',
    `${countOf(Number(w.count), { one: 'fact', other: 'facts' })}: ${names[String(w.category)] ?? w.category}, ` +
      `${REASON_WORDS[w.reason as WithheldReason] ?? w.reason}`,
  ]);

function contextViewed(p: Record<string, unknown>, ticketId: string | null, names: Names): Pair[] {
  return [
    ['Ticket', brief(ticketId)],
    ['Relied on consents', ids(p.consentIds)],
    ['Facts shown', ids(p.shownFactIds)],
    ...withheld(p.withheld, names),
    ...(Number(p.omitted) > 0 ? [['Left out (over the cap)', String(p.omitted)] as Pair] : []),
  ];
}

function suggestionsShown(p: Record<string, unknown>, ticketId: string | null): Pair[] {
  const shown = records(p.suggestions).map((s, i): Pair => {
    const template = s.template as { id?: string; version?: number } | undefined;
    const call = s.modelCall ? ` · model call ${s.modelCall}` : '';
    return [
      `Suggestion ${i + 1}`,
      `${template?.id ?? '?'} v${template?.version ?? '?'}: facts ${ids(s.factIds)} · ` +
        `relied on consents ${ids(s.consentIds)}${call}`,
    ];
  });
  const dropped = records(p.dropped).map(
    (d): Pair => ['Dropped by the guard', `${d.template} (${list(d.codes).join(', ')})`],
  );
  return [
    ['Ticket', brief(ticketId)],
    ['Engine', brief(p.engine)],
    ...shown,
    ...dropped,
    ...(p.note ? [['Note', brief(p.note)] as Pair] : []),
  ];
}

function summary(e: AuditEntryView, names: Names): Pair[] {
  if (e.kind === 'context.viewed') return contextViewed(e.payload, e.ticketId, names);
  if (e.kind === 'suggestions.shown') return suggestionsShown(e.payload, e.ticketId);
  return Object.entries(e.payload).map(([k, v]) => [k, brief(v, names)]);
}

function details(e: AuditEntryView, names: Names): (Node | null)[] {
  return [
    e.sealedErasedAt ? el('p', { className: 'erased', text: `values erased on ${when(e.sealedErasedAt)}` }) : null,
    el(
      'dl',
      { className: 'pairs' },
      summary(e, names).flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]),
    ),
    el('details', {}, [
      el('summary', { text: 'Full payload' }),
      el('pre', { className: 'payload', text: JSON.stringify(e.payload, null, 2) }),
    ]),
  ];
}

function row(e: AuditEntryView, names: Names): HTMLElement {
  const time = el('time', { text: when(e.at), attrs: { datetime: e.at, title: e.at } });
  const actor = el('span', { text: e.actorName, attrs: { title: e.actor } });
  const cells: (string | Node)[] = [String(e.seq), time, e.kind, actor, e.customerId ?? '—'];
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
    : [
        el('tr', {}, [
          el('td', { text: 'No entry matches these filters.', attrs: { colspan: String(HEADINGS.length) } }),
        ]),
      ];
  return [head, el('tbody', {}, body)];
}
