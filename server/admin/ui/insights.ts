/**
 * `/admin/insights`: aggregated figures per week or month, with the server's suppression shown as words ("fewer
 * than 5"), never as a number; and the same report as a CSV download.
 */
import { call, token } from './api.js';
import { signIn } from './sign-in.js';
import { el } from '../../../browser/dom.js';
import { periodLabel } from '../../insights/periods.js';
import type { Cell, InsightsReport, InsightsTable } from '../../protocol/insights.js';
import { t, words } from './words.js';

const AGENT_REFUSED = t('admin.insights.refused');

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = byId('status');
const tables = byId('tables');
const rangeError = byId('range-error');

function query(format: 'json' | 'csv'): string {
  const q = new URLSearchParams({ bucket: byId<HTMLSelectElement>('bucket').value, format });
  for (const id of ['from', 'until']) {
    const value = byId<HTMLInputElement>(id).value;
    if (value) q.set(id, value);
  }
  return `/insights?${q}`;
}

/** A table as the server worded it: in this page's language, which the API call's Accept-Language also asked. */
function tableOf(table: InsightsTable, r: InsightsReport, fewer: string) {
  const figure = (c: Cell) =>
    c.suppressed
      ? el('td', { className: 'suppressed', text: fewer })
      : el('td', { text: c.value.toLocaleString(words.locale) });
  const caption = `caption-${table.id.replace(/\W/g, '-')}`;
  const grid = el('table', { className: 'grid insights' }, [
    el('caption', { text: table.title, attrs: { id: caption } }),
    el('thead', {}, [
      el('tr', {}, [
        el('th', { text: t('admin.insights.what', { counts: table.counts }), attrs: { scope: 'col' } }),
        ...r.periods.map((p) => el('th', { text: periodLabel(p, r.bucket, words), attrs: { scope: 'col' } })),
        el('th', { text: t('admin.insights.total'), attrs: { scope: 'col' } }),
      ]),
    ]),
    el(
      'tbody',
      {},
      table.rows.map((row) =>
        el('tr', { attrs: { 'data-row': row.key } }, [
          el('th', { text: row.label, attrs: { scope: 'row' } }),
          ...row.cells.map(figure),
          figure(row.total),
        ]),
      ),
    ),
  ]);
  // Focusable and named, so a keyboard scrolls a wide table and a screen reader says which one it is in.
  const box = el('div', {
    className: 'scroll',
    attrs: { tabindex: '0', role: 'region', 'aria-labelledby': caption, 'data-table': table.id },
  });
  box.append(
    table.rows.length ? grid : el('p', { className: 'muted', text: t('admin.insights.empty', { title: table.title }) }),
  );
  return [box, table.note ? el('p', { className: 'help', text: table.note }) : null];
}

async function show() {
  status.textContent = t('admin.loading');
  rangeError.textContent = '';
  const { status: code, body } = await call<InsightsReport>('GET', query('json'));
  if (code !== 200) {
    const message = code === 403 ? AGENT_REFUSED : (body.error?.message ?? t('admin.serverAnswered', { status: code }));
    if (code === 400) rangeError.textContent = message;
    status.textContent = code === 400 ? t('admin.insights.checkDays') : message;
    return void tables.replaceChildren();
  }
  const fewer = t('admin.insights.fewer', { k: body.minCell });
  byId('threshold-words').textContent = fewer;
  const first = body.periods[0]!;
  const last = body.periods.at(-1)!;
  status.textContent = t(body.bucket === 'month' ? 'admin.insights.months' : 'admin.insights.weeks', {
    n: body.periods.length,
    first: periodLabel(first, body.bucket, words),
    last: periodLabel(last, body.bucket, words),
    k: body.minCell,
  });
  tables.replaceChildren(...body.tables.flatMap((table) => tableOf(table, body, fewer)).filter((n) => n !== null));
}

async function downloadCsv() {
  const res = await fetch(`/api/v1${query('csv')}`, { headers: { authorization: `Bearer ${token.get()}` } });
  if (!res.ok) {
    rangeError.textContent = t('admin.insights.csvFailed', { status: res.status });
    return;
  }
  const link = el('a', {
    attrs: { href: URL.createObjectURL(await res.blob()), download: 'candor-insights.csv' },
  });
  link.click();
  // After the browser has taken the file: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

byId('range').addEventListener('submit', (e) => {
  e.preventDefault();
  void show();
});
byId('csv').addEventListener('click', () => void downloadCsv());
signIn(AGENT_REFUSED, () => {
  byId('workspace').hidden = false;
  return show();
});
