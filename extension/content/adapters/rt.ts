/**
 * Request Tracker 5, self-hosted at any address (and any path: `WebPath`). Checked against RT 5.0.3
 * as Debian packages it (test/rt.browser.test.ts runs one).
 *
 * RT spreads a ticket over pages: the ticket page (`Ticket/Display.html?id=N`) shows the requestors
 * and loads the history afterwards, depending on the agent's preference at once, on scroll or on a
 * click; the reply page (`Ticket/Update.html?id=N&Action=Respond`) holds the editor and shows
 * neither. So the adapter reads what RT's own pages read, with the agent's own session: the history
 * from `Helpers/TicketHistory` (the fragment the ticket page loads it from, always whole), and, on
 * the reply page, the requestors from the ticket page. Both are plain GETs that change nothing in
 * RT, made once per page.
 */
import type { Message } from '../../../server/protocol/domain.js';
import { insertInto } from './insert.js';
import { removeFrom } from './remove.js';
import { replaceIn } from './replace.js';
import { replyText } from './reply.js';
import { EMAIL, lostFields, oneLine, paragraphs } from './markup.js';
import type { HelpdeskAdapter } from './types.js';

const SELECTORS = {
  /** RT names each page's `<body>` after its Mason component, and every page has its menu. */
  app: 'body[id^="comp-"]:has(#app-nav)',
  ticketPage: 'body#comp-Ticket-Display',
  replyPage: 'body#comp-Ticket-Update',
  /** "#12: Subject" on the ticket page, "Update ticket #12: Subject" on the reply page. */
  title: '#header h1',
  requestor: '.requestors .current-value .user[data-user-id]',
  message: '.transaction.message[data-transaction-id]',
  author: '.description .user[data-user-id]',
  description: '.description',
  body: '.messagebody',
  /** Quoted earlier mail, which RT folds away (`ShowMessageStanza`), and its "show quoted text" link. */
  folded: '.message-stanza.closed, .message-stanza-folder',
  /** Plain text shown with its own line breaks rather than `<br>`s (`$PlainTextMono`). */
  preformatted: 'pre, .plain-text-white-space',
  /** CKEditor 4's editing frame, or the textarea it replaces (used directly when rich text is off). */
  richEditor: 'form[name="TicketUpdate"] #cke_UpdateContent iframe.cke_wysiwyg_frame',
  plainEditor: 'form[name="TicketUpdate"] textarea#UpdateContent',
} as const;

/**
 * RT describes an internal note as "Comments added" (correspondence: "Correspondence added"; both
 * look alike otherwise). ASSUMPTION: the agent's RT speaks English; in another language notes are
 * not told apart from replies and stay in the conversation.
 */
const NOTE = /^comments added$/i;

const BLOCK = new Set([
  'ADDRESS',
  'BLOCKQUOTE',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'OL',
  'P',
  'PRE',
  'TABLE',
  'TR',
  'UL',
]);

/**
 * The text RT shows for a message, from markup that is not rendered (fetched and parsed, so
 * `innerText` has no layout to go by): `<br>`s and blocks become line breaks, folded quotes stay out.
 */
function shownText(root: Element): string {
  let out = '';
  const walk = (node: Node, keepSpace: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) out += keepSpace ? node.textContent : node.textContent!.replace(/\s+/g, ' ');
    if (!(node instanceof Element) || node.matches(SELECTORS.folded)) return;
    if (node.tagName === 'BR') out += '\n';
    const block = BLOCK.has(node.tagName);
    if (block) out += '\n';
    for (const child of node.childNodes) walk(child, keepSpace || node.matches(SELECTORS.preformatted));
    if (block) out += '\n';
  };
  walk(root, false);
  return paragraphs(out);
}

/** The app's root path (RT's `WebPath`, e.g. `/rt`), taken from where its ticket pages are. */
const webPath = (doc: Document) => doc.location.pathname.replace(/\/Ticket\/[^/]*$/, '');

/** RT's pages for one ticket, fetched once per page load (the page itself does not change them). */
const fetched = new Map<string, Promise<Document>>();
function page(doc: Document, route: string): Promise<Document> {
  const url = new URL(`${webPath(doc)}${route}`, doc.location.origin).href;
  let loaded = fetched.get(url);
  if (!loaded) {
    loaded = fetch(url, { credentials: 'same-origin' }).then(async (res) => {
      if (!res.ok) throw new Error(`RT answered ${res.status} for ${route}`);
      return new DOMParser().parseFromString(await res.text(), 'text/html');
    });
    loaded.catch(() => fetched.delete(url)); // the next reading tries again
    fetched.set(url, loaded);
  }
  return loaded;
}

function ticketOf(doc: Document): { id: string; subject: string } | null {
  if (!doc.querySelector(`${SELECTORS.ticketPage}, ${SELECTORS.replyPage}`)) return null;
  const title = /#(\d+):\s*(.*)$/.exec(oneLine(doc.querySelector(SELECTORS.title)?.textContent ?? ''));
  return title ? { id: title[1]!, subject: title[2]! } : null;
}

interface Requestor {
  userId: string;
  email?: string;
  name?: string;
}

/** RT shows a requestor as "<dana@example.org>" or "Dana Kowalski <dana@example.org>" (`$UsernameFormat`). */
function requestorsIn(ticketPage: Document): Requestor[] {
  return [...ticketPage.querySelectorAll(SELECTORS.requestor)].map((user) => {
    const text = oneLine(user.textContent ?? '');
    const email = EMAIL.exec(text)?.[0];
    const name = oneLine(text.replace(/<[^>]*>/, '').replace(/^"|"$/g, ''));
    return {
      userId: user.getAttribute('data-user-id')!,
      ...(email ? { email } : {}),
      ...(name && name !== email ? { name } : {}),
    };
  });
}

/** Oldest first by transaction id, whatever order the agent's preference shows them in. */
function conversationIn(history: Document, requestors: Requestor[]): Message[] {
  const customers = new Set(requestors.map((r) => r.userId));
  return [...history.querySelectorAll(SELECTORS.message)]
    .filter((t) => !NOTE.test(oneLine(t.querySelector(SELECTORS.description)?.textContent ?? '').replace(/^.* - /, '')))
    .sort((a, b) => Number(a.getAttribute('data-transaction-id')) - Number(b.getAttribute('data-transaction-id')))
    .map(
      (t): Message => ({
        role: customers.has(t.querySelector(SELECTORS.author)?.getAttribute('data-user-id') ?? '')
          ? 'customer'
          : 'agent',
        text: t.querySelector(SELECTORS.body) ? shownText(t.querySelector(SELECTORS.body)!) : '',
      }),
    )
    .filter((m) => m.text);
}

/**
 * The reply editor on the reply page: CKEditor's editable body inside its (same-origin) frame, else
 * the textarea, which is the editor when rich text is off and CKEditor's starting data while it loads.
 */
function editorIn(doc: Document): Element | null {
  const body = doc.querySelector<HTMLIFrameElement>(SELECTORS.richEditor)?.contentDocument?.body;
  return body?.isContentEditable ? body : doc.querySelector(SELECTORS.plainEditor);
}

const replyEditor = (doc: Document) => (ticketOf(doc) ? editorIn(doc) : null);

export const rt: HelpdeskAdapter = {
  id: 'rt',
  name: 'Request Tracker 5',
  hosts: [],
  detect: (doc) => doc.querySelector(SELECTORS.app) !== null,
  async read(doc) {
    const ticket = doc.querySelector(SELECTORS.app) ? ticketOf(doc) : null;
    if (!ticket) return null;
    const ticketPage = doc.querySelector(SELECTORS.ticketPage)
      ? doc
      : await page(doc, `/Ticket/Display.html?id=${ticket.id}`);
    const requestors = requestorsIn(ticketPage);
    const history = await page(doc, `/Helpers/TicketHistory?id=${ticket.id}`);
    const first = requestors.find((r) => r.email);
    const found = {
      requesterEmail: first?.email,
      conversation: conversationIn(history, requestors),
      canInsert: editorIn(doc) !== null,
    };
    // The ticket page has no reply box by design; only the reply page must.
    const { missing } = lostFields({ ...found, canInsert: found.canInsert || !doc.querySelector(SELECTORS.replyPage) });
    return {
      ticketId: ticket.id,
      subject: ticket.subject || undefined,
      requesterName: first?.name,
      ...found,
      ...(missing ? { missing } : {}),
    };
  },
  insert: (doc, text) => insertInto(replyEditor(doc), text),
  remove: (doc, sentences) => removeFrom(replyEditor(doc), sentences),
  readReply: (doc) => replyText(replyEditor(doc)),
  replace: (doc, sentence, text) => replaceIn(replyEditor(doc), sentence, text),
};
