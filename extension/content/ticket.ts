/**
 * What the panel asks of a helpdesk page, given the adapter that reads it: the open ticket, an insert into the reply
 * box, taking sentences back out, the reply's text and replacing one of its sentences. The content script runs these
 * in the helpdesk tab; the /demo preview runs them on the demo page it sits in. Neither ever sends, submits or clicks
 * anything.
 */
import type { InsertResult, RemoveResult, ReplaceResult, ReplyRead, TicketSnapshot } from '../shared/messages.js';
import { emailsOn } from './emails.js';
import type { HelpdeskAdapter } from './adapters/types.js';

/** The protocol's limits (`TicketRef`): a longer thread keeps its latest messages, a longer message its start. */
const MAX_MESSAGES = 500;
const MAX_TEXT = 20_000;

export async function snapshotOf(doc: Document, adapter: HelpdeskAdapter | null): Promise<TicketSnapshot | null> {
  const read = await adapter?.read(doc).catch(() => null); // an unreadable page shows no ticket
  if (!adapter || !read) return null;
  // Only when the agent will need to tell Candor who the customer is (manual mode opens with these).
  const lost = read.missing?.some((f) => f === 'requester' || f === 'conversation');
  return {
    ...read,
    ...(lost ? { pageEmails: emailsOn(doc) } : {}),
    adapter: adapter.id,
    conversation: read.conversation.slice(-MAX_MESSAGES).map((m) => ({ ...m, text: m.text.slice(0, MAX_TEXT) })),
  };
}

export async function insertWith(doc: Document, adapter: HelpdeskAdapter | null, text: string): Promise<InsertResult> {
  return adapter ? adapter.insert(doc, text) : { ok: false, reason: 'box_no_helpdesk' };
}

export async function removeWith(
  doc: Document,
  adapter: HelpdeskAdapter | null,
  sentences: string[],
): Promise<RemoveResult> {
  if (adapter) return adapter.remove(doc, sentences);
  return { removed: [], left: sentences.map((sentence) => ({ sentence, reason: 'box_no_helpdesk' as const })) };
}

export const readReplyWith = (doc: Document, adapter: HelpdeskAdapter | null): ReplyRead =>
  adapter ? adapter.readReply(doc) : { ok: false, reason: 'box_no_helpdesk' };

export async function replaceWith(
  doc: Document,
  adapter: HelpdeskAdapter | null,
  sentence: string,
  text: string,
): Promise<ReplaceResult> {
  return adapter ? adapter.replace(doc, sentence, text) : { ok: false, reason: 'box_no_helpdesk' };
}
