/**
 * `/admin/adapters`: the helpdesk adapters' health across the team. For each adapter (by name) and
 * field a panel reported missing: when last, how often today and in the last 7 days, in words; and a
 * plain sentence when every adapter found everything.
 */
import { call } from './api.js';
import { signIn } from './sign-in.js';
import { el } from '../../../browser/dom.js';
import { listOf } from '../../format/words.js';
import { ADAPTER_IDS, ADAPTER_NAMES, type AdapterHealth } from '../../protocol/adapters.js';
import { t, when, words } from './words.js';

const AGENT_REFUSED = t('admin.adapters.refused');

const verdict = document.getElementById('verdict')!;
const table = document.getElementById('misses')!;
const fine = document.getElementById('fine')!;

const times = (n: number) => (n === 1 ? t('admin.adapters.once') : t('admin.adapters.times', { n }));
const listed = (names: string[]) => listOf(names, words.locale);

function rows(health: AdapterHealth) {
  const head = el('thead', {}, [
    el(
      'tr',
      {},
      [
        t('admin.adapters.adapter'),
        t('admin.adapters.notFound'),
        t('admin.adapters.lastMissing'),
        t('admin.adapters.today'),
        t('admin.adapters.week'),
      ].map((h) => el('th', { text: h, attrs: { scope: 'col' } })),
    ),
  ]);
  const body = el(
    'tbody',
    {},
    health.misses.map((m) =>
      el('tr', { attrs: { 'data-adapter': m.adapter, 'data-field': m.field } }, [
        el('th', { text: m.name, attrs: { scope: 'row' } }),
        el('td', { text: t(`admin.adapters.field.${m.field}`) }),
        el('td', { text: when(m.lastMissingAt) }),
        el('td', { text: m.today ? times(m.today) : t('admin.adapters.notToday') }),
        el('td', { text: m.last7Days ? times(m.last7Days) : t('admin.adapters.notThisWeek') }),
      ]),
    ),
  );
  return [el('caption', { className: 'muted', text: t('admin.adapters.caption') }), head, body];
}

async function show() {
  verdict.textContent = t('admin.loading');
  const { status, body } = await call<AdapterHealth>('GET', '/adapters/health');
  if (status !== 200) {
    verdict.textContent =
      status === 403 ? AGENT_REFUSED : (body.error?.message ?? t('admin.serverAnswered', { status }));
    return void table.replaceChildren();
  }
  const recent = body.misses.filter((m) => m.last7Days > 0);
  const lost = [...new Set(recent.map((m) => m.name))];
  verdict.className = recent.length ? 'blocked' : 'passed';
  verdict.textContent = recent.length
    ? t('admin.adapters.lost', { n: lost.length, names: listed(lost), dir: 'extension/content/adapters/' })
    : t('admin.adapters.allWell');
  table.replaceChildren(...(body.misses.length ? rows(body) : []));
  const missed = new Set(recent.map((m) => m.adapter));
  const others = ADAPTER_IDS.filter((id) => !missed.has(id)).map((id) => ADAPTER_NAMES[id]);
  fine.textContent = recent.length && others.length ? t('admin.adapters.fine', { names: listed(others) }) : '';
}

document.getElementById('refresh')!.addEventListener('click', () => void show());
signIn(AGENT_REFUSED, () => {
  document.getElementById('workspace')!.hidden = false;
  return show();
});
