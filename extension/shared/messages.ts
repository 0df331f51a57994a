/**
 * Messages between the content script (in the helpdesk tab) and the side panel, over
 * `chrome.runtime` / `chrome.tabs`. Parsed on arrival like every other boundary: a helpdesk page
 * is not trusted input.
 */
import { z } from 'zod';
import { Message } from '../../server/protocol/domain.js';

/** `taught`: an adapter an agent taught Candor on the page (issue 17), kept per site. */
export const ADAPTER_IDS = ['demo', 'zendesk', 'freshdesk', 'helpscout', 'intercom', 'front', 'rt', 'taught'] as const;
export const AdapterId = z.enum(ADAPTER_IDS);
export type AdapterId = z.infer<typeof AdapterId>;

/** What an adapter reads from the open ticket; the panel turns it into a `TicketRef`. */
export const TicketSnapshot = z.strictObject({
  adapter: AdapterId,
  ticketId: z.string().min(1).max(200),
  subject: z.string().max(1000).optional(),
  /** The requester's e-mail as the helpdesk shows it: how Candor finds the customer. */
  requesterEmail: z.string().max(320).optional(),
  requesterName: z.string().max(200).optional(),
  /** The signed-in agent's name, when the page shows it (masked before any model call). */
  agentName: z.string().max(200).optional(),
  conversation: z.array(Message).max(500),
  /** Whether a reply editor is on the page now (Insert is offered only then). */
  canInsert: z.boolean(),
});
export type TicketSnapshot = z.infer<typeof TicketSnapshot>;

export const InsertResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), how: z.enum(['textarea', 'contenteditable', 'editor-api']) }),
  z.strictObject({ ok: z.literal(false), reason: z.string() }),
]);
export type InsertResult = z.infer<typeof InsertResult>;

/** Panel → content script (`chrome.tabs.sendMessage`). */
export const ToContent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('candor:read') }),
  z.strictObject({ type: z.literal('candor:insert'), text: z.string().min(1).max(20_000) }),
]);
export type ToContent = z.infer<typeof ToContent>;

/** Content script → panel (`chrome.runtime.sendMessage`), sent whenever the ticket on the page changes. */
export const FromContent = z.strictObject({
  type: z.literal('candor:ticket'),
  /** Null when the page shows no ticket (an inbox, a search page). */
  ticket: TicketSnapshot.nullable(),
});
export type FromContent = z.infer<typeof FromContent>;
