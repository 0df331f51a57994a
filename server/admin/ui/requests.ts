/**
 * `/admin/requests`: the register of privacy requests by due date (GET /api/v1/privacy-requests), each open one with
 * a way to refuse it with a reason (POST /api/v1/privacy-requests/:id/refusal), and a correction's flagged facts for
 * an admin to resolve (fact-flags.ts). In the page's language (words.ts); dates in the one format; customers by name.
 */
import { call } from './api.js';
import { signIn } from './sign-in.js';
import { el } from '../../../browser/dom.js';
import type { PrivacyRequest } from '../../protocol/requests.js';
import { flagsByRequest, flagsRow } from './fact-flags.js';
// A request without a ticket came from the portal, unless its customer was erased (and the ticket id with them).
import { ERASED_NAME } from '../../store/erased.js';
import { t, timeLeft, when, words } from './words.js';

type Listed = PrivacyRequest & { customerName: string };
const COLUMNS = 7;
const ADMIN_ONLY = t('admin.requests.adminOnly');
const REFUSED = t('admin.requests.refused');
/** The language the customer asked in, named in the page's own. */
const langName = (lang: string) => new Intl.DisplayNames([words.locale], { type: 'language' }).of(lang) ?? lang;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const line = byId('status-line');
const rows = byId('requests').querySelector('tbody')!;

function refusal(r: PrivacyRequest) {
  const reasonId = `reason-${r.id}`;
  const problem = el('p', { className: 'error', attrs: { role: 'alert', id: `${reasonId}-error` } });
  const form = el('form', { className: 'refuse', attrs: { novalidate: '' } }, [
    el('label', { text: t('admin.requests.reason'), attrs: { for: reasonId } }),
    el('input', { attrs: { id: reasonId, type: 'text', maxlength: '2000', 'aria-describedby': `${reasonId}-error` } }),
    el('button', { text: t('admin.requests.refuse'), attrs: { type: 'submit' } }),
    problem,
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const reason = (form.querySelector('input') as HTMLInputElement).value;
    void call('POST', `/privacy-requests/${encodeURIComponent(r.id)}/refusal`, { reason }).then(({ status, body }) => {
      if (status === 200) return void show();
      problem.textContent = (body.error?.message ?? t('admin.serverAnswered', { status })).replace(/^reason: /, '');
    });
  });
  const details = el('details', {}, [el('summary', { text: t('admin.requests.refuseOpen') }), form]);
  return details;
}

function rowOf(r: Listed) {
  const overdue = r.status === 'open' && r.dueAt < new Date().toISOString();
  return el('tr', { attrs: { 'data-request': r.id, 'data-status': r.status } }, [
    el('td', {}, [
      when(r.dueAt, 'date'),
      r.status === 'open' ? el('div', { className: overdue ? 'error' : 'muted', text: timeLeft(r.dueAt) }) : '',
    ]),
    el('td', {
      text: t('admin.requests.what', {
        kind: t(`admin.requests.kind.${r.kind}`),
        lang: langName(r.lang),
        asked: t(`admin.requests.asked.${r.kind}`),
      }),
    }),
    el('td', { text: when(r.receivedAt) }),
    el('td', {
      text: r.ticketId ?? t(r.customerName === ERASED_NAME ? 'admin.requests.ticketErased' : 'admin.requests.noTicket'),
    }),
    el('td', { text: r.customerName, attrs: { title: r.customerId } }),
    el('td', {
      text: r.closedAt
        ? t('admin.requests.closedOn', { state: t(`admin.requests.state.${r.status}`), at: when(r.closedAt, 'date') })
        : t(`admin.requests.state.${r.status}`),
    }),
    el('td', {}, [r.status === 'open' ? refusal(r) : (r.outcome ?? '')]),
  ]);
}

async function show() {
  line.textContent = t('admin.loading');
  const q = new URLSearchParams();
  const status = byId<HTMLSelectElement>('status').value;
  if (status) q.set('status', status);
  if (byId<HTMLInputElement>('overdue').checked) q.set('overdue', 'true');
  const { status: code, body } = await call<{ requests: Listed[] }>('GET', `/privacy-requests?${q}`);
  if (code !== 200) {
    line.textContent = code === 403 ? REFUSED : (body.error?.message ?? t('admin.serverAnswered', { status: code }));
    return void rows.replaceChildren();
  }
  const open = body.requests.filter((r) => r.status === 'open').length;
  line.textContent = body.requests.length
    ? t('admin.requests.count', { n: body.requests.length, open })
    : t('admin.requests.none');
  const flags = body.requests.some((r) => r.kind === 'rectification') ? await flagsByRequest() : new Map();
  rows.replaceChildren(
    ...body.requests.flatMap((r) => {
      if (r.kind !== 'rectification') return [rowOf(r)];
      const mine = flags?.get(r.id);
      if (!flags)
        return [
          rowOf(r),
          el('tr', {}, [el('td', { className: 'muted', text: ADMIN_ONLY, attrs: { colspan: `${COLUMNS}` } })]),
        ];
      return mine?.length ? [rowOf(r), flagsRow(mine, COLUMNS, () => void show())] : [rowOf(r)];
    }),
  );
}

byId('filters').addEventListener('submit', (e) => {
  e.preventDefault();
  void show();
});

signIn(REFUSED, () => {
  byId('workspace').hidden = false;
  void show();
}, ['agent']);
