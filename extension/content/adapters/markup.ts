/**
 * Most helpdesks differ only in where things are on the page: an adapter is a description of its
 * markup (`HelpdeskMarkup`), and this file reads any such description. Selectors are matched in
 * the agent's document; each adapter's file says which of its selectors are assumptions. A
 * selector ending in `@name` reads that attribute of the element instead of its text.
 */
import type { Message } from '../../../server/protocol/domain.js';
import type { AdapterId } from '../../shared/messages.js';
import { insertInto } from './insert.js';
import type { HelpdeskAdapter } from './types.js';

export interface HelpdeskMarkup {
  id: AdapterId;
  name: string;
  hosts: readonly string[];
  /** An element only this helpdesk's agent UI has. */
  signature: string;
  /** The open ticket's id: from the app's own URL when it has one there, else from an element. */
  ticketIdInPath?: RegExp;
  ticketId?: string;
  subject: string;
  /** An element whose `value`, `mailto:` link or text is the requester's e-mail. */
  requesterEmail: string;
  requesterName?: string;
  agentName?: string;
  /** One message of the conversation, oldest first, and its text within it. */
  message: string;
  messageBody: string;
  /** Matched against a message element: true when the customer wrote it. */
  fromCustomer: string;
  /** The reply editor: a textarea, or a contenteditable root. */
  editor: string;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function textOf(el: Element | null, attribute?: string): string {
  if (!el) return '';
  if (attribute) return clean(el.getAttribute(attribute));
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return clean(el.value);
  const href = el.getAttribute('href');
  if (href?.startsWith('mailto:')) return clean(decodeURIComponent(href.slice('mailto:'.length).split('?')[0]!));
  return clean(el.textContent);
}

/** The value a selector (optionally `selector@attribute`) points at in `root`. */
function pick(root: ParentNode, spec: string): string {
  const [selector, attribute] = spec.split(/@(?=[\w-]+$)/);
  return textOf(root.querySelector(selector!), attribute);
}

const optional = (s: string) => (s ? s : undefined);

export function adapterFor(m: HelpdeskMarkup): HelpdeskAdapter {
  const detect = (doc: Document) => doc.querySelector(m.signature) !== null;
  return {
    id: m.id,
    name: m.name,
    hosts: m.hosts,
    detect,
    read(doc) {
      if (!detect(doc)) return null;
      const fromPath = m.ticketIdInPath?.exec(doc.location.pathname)?.[1];
      const ticketId = fromPath ?? (m.ticketId ? pick(doc, m.ticketId).replace(/^#/, '') : '');
      if (!ticketId) return null;
      const conversation: Message[] = [...doc.querySelectorAll(m.message)]
        .map((el) => ({ role: el.matches(m.fromCustomer) ? ('customer' as const) : ('agent' as const), text: pick(el, m.messageBody) }))
        .filter((msg) => msg.text);
      const email = pick(doc, m.requesterEmail).replace(/^<|>$/g, '');
      return {
        ticketId,
        subject: optional(pick(doc, m.subject)),
        requesterEmail: email.includes('@') ? email : undefined,
        requesterName: m.requesterName ? optional(pick(doc, m.requesterName)) : undefined,
        agentName: m.agentName ? optional(pick(doc, m.agentName)) : undefined,
        conversation,
        canInsert: doc.querySelector(m.editor) !== null,
      };
    },
    insert: (doc, text) => insertInto(doc.querySelector(m.editor), text),
  };
}
