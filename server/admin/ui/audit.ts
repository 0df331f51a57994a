/**
 * `/admin/audit`: the audit log for team leads and admins. Filter it by customer, actor, kind and
 * time (the address keeps the filters, so a view can be linked); read what each entry records,
 * down to the consents a view relied on; check that the hash chain is intact.
 */
import { call, type AuditEntryView, type VerifyResult } from './api.js';
import { AUDIT_KINDS } from '../../audit/kinds.js';
import { entryTable } from './audit-views.js';
import { fill, queryOf } from './audit-filters.js';
import { signIn } from './sign-in.js';
import { formatTime } from '../../format/time.js';
import { el } from '../../../browser/dom.js';

const AGENT_REFUSED = 'This page is for team leads and admins: an agent token cannot open the audit log.';
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
  listStatus.textContent = 'Loading entries…';
  const { status, body } = await call<{
    entries: AuditEntryView[];
    names?: Record<string, string>;
    startsAt?: string | null;
  }>('GET', `/audit?${query}`);
  if (asked !== latest) return;
  if (status !== 200) {
    listStatus.textContent = status === 403 ? AGENT_REFUSED : (body.error?.message ?? `The server answered ${status}.`);
    return void table.replaceChildren();
  }
  const n = body.entries.length;
  const full =
    n === Number(query.get('limit') ?? DEFAULT_LIMIT)
      ? ' That is the limit: narrow the filters or raise it to see older ones.'
      : '';
  const start = body.startsAt
    ? ` The log starts at ${formatTime(body.startsAt)}: older entries were removed by retention.`
    : '';
  listStatus.textContent = `${n} ${n === 1 ? 'entry' : 'entries'}, newest first.${full}${start}`;
  table.replaceChildren(...entryTable(body.entries, body.names));
}

async function verify() {
  verdict.className = '';
  verdict.textContent = 'Checking every entry against the one before it…';
  const { status, body } = await call<VerifyResult>('GET', '/audit/verify');
  if (status !== 200) {
    verdict.textContent = body.error?.message ?? `The server answered ${status}.`;
    return;
  }
  verdict.className = body.ok ? 'passed' : 'blocked';
  verdict.textContent = body.ok
    ? `The chain is intact: ${body.entries} entries, head ${body.head.slice(0, 12)}…` +
      (body.pruned
        ? ` It starts at entry ${body.pruned.firstSeq}: the entries up to ${formatTime(body.pruned.throughAt)} were ` +
          `removed by retention, and checkpoint entry ${body.pruned.checkpointSeq} records the hash they ended at.`
        : '')
    : `Broken at entry ${body.seq}: ${body.problem}.`;
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
  document.getElementById('kind')!.append(...AUDIT_KINDS.map((k) => el('option', { text: k, attrs: { value: k } })));
  document.getElementById('workspace')!.hidden = false;
  showAddress();
});
