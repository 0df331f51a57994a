/**
 * `/admin/coach`: the reply coach per agent team over a chosen period, each kind of flag in words, with the server's
 * suppression shown as words ("fewer than 5"), never as a number. No agent is named anywhere on it.
 */
import { call } from './api.js';
import { signIn } from './sign-in.js';
import { el } from '../../../browser/dom.js';
import { formatTime } from '../../format/time.js';
import type { CoachFlagCells, CoachReport, CoachTeam } from '../../protocol/coach.js';
import type { Cell } from '../../protocol/insights.js';

const AGENT_REFUSED = 'This page is for team leads and admins: an agent token cannot open the reply coach’s figures.';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = byId('status');
const teams = byId('teams');
const rangeError = byId('range-error');
const period = byId<HTMLSelectElement>('period');

/** Server days, so in UTC: no time zone moves a day. */
const day = (d: string) => formatTime(`${d}T00:00:00.000Z`, 'date', { timeZone: 'UTC' });

function teamTable(t: CoachTeam, i: number, fewer: string) {
  const figure = (c: Cell) =>
    c.suppressed ? el('td', { className: 'suppressed', text: fewer }) : el('td', { text: c.value.toLocaleString() });
  const row = (label: string, cells: CoachFlagCells, key: string) =>
    el('tr', { attrs: { 'data-row': key } }, [
      el('th', { text: label, attrs: { scope: 'row' } }),
      figure(cells.flagged),
      figure(cells.followed),
      figure(cells.ignored),
    ]);
  const caption = `team-${i}`;
  const checks = t.checks.suppressed ? fewer : t.checks.value.toLocaleString();
  const grid = el('table', { className: 'grid insights' }, [
    el('caption', { text: `${t.label} · reply checks run: ${checks}`, attrs: { id: caption } }),
    el('thead', {}, [
      el('tr', {}, [
        el('th', { text: 'Kind of flag', attrs: { scope: 'col' } }),
        el('th', { text: 'Flags raised', attrs: { scope: 'col' } }),
        el('th', { text: 'Followed', attrs: { scope: 'col' } }),
        el('th', { text: 'Ignored', attrs: { scope: 'col' } }),
      ]),
    ]),
    el('tbody', {}, [...t.kinds.map((k) => row(k.label, k, k.kind)), row('All kinds', t.all, 'all')]),
  ]);
  // Focusable and named, so a keyboard scrolls a narrow window's table and a screen reader says whose it is.
  return el(
    'div',
    {
      className: 'scroll',
      attrs: { tabindex: '0', role: 'region', 'aria-labelledby': caption, 'data-team': t.label },
    },
    [grid],
  );
}

async function show() {
  status.textContent = 'Loading…';
  rangeError.textContent = '';
  const { status: code, body } = await call<CoachReport>('GET', `/coach/summary?period=${period.value}`);
  if (code !== 200) {
    const message = code === 403 ? AGENT_REFUSED : (body.error?.message ?? `The server answered ${code}.`);
    if (code === 400) rangeError.textContent = message;
    status.textContent = message;
    return void teams.replaceChildren();
  }
  const fewer = `fewer than ${body.minCell}`;
  byId('threshold-words').textContent = fewer;
  const when = body.from ? `${day(body.from)} to ${day(body.until)}` : `everything counted up to ${day(body.until)}`;
  status.textContent = body.teams.length
    ? `${when} (days in UTC); no figure from fewer than ${body.minCell} agents is shown.`
    : `No reply was checked from ${when}.`;
  teams.replaceChildren(...body.teams.map((t, i) => teamTable(t, i, fewer)));
}

byId('range').addEventListener('submit', (e) => {
  e.preventDefault();
  void show();
});
signIn(AGENT_REFUSED, () => {
  byId('workspace').hidden = false;
  return show();
});
