/**
 * The breach report as the privacy officer reads it: the deadline in words, the customers with what the compromised
 * access was given of their facts (categories in words, counts, first and last time), and the draft notices. Every
 * value becomes text; times through the one formatting module, in the officer's time zone.
 */
import { el } from '../../../browser/dom.js';
import { formatTime } from '../../format/time.js';
import { countOf } from '../../format/words.js';
import type { BreachCategory, BreachCustomer, BreachReport } from '../../protocol/breach.js';

const at = (t: string) => formatTime(t);
const times = (n: number) => countOf(n, { one: 'time', other: 'times' });
const given = (x: BreachCustomer | BreachCategory) =>
  `${countOf(x.facts, { one: 'fact', other: 'facts' })}, shown ${times(x.shown)}, ` +
  `sent to a model ${times(x.sentToModel)}`;

export function summaryOf(r: BreachReport): Node[] {
  const { subject } = r;
  const who = [subject.name, subject.revokedAt ? `revoked ${at(subject.revokedAt)}` : ''].filter(Boolean).join(', ');
  return [
    el('p', { text: `Access: ${subject.actor}${who ? ` (${who})` : ''}.` }),
    el('p', { text: `Window searched: ${at(r.window.from)} to ${at(r.window.until)}.` }),
    ...(r.logStartsAt
      ? [
          el('p', {
            text:
              `The audit log starts at ${at(r.logStartsAt)}: older entries were removed by retention, ` +
              'so nothing before then is counted.',
          }),
        ]
      : []),
    el('p', { className: 'due' }, [
      el('strong', { text: `Notify the supervisory authority by ${at(r.deadline)}` }),
      ` (${r.timeLeft}): 72 hours from this report, made ${at(r.detectedAt)}.`,
    ]),
    el('p', { className: 'small muted', text: `Recorded in the audit log as entry ${r.auditSeq}.` }),
  ];
}

const cell = (label: string, children: (Node | string)[]) => el('td', { attrs: { 'data-label': label } }, children);

function rowOf(c: BreachCustomer): HTMLTableRowElement {
  const who = c.erased
    ? [el('strong', { text: 'Erased customer' }), ` (${c.customerId}): counts only, nothing else is held`]
    : [el('strong', { text: c.displayName ?? '' }), ` (${c.customerId})`];
  const what = c.erased
    ? [given(c)]
    : [
        el(
          'ul',
          {},
          c.categories.map((k) => el('li', { text: `${k.categoryName}: ${given(k)}` })),
        ),
      ];
  return el('tr', {}, [
    cell('Customer', who),
    cell('What it was given', what),
    cell('First', [at(c.first)]),
    cell('Last', [at(c.last)]),
  ]);
}

export function customerTable(customers: readonly BreachCustomer[]): Node[] {
  if (!customers.length) return [];
  const head = el(
    'tr',
    {},
    ['Customer', 'What it was given', 'First', 'Last'].map((h) => el('th', { text: h })),
  );
  return [el('thead', {}, [head]), el('tbody', {}, customers.map(rowOf))];
}

/** Each draft in a read-only text box, so the officer can select and copy it; Candor sends none. */
export function noticeViews(r: BreachReport): Node[] {
  return r.notices.map((n, i) => {
    const c = r.customers.find((x) => x.customerId === n.customerId);
    const id = `notice-${i}`;
    return el('div', { className: 'notice' }, [
      el('label', { text: `To ${c?.displayName ?? n.customerId} (${n.customerId})`, attrs: { for: id } }),
      el('textarea', { text: n.text, attrs: { id, readonly: '', rows: '12' } }),
    ]);
  });
}
