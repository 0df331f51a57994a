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
  if (parsed.success && !parsed.data.token) fieldError('token', 'Enter your agent token.');
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      if (issue.path[0] !== 'agentName') fieldError(issue.path[0] as 'serverUrl' | 'token', issue.message);
  return parsed.success && parsed.data.token ? parsed.data : null;
}

/** Each step says what it checked, so "it doesn't work" becomes "the token was refused". */
async function testConnection(s: Settings): Promise<{ ok: boolean; text: string }> {
  const health = await fetch(new URL('/healthz', s.serverUrl)).catch((e: Error) => e);
  if (health instanceof Error)
    return {
      ok: false,
      text: `Cannot reach ${s.serverUrl}: ${health.message}. Is the server running, and is the address right?`,
    };
  if (!health.ok)
    return { ok: false, text: `${s.serverUrl} answered ${health.status} to /healthz: is this a Candor server?` };
  const me = await fetch(new URL('/api/v1/me', s.serverUrl), { headers: { authorization: `Bearer ${s.token}` } });
  if (me.status === 401)
    return {
      ok: false,
      text: 'The server is up, but refused the token (invalid or revoked). Ask your team lead for a new one.',
    };
  if (!me.ok) return { ok: false, text: `The server is up, but answered ${me.status} to the token check.` };
  const who = Me.parse(await me.json());
  return { ok: true, text: `Connected to Candor at ${s.serverUrl} as ${who.role} (${who.tokenId}).` };
}

/** Must be called straight from a click: Chrome grants permission prompts only to a user gesture. */
const askFor = (origins: string[]) => chrome.permissions.request({ origins }).catch(() => false);

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const s = readForm();
  if (!s) return;
  if (!(await askFor([originPattern(s.serverUrl)])))
    return say(
      'result',
      `Chrome did not grant access to ${new URL(s.serverUrl).origin}; the panel cannot reach the server without it.`,
      false,
    );
  await saveSettings(s);
  say('result', 'Saved. Testing the connection…', null);
  const result = await testConnection(s);
  say('result', `Saved. ${result.text}`, result.ok);
});

$('test').addEventListener('click', async () => {
  const s = readForm();
  if (!s) return;
  if (!(await askFor([originPattern(s.serverUrl)])))
    return say('result', `Chrome did not grant access to ${new URL(s.serverUrl).origin}.`, false);
  say('result', 'Testing…', null);
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
        textContent: `experimental — ${adapter.experimental}`,
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
            textContent: 'built in, for a Candor server on this computer; it cannot be removed',
          });
          li.append(o, note);
          return li;
        }
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
        remove.setAttribute('aria-label', `Remove access to ${o}`);
        remove.addEventListener('click', async () => {
          const removed = await chrome.permissions.remove({ origins: [o] }).catch(() => false);
          say(
            'site-result',
            removed ? `Candor may no longer read ${o}.` : `Chrome did not remove access to ${o}.`,
            removed,
          );
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
  if (!url.success) return say('site-result', 'Enter the site’s address, starting with https:// (or http://).', false);
  const granted = await askFor([originPattern(url.data)]);
  say(
    'site-result',
    granted ? `Candor may now read tickets on ${new URL(url.data).origin}.` : 'Chrome did not grant access.',
    granted,
  );
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
        textContent: `Use the built-in adapter for ${adapter.name}`,
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
