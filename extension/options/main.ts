/**
 * Options: the server address and agent token, a connection test that says exactly what failed,
 * and which helpdesk sites Candor may read. Site access is optional host permission, asked for
 * only when the agent enables a site (Chrome shows its own prompt).
 */
import '../shared/strict-csp.js'; // first: before any schema parses
import { z } from 'zod';
import { ADAPTERS } from '../content/adapters/index.js';
import { loadSettings, originPattern, saveSettings, Settings } from '../shared/settings.js';
import { Me } from '../../server/protocol/domain.js';
import { OFF_KEY } from '../shared/teach-keys.js';
import { localizePage, t } from '../shared/i18n.js';

localizePage();

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('settings');
const serverInput = $<HTMLInputElement>('server-url');
const tokenInput = $<HTMLInputElement>('token');
const agentNameInput = $<HTMLInputElement>('agent-name');

function say(id: string, text: string, ok: boolean | null) {
  const line = $(id);
  line.textContent = text;
  if (ok === null) delete line.dataset.ok;
  else line.dataset.ok = String(ok);
}

function fieldError(field: 'serverUrl' | 'token', message: string | null) {
  const id = field === 'serverUrl' ? 'server-url' : 'token';
  const p = $(`${id}-error`);
  p.hidden = !message;
  p.textContent = message ?? '';
  $(id).setAttribute('aria-invalid', String(!!message));
}

/** The form's values checked by the same schema the panel reads them with; errors shown by their field. */
function readForm(): Settings | null {
  const parsed = Settings.safeParse({
    serverUrl: serverInput.value.trim(),
    token: tokenInput.value,
    agentName: agentNameInput.value,
  });
  fieldError('serverUrl', null);
  fieldError('token', null);
  say('result', '', null); // an earlier test's answer does not stand beside a new field error
  if (parsed.success && !parsed.data.token) fieldError('token', t('opt_enter_token'));
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      if (issue.path[0] === 'serverUrl') fieldError('serverUrl', t('opt_bad_url'));
      else if (issue.path[0] === 'token') fieldError('token', issue.message);
  return parsed.success && parsed.data.token ? parsed.data : null;
}

/** Each step says what it checked, so "it doesn't work" becomes "the token was refused". */
async function testConnection(s: Settings): Promise<{ ok: boolean; text: string }> {
  const health = await fetch(new URL('/healthz', s.serverUrl)).catch((e: Error) => e);
  if (health instanceof Error) return { ok: false, text: t('opt_unreachable', s.serverUrl, health.message) };
  if (!health.ok) return { ok: false, text: t('opt_not_candor', s.serverUrl, String(health.status)) };
  const me = await fetch(new URL('/api/v1/me', s.serverUrl), { headers: { authorization: `Bearer ${s.token}` } });
  if (me.status === 401) return { ok: false, text: t('opt_token_refused') };
  if (!me.ok) return { ok: false, text: t('opt_token_check', String(me.status)) };
  const who = Me.parse(await me.json());
  return { ok: true, text: t('opt_connected', s.serverUrl, who.role, who.tokenId) };
}

/** Must be called straight from a click: Chrome grants permission prompts only to a user gesture. */
const askFor = (origins: string[]) => chrome.permissions.request({ origins }).catch(() => false);

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const s = readForm();
  if (!s) return;
  if (!(await askFor([originPattern(s.serverUrl)])))
    return say('result', t('opt_server_denied', new URL(s.serverUrl).origin), false);
  await saveSettings(s);
  say('result', t('opt_saved_testing'), null);
  const result = await testConnection(s);
  say('result', t('opt_saved', result.text), result.ok);
});

$('test').addEventListener('click', async () => {
  const s = readForm();
  if (!s) return;
  if (!(await askFor([originPattern(s.serverUrl)])))
    return say('result', t('opt_denied', new URL(s.serverUrl).origin), false);
  say('result', t('opt_testing'), null);
  const result = await testConnection(s);
  say('result', result.text, result.ok);
});

async function renderHelpdesks() {
  const list = $('helpdesks');
  list.replaceChildren();
  for (const adapter of ADAPTERS.filter((a) => a.hosts.length > 0)) {
    const id = `helpdesk-${adapter.id}`;
    const box = Object.assign(document.createElement('input'), {
      type: 'checkbox',
      id,
      checked: await chrome.permissions.contains({ origins: [...adapter.hosts] }),
    });
    const label = Object.assign(document.createElement('label'), {
      htmlFor: id,
      textContent: `${adapter.name} (${adapter.hosts.join(', ')})`,
    });
    box.addEventListener('change', async () => {
      if (box.checked) box.checked = await askFor([...adapter.hosts]);
      else await chrome.permissions.remove({ origins: [...adapter.hosts] });
    });
    const li = document.createElement('li');
    li.append(box, label);
    // Said in words beside the helpdesk, before the agent enables it.
    if (adapter.experimental) {
      const note = Object.assign(document.createElement('span'), {
        className: 'experimental',
        id: `${id}-experimental`,
        textContent: t('opt_experimental', adapter.experimental),
      });
      box.setAttribute('aria-describedby', note.id);
      li.append(note);
    }
    list.append(li);
  }
}

const listedHosts = new Set(ADAPTERS.flatMap((a) => a.hosts));

/** Granted by the manifest (the local Candor server): always allowed, so listed without a Remove button. */
const builtInOrigins = new Set(chrome.runtime.getManifest().host_permissions ?? []);

async function renderSites() {
  const { origins = [] } = await chrome.permissions.getAll();
  $('sites').replaceChildren(
    ...origins
      .filter((o) => !listedHosts.has(o))
      .map((o) => {
        const li = document.createElement('li');
        if (builtInOrigins.has(o)) {
          const note = Object.assign(document.createElement('span'), {
            className: 'help',
            textContent: t('opt_builtin_site'),
          });
          li.append(o, note);
          return li;
        }
        const remove = Object.assign(document.createElement('button'), {
          type: 'button',
          textContent: t('opt_remove'),
        });
        remove.setAttribute('aria-label', t('opt_remove_label', o));
        remove.addEventListener('click', async () => {
          const removed = await chrome.permissions.remove({ origins: [o] }).catch(() => false);
          say('site-result', t(removed ? 'opt_removed' : 'opt_not_removed', o), removed);
          await renderSites();
        });
        li.append(o, remove);
        return li;
      }),
  );
}

$('site-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const url = z.url({ protocol: /^https?$/ }).safeParse($<HTMLInputElement>('site').value.trim());
  if (!url.success) return say('site-result', t('opt_site_invalid'), false);
  const granted = await askFor([originPattern(url.data)]);
  say('site-result', granted ? t('opt_site_granted', new URL(url.data).origin) : t('opt_site_denied'), granted);
  await renderSites();
});

/** Built-in adapters the agent switched off (`adaptersOff`): the content script passes them over. */
async function renderAdaptersOn() {
  const stored = (await chrome.storage.local.get(OFF_KEY))[OFF_KEY];
  const off = new Set(
    z
      .array(z.string())
      .catch([])
      .parse(stored ?? []),
  );
  $('adapters-on').replaceChildren(
    ...ADAPTERS.map((adapter) => {
      const box = Object.assign(document.createElement('input'), {
        type: 'checkbox',
        id: `adapter-on-${adapter.id}`,
        checked: !off.has(adapter.id),
      });
      box.addEventListener('change', async () => {
        if (box.checked) off.delete(adapter.id);
        else off.add(adapter.id);
        await chrome.storage.local.set({ [OFF_KEY]: [...off] });
      });
      const label = Object.assign(document.createElement('label'), {
        htmlFor: box.id,
        textContent: t('opt_use_adapter', adapter.name),
      });
      const li = document.createElement('li');
      li.append(box, label);
      return li;
    }),
  );
}

void (async () => {
  const s = await loadSettings();
  serverInput.value = s.serverUrl;
  tokenInput.value = s.token;
  agentNameInput.value = s.agentName;
  await Promise.all([renderHelpdesks(), renderSites(), renderAdaptersOn()]);
})();
