/**
 * Demo Desk: a fake helpdesk inbox for trying Candor. This is the helpdesk, not Candor: Candor's panel sits beside it
 * in a frame (`/demo/panel/`, the extension's panel code) and reads the open ticket from this page's markup, as the
 * extension's demo adapter does. Every customer value is rendered as text, never as HTML.
 */
import { el } from '../../../browser/dom.js';
import { formatRecent } from '../../format/time.js';

interface Message {
  role: 'customer' | 'agent';
  text: string;
  at: string;
}
interface TicketSummary {
  id: string;
  subject: string;
  requesterName: string;
  status: string;
  lastMessageAt: string;
}
interface Ticket extends TicketSummary {
  requesterEmail: string;
  messages: Message[];
}

const $ = (id: string) => document.getElementById(id)!;
const state = {
  tickets: [] as TicketSummary[],
  ticket: null as Ticket | null,
  /** Replies "sent" on this page, per ticket: sending only adds them here. */
  sent: new Map<string, Message[]>(),
  /** Guards against an answer for a ticket that is no longer selected. */
  selection: 0,
};

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? `the helpdesk answered ${res.status}`);
  return body;
}

const messagesOf = (t: Ticket) => [...t.messages, ...(state.sent.get(t.id) ?? [])];

function renderInbox() {
  $('ticket-list').replaceChildren(
    ...state.tickets.map((t) => {
      const open = el('button', { className: 'ticket-button', attrs: { type: 'button' } }, [
        el('span', { className: 'subject', text: t.subject }),
        el('span', { className: 'meta', text: `${t.requesterName} · ${t.status} · ${formatRecent(t.lastMessageAt)}` }),
      ]);
      if (state.ticket?.id === t.id) open.setAttribute('aria-current', 'true');
      open.addEventListener('click', () => void openTicket(t.id));
      return el('li', {}, [open]);
    }),
  );
}

function renderTicket() {
  const t = state.ticket;
  const article = $('ticket');
  $('ticket-placeholder').hidden = Boolean(t);
  article.hidden = !t;
  if (!t) {
    delete article.dataset.candorTicketId;
    delete article.dataset.requesterEmail;
    return;
  }
  // What a helpdesk adapter reads to know which ticket and customer are on screen.
  article.dataset.candorTicketId = t.id;
  article.dataset.requesterEmail = t.requesterEmail;
  $('ticket-subject').textContent = `${t.subject} (${t.id})`;
  $('ticket-requester-name').textContent = t.requesterName;
  $('ticket-requester-email').textContent = `<${t.requesterEmail}>`;
  $('ticket-status').textContent = t.status;
  $('messages').replaceChildren(
    ...messagesOf(t).map((m) =>
      el('li', { attrs: { 'data-role': m.role } }, [
        // The time as a <time datetime>, as helpdesks mark it up: the adapter reads when each message arrived.
        el('p', { className: 'message-meta' }, [
          `${m.role === 'customer' ? t.requesterName : 'You (agent)'} · `,
          el('time', { text: formatRecent(m.at), attrs: { datetime: m.at } }),
        ]),
        el('p', { className: 'message-text', text: m.text }),
      ]),
    ),
  );
}

async function openTicket(id: string) {
  const selection = ++state.selection;
  try {
    const { ticket } = await getJson<{ ticket: Ticket }>(`/demo/api/tickets/${encodeURIComponent(id)}`);
    if (selection !== state.selection) return;
    state.ticket = ticket;
    ($('reply') as HTMLTextAreaElement).value = '';
    renderInbox();
    renderTicket();
  } catch (e) {
    $('inbox-status').textContent = `Could not open ticket ${id}: ${(e as Error).message}`;
  }
}

async function loadInbox() {
  try {
    const { tickets } = await getJson<{ tickets: TicketSummary[] }>('/demo/api/tickets');
    state.tickets = tickets;
    $('inbox-status').textContent = `${tickets.length} tickets`;
    renderInbox();
    if (tickets[0]) await openTicket(tickets[0].id);
  } catch (e) {
    $('inbox-status').textContent = `Could not load tickets: ${(e as Error).message}`;
  }
}

$('reply-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const t = state.ticket;
  const reply = $('reply') as HTMLTextAreaElement;
  const text = reply.value.trim();
  if (!t || !text) return;
  state.sent.set(t.id, [...(state.sent.get(t.id) ?? []), { role: 'agent', text, at: new Date().toISOString() }]);
  reply.value = '';
  renderTicket(); // the panel sees the longer conversation and reads it again
});

void loadInbox();
