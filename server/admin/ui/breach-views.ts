/**
 * The breach report as the privacy officer reads it: the deadline in words, the customers with what the compromised
 * access was given of their facts (categories in words, counts, first and last time), and the draft notices. Every
 * value becomes text; times through the one formatting module, in the officer's time zone.
 */
import { el } from '../../../browser/dom.js';
import type { BreachCategory, BreachCustomer, BreachReport } from '../../protocol/breach.js';
import { t, timeLeft, when as at } from './words.js';

const given = (x: BreachCustomer | BreachCategory) =>
  [
    t('admin.breach.facts', { n: x.facts }),
    t('admin.breach.shown', { n: x.shown }),
    t('admin.breach.sent', { n: x.sentToModel }),
  ].join(', ');

export function summaryOf(r: BreachReport): Node[] {
  const { subject } = r;
  const who = [subject.name, subject.revokedAt ? t('admin.breach.revoked', { at: at(subject.revokedAt) }) : '']
    .filter(Boolean)
    .join(', ');
  return [
    el('p', {
      text: who
        ? t('admin.breach.accessWho', { actor: subject.actor, who })
        : t('admin.breach.access', { actor: subject.actor }),
    }),
    el('p', { text: t('admin.breach.window', { from: at(r.window.from), until: at(r.window.until) }) }),
    ...(r.logStartsAt ? [el('p', { text: t('admin.breach.logStarts', { at: at(r.logStartsAt) }) })] : []),
    el('p', { className: 'due' }, [
      el('strong', { text: t('admin.breach.notifyBy', { at: at(r.deadline) }) }),
      ` ${t('admin.breach.deadline', { left: timeLeft(r.deadline, r.detectedAt), at: at(r.detectedAt) })}`,
    ]),
    el('p', { className: 'small muted', text: t('admin.breach.recorded', { seq: r.auditSeq }) }),
  ];
}

const HEADINGS = [
  t('admin.breach.customer'),
  t('admin.breach.given'),
  t('admin.breach.first'),
  t('admin.breach.last'),
] as const;

const cell = (label: string, children: (Node | string)[]) => el('td', { attrs: { 'data-label': label } }, children);

function rowOf(c: BreachCustomer): HTMLTableRowElement {
  const who = c.erased
    ? [
        el('strong', { text: t('admin.breach.erasedCustomer') }),
        ` ${t('admin.breach.countsOnly', { id: c.customerId })}`,
      ]
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
    cell(HEADINGS[0], who),
    cell(HEADINGS[1], what),
    cell(HEADINGS[2], [at(c.first)]),
    cell(HEADINGS[3], [at(c.last)]),
  ]);
}

export function customerTable(customers: readonly BreachCustomer[]): Node[] {
  if (!customers.length) return [];
  const head = el(
    'tr',
    {},
    HEADINGS.map((h) => el('th', { text: h })),
  );
  return [el('thead', {}, [head]), el('tbody', {}, customers.map(rowOf))];
}

/** Each draft in a read-only text box, so the officer can select and copy it; Candor sends none. */
export function noticeViews(r: BreachReport): Node[] {
  return r.notices.map((n, i) => {
    const c = r.customers.find((x) => x.customerId === n.customerId);
    const id = `notice-${i}`;
    return el('div', { className: 'notice' }, [
      el('label', {
        text: t('admin.breach.to', { name: c?.displayName ?? n.customerId, id: n.customerId }),
        attrs: { for: id },
      }),
      el('textarea', { text: n.text, attrs: { id, readonly: '', rows: '12' } }),
    ]);
  });
}
