/**
 * The /demo page's Candor preview: the panel (`app.ts`), in a frame beside the demo helpdesk, reading and writing the
 * page around it through the demo adapter and the same page code the extension's content script runs. Agents trying
 * Candor without the extension get the whole panel (Edit, ratings, Remove from reply, the keyboard), and leads see
 * its outcomes like any other. The token lives in this tab's sessionStorage, as the agent typed it.
 */
import '../shared/strict-csp.js'; // first: before any schema parses
import { demo } from '../content/adapters/demo.js';
import { insertWith, readReplyWith, removeWith, replaceWith, snapshotOf } from '../content/ticket.js';
import { watchTicket } from '../content/watch.js';
import { TicketSnapshot } from '../shared/messages.js';
import { el } from '../../browser/dom.js';
import { localizePage, t } from '../shared/i18n.js';
import { startPanel } from './app.js';
import type { PageState, PanelHost } from './host.js';

const TOKEN_KEY = 'candor.demo.token';
/** The one "tab" this panel follows: the page around its frame. */
const DESK = 0;
const desk = () => window.parent.document;

/** Read like any helpdesk page: what the page holds is parsed before the panel uses it. */
async function readDesk(): Promise<TicketSnapshot | null> {
  const parsed = TicketSnapshot.safeParse(await snapshotOf(desk(), demo));
  return parsed.success ? parsed.data : null;
}

/** The token form until the agent connects; then who is connected, and a way to disconnect. */
function setup(box: HTMLElement, connected: boolean, restart: () => void) {
  if (box.dataset.mode === String(connected)) return;
  box.dataset.mode = String(connected);
  if (connected) {
    const disconnect = el('button', { className: 'small', text: t('demo_disconnect'), attrs: { type: 'button' } });
    disconnect.addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      restart();
      box.querySelector('input')?.focus();
    });
    return box.replaceChildren(el('p', { className: 'muted' }, [`${t('demo_connected')} `, disconnect]));
  }
  const input = el('input', {
    attrs: { id: 'demo-token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: '' },
  });
  const form = el('form', { attrs: { id: 'demo-connect' } }, [
    el('label', { text: t('demo_token'), attrs: { for: 'demo-token' } }),
    input,
    el('p', { className: 'muted', text: t('demo_token_help') }),
    el('button', { className: 'primary', text: t('demo_connect'), attrs: { type: 'submit' } }),
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    restart();
  });
  box.replaceChildren(form);
}

const demoHost: PanelHost = {
  async loadSettings() {
    return { serverUrl: location.origin, token: sessionStorage.getItem(TOKEN_KEY) ?? '', agentName: '' };
  },
  tokenHint: t('conn_hint_demo'),
  setup(box, settings, restart) {
    if (settings) setup(box, Boolean(settings.token), restart);
    return true;
  },
  async readTab(): Promise<PageState> {
    const ticket = await readDesk();
    return ticket ? { kind: 'ticket', ticket } : { kind: 'no-ticket' };
  },
  insertInto: (_tab, text) => insertWith(desk(), demo, text),
  removeFrom: (_tab, sentences) => removeWith(desk(), demo, sentences),
  readReply: async () => readReplyWith(desk(), demo),
  replaceIn: (_tab, sentence, text) => replaceWith(desk(), demo, sentence, text),
  requestAccess: async () => true, // the demo page is this panel's own
  session: {
    get: async (key) => JSON.parse(sessionStorage.getItem(key) ?? 'null') as unknown,
    set: async (key, value) => sessionStorage.setItem(key, JSON.stringify(value)),
  },
  async watch(events) {
    watchTicket(desk(), new AbortController().signal, {
      read: readDesk,
      changed: (ticket) => events.ticketChanged(DESK, ticket as TicketSnapshot | null),
    });
    events.follow(DESK);
  },
};

for (const details of document.querySelectorAll<HTMLElement>('details.teach')) details.hidden = true; // built in here
localizePage();
startPanel(demoHost);
