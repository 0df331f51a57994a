/**
 * Messages between the content script (in the helpdesk tab) and the side panel, over
 * `chrome.runtime` / `chrome.tabs`. Parsed on arrival like every other boundary: a helpdesk page
 * is not trusted input.
 */
import { z } from 'zod';
import { Message } from '../../server/protocol/domain.js';
import { AdapterId, LostField } from '../../server/protocol/adapters.js';
import { REPLY_TEXT_MAX } from '../../server/protocol/coach.js';
import type { MessageKey } from './i18n.js';

export { ADAPTER_IDS, AdapterId } from '../../server/protocol/adapters.js';

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
  /** What the recognised helpdesk's adapter looked for on this ticket page and did not find. */
  missing: z.array(LostField).max(3).optional(),
  /**
   * E-mail addresses visible on the page, offered to the agent in manual mode when the adapter lost
   * the requester or the conversation. They go only to the panel, never to the server.
   */
  pageEmails: z.array(z.string().max(320)).max(10).optional(),
});
export type TicketSnapshot = z.infer<typeof TicketSnapshot>;

/**
 * Why the page could not do something in the reply box, as a message of the catalogues: the content script bundles
 * none, the panel words it in the agent's language.
 */
export const BOX_REASONS = [
  'box_none',
  'box_no_helpdesk',
  'box_empty',
  'box_not_editable',
  'box_read_only',
  'box_no_text',
  'box_not_accepted',
  'box_partial',
  'box_refused_remove',
  'box_refused_change',
  'box_unexpected',
  'box_gone_inserted',
  'box_gone_sentence',
  'box_not_found_text',
  'box_not_selected',
  'box_not_tried',
  'page_no_answer',
] as const satisfies readonly MessageKey[];
export const BoxReason = z.enum(BOX_REASONS);
export type BoxReason = z.infer<typeof BoxReason>;

export const InsertResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), how: z.enum(['textarea', 'contenteditable', 'editor-api']) }),
  z.strictObject({ ok: z.literal(false), reason: BoxReason }),
]);
export type InsertResult = z.infer<typeof InsertResult>;

/** What `candor:remove` did: the sentences taken out of the reply, and those left there, each with why. */
export const RemoveResult = z.strictObject({
  removed: z.array(z.string()),
  left: z.array(z.strictObject({ sentence: z.string(), reason: BoxReason })),
});
export type RemoveResult = z.infer<typeof RemoveResult>;

/**
 * What `candor:read-reply` found: the reply box's plain text (what the agent would send), or why there is none. The
 * panel, not the page, holds it to the check's size cap, so an over-long reply is said so in words.
 */
export const ReplyRead = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), text: z.string().max(1_000_000) }),
  z.strictObject({ ok: z.literal(false), reason: BoxReason }),
]);
export type ReplyRead = z.infer<typeof ReplyRead>;

/** What `candor:replace` did with one sentence of the reply. */
export const ReplaceResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), reason: BoxReason }),
]);
export type ReplaceResult = z.infer<typeof ReplaceResult>;

/** Panel → content script (`chrome.tabs.sendMessage`). */
export const ToContent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('candor:read') }),
  z.strictObject({ type: z.literal('candor:insert'), text: z.string().min(1).max(20_000) }),
  /** Take these sentences, as inserted, out of the reply box (their data is no longer permitted). */
  z.strictObject({
    type: z.literal('candor:remove'),
    sentences: z.array(z.string().min(1).max(20_000)).min(1).max(50),
  }),
  /** The reply box's text, for the agent's "Check my reply". */
  z.strictObject({ type: z.literal('candor:read-reply') }),
  /** Put `text` where `sentence` is in the reply box (the agent applied the coach's rephrasing). */
  z.strictObject({
    type: z.literal('candor:replace'),
    sentence: z.string().min(1).max(REPLY_TEXT_MAX),
    text: z.string().min(1).max(REPLY_TEXT_MAX),
  }),
]);
export type ToContent = z.infer<typeof ToContent>;

/** Content script → panel (`chrome.runtime.sendMessage`), sent whenever the ticket on the page changes. */
export const FromContent = z.strictObject({
  type: z.literal('candor:ticket'),
  /** Null when the page shows no ticket (an inbox, a search page). */
  ticket: TicketSnapshot.nullable(),
});
export type FromContent = z.infer<typeof FromContent>;
