/**
 * `/admin/coach`: the reply coach per agent team over a chosen period, each kind of flag in words, with the server's
 * suppression shown as words ("fewer than 5"), never as a number. No agent is named anywhere on it.
 */
import { call } from './api.js';
import { signIn } from './sign-in.js';
import { el } from '../../../browser/dom.js';
import type { CoachFlagCells, CoachReport, CoachTeam } from '../../protocol/coach.js';
import type { Cell } from '../../protocol/insights.js';
import { t, words } from './words.js';

const AGENT_REFUSED = t('admin.coach.refused');

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = byId('status');
const teams = byId('teams');
const rangeError = byId('range-error');
const period = byId<HTMLSelectElement>('period');

/** Server days, so in UTC (words.time): no time zone moves a day. */
const day = (d: string) => words.time(`${d}T00:00:00.000Z`, 'date');
const number = (n: number) => n.toLocaleString(words.locale);

/** A team's table, worded here from its keys: the team's name (or none) and each kind of flag. */
function teamTable(team: CoachTeam, i: number, fewer: string) {
  const figure = (c: Cell) =>
    c.suppressed ? el('td', { className: 'suppressed', text: fewer }) : el('td', { text: number(c.value) });
  const row = (label: string, cells: CoachFlagCells, key: string) =>
    el('tr', { attrs: { 'data-row': key } }, [
      el('th', { text: label, attrs: { scope: 'row' } }),
      figure(cells.flagged),
      figure(cells.followed),
      figure(cells.ignored),
    ]);
  const caption = `team-${i}`;
  const checks = team.checks.suppressed ? fewer : number(team.checks.value);
  const label = team.team ?? t('admin.coach.noTeam');
  const grid = el('table', { className: 'grid insights' }, [
    el('caption', { text: t('admin.coach.caption', { team: label, checks }), attrs: { id: caption } }),
    el('thead', {}, [
      el('tr', {}, [
        el('th', { text: t('admin.coach.kind'), attrs: { scope: 'col' } }),
        el('th', { text: t('admin.coach.flagged'), attrs: { scope: 'col' } }),
        el('th', { text: t('admin.coach.followed'), attrs: { scope: 'col' } }),
        el('th', { text: t('admin.coach.ignored'), attrs: { scope: 'col' } }),
      ]),
    ]),
    el('tbody', {}, [
      ...team.kinds.map((k) => row(t(`admin.coach.kind.${k.kind}`), k, k.kind)),
      row(t('admin.coach.allKinds'), team.all, 'all'),
    ]),
  ]);
  // Focusable and named, so a keyboard scrolls a narrow window's table and a screen reader says whose it is.
  return el(
    'div',
    {
      className: 'scroll',
      attrs: { tabindex: '0', role: 'region', 'aria-labelledby': caption, 'data-team': label },
    },
    [grid],
  );
}

async function show() {
  status.textContent = t('admin.loading');
  rangeError.textContent = '';
  const { status: code, body } = await call<CoachReport>('GET', `/coach/summary?period=${period.value}`);
  if (code !== 200) {
    const message = code === 403 ? AGENT_REFUSED : (body.error?.message ?? t('admin.serverAnswered', { status: code }));
    if (code === 400) rangeError.textContent = message;
    status.textContent = message;
    return void teams.replaceChildren();
  }
  const fewer = t('admin.insights.fewer', { k: body.minCell });
  byId('threshold-words').textContent = fewer;
  const when = body.from
    ? t('admin.coach.range', { from: day(body.from), until: day(body.until) })
    : t('admin.coach.upTo', { until: day(body.until) });
  status.textContent = body.teams.length
    ? t('admin.coach.status', { when, k: body.minCell })
    : t('admin.coach.none', { when });
  teams.replaceChildren(...body.teams.map((team, i) => teamTable(team, i, fewer)));
}

byId('range').addEventListener('submit', (e) => {
  e.preventDefault();
  void show();
});
signIn(AGENT_REFUSED, () => {
  byId('workspace').hidden = false;
  return show();
});
