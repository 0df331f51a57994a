/**
 * The socket.io contract between side panels and the server, namespace `/panel`.
 * Every client-to-server event takes `(payload, ack)`; payloads are parsed with these schemas on
 * arrival, since types alone check nothing at run time.
 */
import { z } from 'zod';
import { AssistView, Suggestion, type TicketRef } from './assist.js';
import { TicketId } from './domain.js';
import type { ErrorBody } from '../errors.js';
import type { PauseLinkAnswer, PortalLinkAnswer } from './portal.js';
import type { AdapterMiss } from './adapters.js';
import type { CustomerNotesSetting } from './api.js';
import type { PrivacyRequest, RequestOptOut } from './requests.js';
import type { FlagKind, FlagOutcome, ReplyCheck, ReplyCheckRequest } from './coach.js';

export const PANEL_NAMESPACE = '/panel';

export const TicketClose = z.strictObject({ ticketId: TicketId });
export type TicketClose = z.infer<typeof TicketClose>;
/** A privacy-portal link for the customer of a ticket open in this panel (the same `{ ticketId }`). */
export const PortalLinkRequest = TicketClose;
/** The privacy requests held in a ticket open in this panel (the same `{ ticketId }`). */
export const TicketRequestsRequest = TicketClose;
/** A one-click pause link for the customer of a ticket open in this panel (the same `{ ticketId }`). */
export const PauseLinkRequest = TicketClose;

/** What changed, in words an agent reads at a glance; `at` is when it took effect. */
export const Notice = z.strictObject({
  kind: z.enum([
    'consent.granted',
    'consent.withdrawn',
    'customer.opted_out',
    'customer.opted_in',
    'customer.gpc',
    'fact.erased',
    'customer.erased',
    'facts.changed',
    'articles.changed',
  ]),
  text: z.string(),
  at: z.string(),
});
export type Notice = z.infer<typeof Notice>;

export const AssistUpdate = z.strictObject({ view: AssistView, notice: Notice });
export type AssistUpdate = z.infer<typeof AssistUpdate>;

/**
 * What the agent did with a suggestion, kept for the team lead: inserted as-is, copied, edited
 * (with the text as inserted), dismissed, or rated. The server looks the suggestion up among those
 * it showed this socket, so a panel cannot report on suggestions it never had.
 */
const OutcomeBase = { ticketId: TicketId, suggestionId: z.string().min(1).max(200) };
export const SuggestionOutcome = z.discriminatedUnion('action', [
  z.strictObject({ ...OutcomeBase, action: z.enum(['inserted', 'copied', 'dismissed']) }),
  z.strictObject({ ...OutcomeBase, action: z.literal('edited'), text: z.string().min(1).max(20_000) }),
  z.strictObject({
    ...OutcomeBase,
    action: z.literal('rated'),
    rating: z.enum(['up', 'down']),
    reason: z.string().max(500).optional(),
  }),
]);
export type SuggestionOutcome = z.infer<typeof SuggestionOutcome>;

/** `reply:notes`: the customer's notes for a suggestion shown on a ticket open in this panel. */
export const ReplyNotesRequest = z.strictObject({ ticketId: TicketId, suggestionId: z.string().min(1).max(200) });
export type ReplyNotesRequest = z.infer<typeof ReplyNotesRequest>;
/** `notes:setting` takes nothing. */
export const NotesSettingRequest = z.strictObject({});

/** One note per footnote of the reply (its marker and the note in plain words), and the line after them. */
export interface ReplyNotes {
  notes: { marker: number; text: string }[];
  footer: string;
}

export type Ack<T> = (answer: { ok: true; data: T } | { ok: false; error: ErrorBody }) => void;

export interface ClientToServerEvents {
  /** Open (or refresh, with a longer conversation) a ticket; the answer is its assist view. */
  'ticket:open': (payload: z.input<typeof TicketRef>, ack: Ack<AssistView>) => void;
  'ticket:close': (payload: TicketClose, ack: Ack<null>) => void;
  'suggestion:outcome': (payload: SuggestionOutcome, ack: Ack<null>) => void;
  /** A single-use link to the ticket's customer's privacy portal, for the agent to put in the reply. */
  'portal:link': (payload: TicketClose, ack: Ack<PortalLinkAnswer>) => void;
  /**
   * A link that pauses the personalisation of support for the ticket's customer, for the agent to put in the reply;
   * nothing is sent or stored.
   */
  'pause:link': (payload: TicketClose, ack: Ack<PauseLinkAnswer>) => void;
  /** The privacy requests the customer made in a ticket open in this panel, for its card. */
  'ticket:requests': (payload: TicketClose, ack: Ack<PrivacyRequest[]>) => void;
  /**
   * Records at once the opt-out the customer asked for in a ticket open in this panel, the ticket as evidence, and
   * answers the request, fulfilled. Access, erasure and correction are the customer's own acts, in the portal.
   */
  'request:opt-out': (payload: RequestOptOut, ack: Ack<PrivacyRequest>) => void;
  /** A helpdesk adapter did not find a field on a ticket page: counted per adapter, field and day. */
  'adapter:miss': (payload: AdapterMiss, ack: Ack<null>) => void;
  /** Whether the lead has customer notes offered, and ticked by default. */
  'notes:setting': (payload: z.input<typeof NotesSettingRequest>, ack: Ack<CustomerNotesSetting>) => void;
  /**
   * Notes the customer can read, for a reply built on a suggestion this panel was shown: written from the lead's
   * templates, checked against the customer's consents now, with a fresh pause link in the last line.
   */
  'reply:notes': (payload: ReplyNotesRequest, ack: Ack<ReplyNotes>) => void;
  /** The agent's reply, before they send it: flags per sentence (a ticket open in this panel; capped per hour). */
  'reply:check': (payload: ReplyCheckRequest, ack: Ack<ReplyCheck>) => void;
  /** What the agent did with a flag this panel was given: counted for the team lead. */
  'reply:flag': (payload: FlagOutcome, ack: Ack<null>) => void;
}

export const SuggestionReady = z.strictObject({ ticketId: z.string(), suggestion: Suggestion });
export type SuggestionReady = z.infer<typeof SuggestionReady>;

export interface ServerToClientEvents {
  /** Pushed, unasked, when a change to the customer alters what the panel may show. */
  'assist:updated': (update: AssistUpdate) => void;
  /** While a model writes (the `ticket:open` answer said `pending`): one suggestion, already guarded. */
  'assist:suggestion': (ready: SuggestionReady) => void;
  /** The model is done: the final view (its suggestions, or the offline ones and a note saying why). */
  'assist:complete': (view: AssistView) => void;
}

export interface SocketData {
  tokenId: string;
  role: 'agent' | 'lead' | 'admin';
  tickets: Map<
    string,
    { customerId: string; conversation: TicketRef['conversation']; agentName?: string | undefined; last?: AssistView }
  >;
  /**
   * Every suggestion shown on this socket, by ticket and id, until its ticket is closed: what an outcome may refer to.
   */
  shown: Map<string, { ticketId: string; customerId: string; engine: AssistView['engine']; suggestion: Suggestion }>;
  /** Flags of reply checks not yet applied or ignored, by id, until their ticket is closed. */
  flags: Map<string, { ticketId: string; kind: FlagKind }>;
}
