/**
 * `/admin/requests`: the register of privacy requests by due date (GET /api/v1/privacy-requests), each open one with
 * a way to refuse it with a reason (POST /api/v1/privacy-requests/:id/refusal), and a correction's flagged facts for
 * an admin to resolve (fact-flags.ts). Dates in the one format; customers by name.
 */
import { call } from './api.js';
import { signIn } from './sign-in.js';
import { el } from '../../../browser/dom.js';
import { formatTime } from '../../format/time.js';
import { timeLeft } from '../../format/deadline.js';
import { KIND_WORDS, LANG_WORDS, STATUS_WORDS } from '../../format/requests.js';
import type { PrivacyRequest } from '../../protocol/requests.js';
import { flagsByRequest, flagsRow } from './fact-flags.js';
// A request without a ticket came from the portal, unless its customer was erased (and the ticket id with them).
import { ERASED_NAME } from '../../store/erased.js';

type Listed = PrivacyRequest & { customerName: string };
const COLUMNS = 7;
const ADMIN_ONLY = "Only an admin may see and resolve the facts the customer flagged: their values are the admin's.";

const REFUSED = 'This page is for team leads, admins and the privacy officer: an agent token cannot open it.';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const line = byId('status-line');
const rows = byId('requests').querySelector('tbody')!;

function refusal(r: PrivacyRequest) {
  const reasonId = `reason-${r.id}`;
  const problem = el('p', { className: 'error', attrs: { role: 'alert', id: `${reasonId}-error` } });
  const form = el('form', { className: 'refuse', attrs: { novalidate: '' } }, [
    el('label', { text: 'Reason told to the customer', attrs: { for: reasonId } }),
    el('input', { attrs: { id: reasonId, type: 'text', maxlength: '2000', 'aria-describedby': `${reasonId}-error` } }),
    el('button', { text: 'Refuse', attrs: { type: 'submit' } }),
    problem,
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const reason = (form.querySelector('input') as HTMLInputElement).value;
    void call('POST', `/privacy-requests/${encodeURIComponent(r.id)}/refusal`, { reason }).then(({ status, body }) => {
      if (status === 200) return void show();
      problem.textContent = (body.error?.message ?? `The server answered ${status}.`).replace(/^reason: /, '');
    });
  });
  const details = el('details', {}, [el('summary', { text: 'Refuse…' }), form]);
  return details;
}

function rowOf(r: Listed) {
  const overdue = r.status === 'open' && r.dueAt < new Date().toISOString();
  return el('tr', { attrs: { 'data-request': r.id, 'data-status': r.status } }, [
    el('td', {}, [
      formatTime(r.dueAt, 'date'),
      r.status === 'open' ? el('div', { className: overdue ? 'error' : 'muted', text: timeLeft(r.dueAt) }) : '',
    ]),
    el('td', { text: `${KIND_WORDS[r.kind].name} (${LANG_WORDS[r.lang]}): the customer ${KIND_WORDS[r.kind].asked}` }),
    el('td', { text: formatTime(r.receivedAt, 'dateTime') }),
    el('td', {
      text: r.ticketId ?? (r.customerName === ERASED_NAME ? 'erased with the customer' : 'none: asked in the portal'),
    }),
    el('td', { text: r.customerName, attrs: { title: r.customerId } }),
    el('td', { text: STATUS_WORDS[r.status] + (r.closedAt ? ` on ${formatTime(r.closedAt, 'date')}` : '') }),
    el('td', {}, [r.status === 'open' ? refusal(r) : (r.outcome ?? '')]),
  ]);
}

async function show() {
  line.textContent = 'Loading…';
  const q = new URLSearchParams();
  const status = byId<HTMLSelectElement>('status').value;
  if (status) q.set('status', status);
  if (byId<HTMLInputElement>('overdue').checked) q.set('overdue', 'true');
  const { status: code, body } = await call<{ requests: Listed[] }>('GET', `/privacy-requests?${q}`);
  if (code !== 200) {
    line.textContent = code === 403 ? REFUSED : (body.error?.message ?? `The server answered ${code}.`);
    return void rows.replaceChildren();
  }
  const open = body.requests.filter((r) => r.status === 'open').length;
  line.textContent = body.requests.length
    ? `${body.requests.length} request${body.requests.length === 1 ? '' : 's'}, ${open} open.`
    : 'No privacy requests match.';
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
