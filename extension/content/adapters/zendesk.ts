/**
 * Zendesk Agent Workspace (`https://<account>.zendesk.com/agent/tickets/<id>`). Zendesk marks its UI
 * with `data-test-id` attributes; the ones below are those public userscripts and extensions rely
 * on (README.md names them). The workspace keeps every open ticket mounted, each in its own
 * `ticket-<id>-standard-layout`; the `[data-ticket-id]` inside it may be only the conversation
 * column, so the ticket is read in the whole layout of the id in the URL. The customer context
 * pane (which shows the e-mail) is closed by default: then the e-mail comes from Zendesk's own API,
 * as the agent's session may read it. The composer is CKEditor 5: it takes a paste into its own
 * model, paragraphs from the clipboard's HTML (plain text becomes one paragraph with line breaks),
 * and undoes DOM changes it did not make.
 */
import { adapterFor, EMAIL, type Selectors } from './markup.js';

const selectors: Selectors = {
  // The ticket tab bar, a view's ticket table, a ticket's conversation log.
  app: '[data-test-id="header-tab"], [data-test-id="generic-table-body"], [data-test-id="omni-log-container"]',
  // Document order: the layout comes before the column inside it.
  ticket: '[data-test-id="ticket-{id}-standard-layout"], [data-ticket-id="{id}"]',
  subject: '[data-test-id="omni-header-subject"]', // an <input>: its value is read
  requesterEmail: '[data-test-id="customer-context-pane"]',
  requesterName: '[data-test-id="ticket-system-field-requester-select"] [data-garden-id="typography.ellipsis"]',
  message: 'article[data-test-id="omni-log-comment-item"]',
  messageText: '[data-test-id="omni-log-message-content"]',
  fromCustomer: ':has([data-test-id="omni-log-item-message"][type="end-user"])',
  notConversation: ':has([data-test-id="omni-log-internal-note-tag"])',
  editor:
    '.ck-editor__editable[contenteditable="true"]:is([data-test-id="omnicomposer-rich-text-ckeditor"], ' +
    '[data-test-id="omnicomposer-plain-text-ckeditor"])',
};

interface TicketWithUsers {
  ticket?: { requester_id?: unknown };
  users?: { id?: unknown; email?: unknown }[];
}

/**
 * One look-up per ticket while the page lives. A failed one is tried again, but not before
 * `RETRY_MS`: the page is read at every change of the DOM, and an agent whose role may not read
 * the API would otherwise ask it at every keystroke.
 */
const lookedUp = new Map<string, Promise<string | undefined>>();
const RETRY_MS = 30_000;

/** `GET /api/v2/tickets/<id>.json?include=users` (same origin, the agent's session): the requester's address. */
function requesterEmailFromApi(doc: Document, ticketId: string): Promise<string | undefined> {
  const known = lookedUp.get(ticketId);
  if (known) return known;
  const url = new URL(`/api/v2/tickets/${encodeURIComponent(ticketId)}.json?include=users`, doc.location.origin);
  const found = fetch(url, { credentials: 'same-origin', signal: AbortSignal.timeout(5000) })
    .then((res) => (res.ok ? (res.json() as Promise<TicketWithUsers>) : {}))
    .then(({ ticket, users }: TicketWithUsers) => {
      const email = users?.find((u) => u.id === ticket?.requester_id)?.email;
      return typeof email === 'string' && EMAIL.test(email) ? email : undefined;
    })
    .catch(() => undefined);
  lookedUp.set(ticketId, found);
  void found.then((email) => {
    if (email === undefined) setTimeout(() => lookedUp.delete(ticketId), RETRY_MS);
  });
  return found;
}

export const zendesk = adapterFor({
  id: 'zendesk',
  name: 'Zendesk Agent Workspace',
  hosts: ['https://*.zendesk.com/*'],
  idInPath: /^\/agent\/tickets\/(\d+)/,
  selectors,
  pasteHtml: true,
  emailElsewhere: requesterEmailFromApi,
});
