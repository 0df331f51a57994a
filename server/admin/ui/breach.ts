/**
 * `/admin/breach`: the privacy officer's breach report. Name the compromised token (or the actor as the audit log
 * records it) and the window; the server answers which customers' facts it was shown or sent to a model, the 72-hour
 * deadline, and a draft notice per customer (POST /api/v1/breach-reports).
 */
import { call } from './api.js';
import { signIn } from './sign-in.js';
import { customerTable, noticeViews, summaryOf } from './breach-views.js';
import type { BreachReport } from '../../protocol/breach.js';
import { t } from './words.js';

const REFUSED = t('admin.breach.refused');
/** The form's names for the body's fields, for the server's errors. */
const LABELS: Record<string, string> = {
  tokenId: t('admin.breach.tokenId'),
  actor: t('admin.breach.actorField'),
  from: t('admin.breach.fromField'),
  until: t('admin.breach.untilField'),
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('ask');
const problem = byId('ask-error');

/** A `datetime-local` value (the officer's time) as ISO UTC; "until" runs to the end of its minute, never past now. */
function iso(local: string, end = false): string {
  const t = new Date(local).getTime();
  return new Date(end ? Math.min(t + 59_999, Date.now()) : t).toISOString();
}

function bodyOf(): Record<string, string> {
  const v = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
  return Object.fromEntries(
    Object.entries({
      tokenId: v('tokenId'),
      actor: v('actor'),
      from: v('from') && iso(v('from')),
      until: v('until') && iso(v('until'), true),
    }).filter(([, x]) => x),
  );
}

function show(r: BreachReport) {
  byId('summary').replaceChildren(...summaryOf(r));
  const erased = r.customers.filter((c) => c.erased).length;
  byId('customers-status').textContent = r.customers.length
    ? t(erased ? 'admin.breach.customersErased' : 'admin.breach.customers', { n: r.customers.length, erased })
    : t('admin.breach.noCustomers');
  byId('customers').replaceChildren(...customerTable(r.customers));
  byId('notices-status').textContent = r.noticeTemplate
    ? [t('admin.breach.drafts', { n: r.notices.length }), erased ? t('admin.breach.erasedNoNotice') : '']
        .filter(Boolean)
        .join(' ')
    : t('admin.breach.noTemplate');
  byId('notices').replaceChildren(...noticeViews(r));
  byId('report').hidden = false;
  byId('report-title').focus();
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  problem.textContent = '';
  void (async () => {
    const { status, body } = await call<BreachReport>('POST', '/breach-reports', bodyOf());
    if (status === 200) return show(body);
    const field = String(body.error?.path?.[0] ?? '');
    const message = body.error?.message ?? t('admin.serverAnswered', { status });
    problem.textContent =
      status === 403 ? REFUSED : LABELS[field] ? `${LABELS[field]}: ${message.replace(/^\w+: /, '')}` : message;
    (LABELS[field] ? byId(field) : form.querySelector('input'))?.focus();
  })();
});

signIn(REFUSED, () => {
  byId('workspace').hidden = false;
}, ['agent', 'lead']);
