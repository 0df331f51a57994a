/**
 * `/admin/audit`: the audit log for team leads and admins. Filter it by customer, actor, kind and
 * time (the address keeps the filters, so a view can be linked); read what each entry records,
 * down to the consents a view relied on; check that the hash chain is intact.
 */
import { call, type AuditEntryView, type VerifyResult } from './api.js';
import { AUDIT_KINDS } from '../../audit/kinds.js';
import { entryTable, kindName } from './audit-views.js';
import { fill, queryOf } from './audit-filters.js';
import { signIn } from './sign-in.js';
import { el } from '../../../browser/dom.js';
import { t, when } from './words.js';

const AGENT_REFUSED = t('admin.audit.refused');
/** How many entries the API returns when the query sets no limit. */
const DEFAULT_LIMIT = 200;

const form = document.getElementById('filters') as HTMLFormElement;
const listStatus = document.getElementById('entries-status')!;
const table = document.getElementById('entries')!;
const verdict = document.getElementById('verify-result')!;

/** A slower answer to an earlier query must not replace the answer to the latest one. */
let latest = 0;

async function show(query: URLSearchParams) {
  const asked = ++latest;
  listStatus.textContent = t('admin.audit.loading');
  const { status, body } = await call<{
    entries: AuditEntryView[];
    names?: Record<string, string>;
    startsAt?: string | null;
  }>('GET', `/audit?${query}`);
  if (asked !== latest) return;
  if (status !== 200) {
    listStatus.textContent =
      status === 403 ? AGENT_REFUSED : (body.error?.message ?? t('admin.serverAnswered', { status }));
    return void table.replaceChildren();
  }
  const n = body.entries.length;
  listStatus.textContent = [
    t('admin.audit.count', { n }),
    n === Number(query.get('limit') ?? DEFAULT_LIMIT) ? t('admin.audit.full') : '',
    body.startsAt ? t('admin.audit.starts', { at: when(body.startsAt) }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  table.replaceChildren(...entryTable(body.entries, body.names));
}

async function verify() {
  verdict.className = '';
  verdict.textContent = t('admin.audit.checking');
  const { status, body } = await call<VerifyResult>('GET', '/audit/verify');
  if (status !== 200) {
    verdict.textContent = body.error?.message ?? t('admin.serverAnswered', { status });
    return;
  }
  verdict.className = body.ok ? 'passed' : 'blocked';
  verdict.textContent = body.ok
    ? t('admin.audit.intact', { n: body.entries, head: body.head.slice(0, 12) }) +
      (body.pruned
        ? ` ${t('admin.audit.pruned', {
            first: body.pruned.firstSeq,
            at: when(body.pruned.throughAt),
            checkpoint: body.pruned.checkpointSeq,
          })}`
        : '')
    : t('admin.audit.broken', { seq: body.seq, problem: body.problem });
}

/** Shows the filters the address holds: on arrival, and on the browser's back and forward. */
function showAddress() {
  fill(form, new URLSearchParams(location.search));
  void show(queryOf(form));
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const query = queryOf(form);
  history.pushState(null, '', query.size ? `?${query}` : location.pathname);
  void show(query);
});
document.getElementById('clear')!.addEventListener('click', () => {
  fill(form, new URLSearchParams());
  form.requestSubmit();
});
document.getElementById('verify')!.addEventListener('click', () => void verify());
addEventListener('popstate', showAddress);

signIn(AGENT_REFUSED, () => {
  document
    .getElementById('kind')!
    .append(...AUDIT_KINDS.map((k) => el('option', { text: kindName(k), attrs: { value: k } })));
  document.getElementById('workspace')!.hidden = false;
  showAddress();
});
