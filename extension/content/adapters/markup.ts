/**
 * Helpdesks differ mostly in where things are on the page, so an adapter is a description of its
 * markup (`Selectors`) and this file reads any such description. Everything about a ticket is read
 * inside the open ticket's container: agent UIs keep other tickets mounted in the background
 * (Zendesk does), and showing one customer's details beside another's ticket is the one mistake a
 * privacy tool must not make.
 */
import type { Message } from '../../../server/protocol/domain.js';
import type { AdapterId } from '../../shared/messages.js';
import type { LostField } from '../../../server/protocol/adapters.js';
import { insertInto } from './insert.js';
import { removeFrom } from './remove.js';
import { replaceIn } from './replace.js';
import { replyText } from './reply.js';
import type { HelpdeskAdapter } from './types.js';

/** CSS selectors (lists allowed); `selector@name` reads the attribute `name` instead of the text. */
export interface Selectors {
  /** Only this helpdesk's agent UI has it, on ticket and list pages alike. */
  app: string;
  /** The open ticket's container, absent when none is open; `{id}` stands for the id in the app's URL. */
  ticket: string;
  /** Where the ticket id is, when the app's URL does not carry it. */
  ticketId?: string;
  /** Optional only for taught adapters (an agent may skip it); the hosted helpdesks all have one. */
  subject?: string | undefined;
  /** Holds the requester's e-mail as a `mailto:` link, a field's value or text. */
  requesterEmail: string;
  requesterName?: string | undefined;
  /** One message of the conversation, oldest first, and its text inside it. */
  message: string;
  messageText: string;
  /** Matched against a message: the customer wrote it (anything else is from the helpdesk's side). */
  fromCustomer: string;
  /** Matched against a message: not said to the customer (internal notes, system events). */
  notConversation?: string;
  /** The reply editor: a textarea or a contenteditable root. */
  editor: string;
}

export interface HelpdeskMarkup {
  id: AdapterId;
  name: string;
  hosts: readonly string[];
  /** The ticket id in the app's own URL path, where it has one. */
  idInPath?: RegExp;
  /**
   * With no id in the path or on the page: the page's address (path and query) stands for the ticket (taught adapters).
   */
  idFromAddress?: boolean;
  selectors: Selectors;
  /** Put the reply in the paste as HTML too (CKEditor 5; see insert.ts). */
  pasteHtml?: boolean;
  /**
   * The reply box opens only when the agent clicks Reply, so a ticket without one is not a sign that
   * the markup changed: no `replyBox` miss is counted (Insert is simply off until it is open).
   */
  replyOnDemand?: boolean;
  /** Why the adapter is experimental (shown in Options), when nothing current corroborates its markup. */
  experimental?: string;
  /** Where else the requester's e-mail is when the page does not show it (the helpdesk's own API, same origin). */
  emailElsewhere?: (doc: Document, ticketId: string) => Promise<string | undefined>;
}

export const EMAIL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)+/;

export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Line breaks kept (they are part of what the customer wrote), spacing and blank lines squeezed. */
export const paragraphs = (s: string) =>
  s
    .split('\n')
    .map(oneLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** The element (`root` itself included) and attribute a `selector@attribute` spec points at. */
function find(root: Element, spec: string): { el: Element | null; attribute?: string } {
  const [selector, attribute] = spec.split(/@(?=[\w-]+$)/) as [string, string?];
  return { el: root.matches(selector) ? root : root.querySelector(selector), attribute };
}

/** As the agent sees it: `innerText` leaves out collapsed quotes and keeps `<br>`s as line breaks. */
function textOf(el: Element | null, attribute?: string): string {
  if (!el) return '';
  if (attribute) return el.getAttribute(attribute) ?? '';
  // The page's own classes: the /demo preview reads its helpdesk from a frame, another realm.
  const win = el.ownerDocument.defaultView ?? window;
  if (el instanceof win.HTMLInputElement || el instanceof win.HTMLTextAreaElement) return el.value;
  return el instanceof win.HTMLElement ? el.innerText : (el.textContent ?? '');
}

const valueAt = (root: Element, spec: string | undefined) => {
  if (!spec) return '';
  const { el, attribute } = find(root, spec);
  return oneLine(textOf(el, attribute));
};

function emailAt(root: Element, spec: string): string | undefined {
  const { el, attribute } = find(root, spec);
  const mailto = el?.getAttribute('href')?.match(/^mailto:([^?]+)/i)?.[1];
  return EMAIL.exec(mailto ? decodeURIComponent(mailto) : textOf(el, attribute))?.[0];
}

function timeOf(message: Element): string | undefined {
  const when = Date.parse(message.querySelector('time[datetime]')?.getAttribute('datetime') ?? '');
  return Number.isNaN(when) ? undefined : new Date(when).toISOString();
}

function messageOf(el: Element, s: Selectors): Message {
  const at = timeOf(el);
  return {
    role: el.matches(s.fromCustomer) ? 'customer' : 'agent',
    text: paragraphs(textOf(el.querySelector(s.messageText))),
    ...(at ? { at } : {}),
  };
}

/**
 * Oldest first. Some helpdesks can show the newest message on top; when every message has its time,
 * that decides the order rather than the page.
 */
function conversationIn(root: Element, s: Selectors): Message[] {
  const messages = [...root.querySelectorAll(s.message)]
    .filter((el) => !(s.notConversation && el.matches(s.notConversation)))
    .map((el) => messageOf(el, s))
    .filter((m) => m.text);
  return messages.every((m) => m.at) ? messages.sort((a, b) => a.at!.localeCompare(b.at!)) : messages;
}

/** Helpdesks often show the number beside the subject ("Blender broke (T-1001)"). */
const withoutId = (subject: string, id: string) => subject.replace(` (${id})`, '').replace(`#${id} `, '');

const orUndefined = (s: string) => s || undefined;

/**
 * What a ticket page always has and this reading did not find: a requester's e-mail, a conversation
 * (some message with text) and a reply box. Any of them absent on a recognised ticket means the
 * helpdesk's markup no longer matches the adapter's selectors.
 */
export function lostFields(found: {
  requesterEmail?: string | undefined;
  conversation: unknown[];
  canInsert: boolean;
}) {
  const missing: LostField[] = [];
  if (!found.requesterEmail) missing.push('requester');
  if (!found.conversation.length) missing.push('conversation');
  if (!found.canInsert) missing.push('replyBox');
  return missing.length ? { missing } : {};
}

export function adapterFor(markup: HelpdeskMarkup): HelpdeskAdapter {
  const { id, name, hosts, idInPath, idFromAddress, selectors: s } = markup;
  const { pasteHtml, experimental, emailElsewhere, replyOnDemand } = markup;
  const detect = (doc: Document) => doc.querySelector(s.app) !== null;

  function openTicket(doc: Document): { root: Element; ticketId: string } | null {
    if (!detect(doc)) return null;
    const address = idFromAddress ? `${doc.location.pathname}${doc.location.search}`.slice(0, 200) : undefined;
    const fromPath = idInPath?.exec(doc.location.pathname)?.[1] ?? address;
    if (s.ticket.includes('{id}') && !fromPath) return null;
    const root = doc.querySelector(s.ticket.replaceAll('{id}', CSS.escape(fromPath ?? '')));
    const ticketId = fromPath ?? (root && s.ticketId ? valueAt(root, s.ticketId) : '');
    return root && ticketId ? { root, ticketId } : null;
  }

  const editorOf = (doc: Document) => openTicket(doc)?.root.querySelector(s.editor) ?? null;

  return {
    id,
    name,
    hosts,
    ...(experimental ? { experimental } : {}),
    detect,
    async read(doc) {
      const open = openTicket(doc);
      if (!open) {
        // The app's address names a ticket, yet its container is gone: the adapter is lost, not the ticket.
        const fromPath = detect(doc) ? idInPath?.exec(doc.location.pathname)?.[1] : undefined;
        const none = { conversation: [], canInsert: false };
        return fromPath ? { ticketId: fromPath, ...none, ...lostFields(none) } : null;
      }
      const { root, ticketId } = open;
      const found = {
        requesterEmail: emailAt(root, s.requesterEmail) ?? (await emailElsewhere?.(doc, ticketId)),
        conversation: conversationIn(root, s),
        canInsert: root.querySelector(s.editor) !== null,
      };
      return {
        ticketId,
        subject: orUndefined(withoutId(valueAt(root, s.subject), ticketId)),
        requesterName: orUndefined(valueAt(root, s.requesterName)),
        ...found,
        // A reply box that opens on demand is "found" for this question.
        ...lostFields({ ...found, canInsert: found.canInsert || replyOnDemand === true }),
      };
    },
    insert: (doc, text) => insertInto(editorOf(doc), text, { html: pasteHtml === true }),
    remove: (doc, sentences) => removeFrom(editorOf(doc), sentences),
    readReply: (doc) => replyText(editorOf(doc)),
    replace: (doc, sentence, text) => replaceIn(editorOf(doc), sentence, text, { html: pasteHtml === true }),
  };
}
