/**
 * `/admin/adapters`: the helpdesk adapters' health across the team. For each adapter (by name) and
 * field a panel reported missing: when last, how often today and in the last 7 days, in words; and a
 * plain sentence when every adapter found everything.
 */
import { call } from './api.js';
import { signIn } from './sign-in.js';
import { el } from '../../../browser/dom.js';
import { formatTime } from '../../format/time.js';
import { ADAPTER_IDS, ADAPTER_NAMES, LOST_FIELD_WORDS, type AdapterHealth } from '../../protocol/adapters.js';

const AGENT_REFUSED = 'This page is for team leads and admins: an agent token cannot open the adapters page.';

const verdict = document.getElementById('verdict')!;
const table = document.getElementById('misses')!;
const fine = document.getElementById('fine')!;

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
const listed = (words: string[]) =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

function rows(health: AdapterHealth) {
  const head = el('thead', {}, [
    el(
      'tr',
      {},
      ['Adapter', 'Did not find', 'Last seen missing', 'Today', 'Last 7 days'].map((h) =>
        el('th', { text: h, attrs: { scope: 'col' } }),
      ),
    ),
  ]);
  const body = el(
    'tbody',
    {},
    health.misses.map((m) =>
      el('tr', { attrs: { 'data-adapter': m.adapter, 'data-field': m.field } }, [
        el('th', { text: m.name, attrs: { scope: 'row' } }),
        el('td', { text: LOST_FIELD_WORDS[m.field] }),
        el('td', { text: formatTime(m.lastMissingAt) }),
        el('td', { text: m.today ? times(m.today) : 'not today' }),
        el('td', { text: m.last7Days ? times(m.last7Days) : 'not in the last 7 days' }),
      ]),
    ),
  );
  return [el('caption', { className: 'muted', text: 'Fields each adapter did not find, newest first' }), head, body];
}

async function show() {
  verdict.textContent = 'Loading…';
  const { status, body } = await call<AdapterHealth>('GET', '/adapters/health');
  if (status !== 200) {
    verdict.textContent = status === 403 ? AGENT_REFUSED : (body.error?.message ?? `The server answered ${status}.`);
    return void table.replaceChildren();
  }
  const recent = body.misses.filter((m) => m.last7Days > 0);
  const lost = [...new Set(recent.map((m) => m.name))];
  verdict.className = recent.length ? 'blocked' : 'passed';
  verdict.textContent = recent.length
    ? `${listed(lost)} did not find what ${lost.length === 1 ? 'it looks' : 'they look'} for on some ` +
      'pages in the last 7 days: the helpdesk may have changed its pages. Check the selectors in ' +
      'extension/content/adapters/ against a live page.'
    : 'All is well: every helpdesk adapter found the requester, the conversation and the reply box on ' +
      'every ticket page agents opened in the last 7 days.';
  table.replaceChildren(...(body.misses.length ? rows(body) : []));
  const missed = new Set(recent.map((m) => m.adapter));
  const others = ADAPTER_IDS.filter((id) => !missed.has(id)).map((id) => ADAPTER_NAMES[id]);
  fine.textContent = recent.length && others.length ? `No misses in the last 7 days: ${listed(others)}.` : '';
}

document.getElementById('refresh')!.addEventListener('click', () => void show());
signIn(AGENT_REFUSED, () => {
  document.getElementById('workspace')!.hidden = false;
  return show();
});
