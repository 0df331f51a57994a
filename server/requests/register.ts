/**
 * From a ticket to the register, and from the customer's act in the portal to a fulfilled request. Candor never
 * erases or exports on an agent's word: a request is fulfilled only by what the customer does (or, for a correction,
 * an admin) and each step commits with its audit entry (store/requests.ts).
 */
import type { Message } from '../protocol/domain.js';
import type { DeadlineRule, PrivacyRequest, RequestKind } from '../protocol/requests.js';
import type { ChangeMeta, Store } from '../store/types.js';
import { detectRequests } from './detect.js';
import { dueAt } from './deadline.js';

export interface TicketSeen {
  ticketId: string;
  customerId: string;
  conversation: readonly Message[];
}

/**
 * Registers each request the customer's messages hold (the earliest message that asks, per kind), due by the rule;
 * answers every request of the ticket. A message's own time counts from when it arrived, never later than now.
 */
export async function receiveFromTicket(
  store: Store,
  rule: DeadlineRule,
  ticket: TicketSeen,
  meta: ChangeMeta,
  now = new Date(),
): Promise<PrivacyRequest[]> {
  const asked = new Map<RequestKind, { lang: PrivacyRequest['lang']; receivedAt: string }>();
  for (const m of ticket.conversation) {
    if (m.role !== 'customer') continue;
    const at = m.at && Date.parse(m.at) < now.getTime() ? new Date(m.at) : now;
    for (const hit of detectRequests(m.text))
      if (!asked.has(hit.kind)) asked.set(hit.kind, { lang: hit.lang, receivedAt: at.toISOString() });
  }
  for (const [kind, { lang, receivedAt }] of asked)
    await store.requests.receive(
      {
        kind,
        lang,
        receivedAt,
        dueAt: dueAt(receivedAt, rule),
        rule,
        ticketId: ticket.ticketId,
        customerId: ticket.customerId,
      },
      { ...meta, ticketId: ticket.ticketId },
    );
  return asked.size ? store.requests.ofTicket(ticket.ticketId) : [];
}

/** What the customer did (or asked an agent to record, for an opt-out), and which requests it fulfils. */
export const FULFILLING_ACTS = {
  export: { kinds: ['access'], how: 'The customer downloaded their data in the privacy portal.' },
  erasure: { kinds: ['erasure'], how: 'The customer confirmed the erasure in the privacy portal.' },
  opt_out: { kinds: ['opt_out'], how: 'The customer opted out in the privacy portal.' },
  withdrawal: { kinds: ['opt_out'], how: 'The customer withdrew a consent in the privacy portal.' },
  pause: { kinds: ['opt_out'], how: 'The customer paused personalisation with a pause link.' },
  ticket_opt_out: { kinds: ['opt_out'], how: 'An agent recorded the opt-out the customer asked for in the ticket.' },
} as const satisfies Record<string, { kinds: readonly RequestKind[]; how: string }>;
export type FulfillingAct = keyof typeof FULFILLING_ACTS;

export function fulfilledBy(store: Store, customerId: string, act: FulfillingAct, meta: ChangeMeta, now = new Date()) {
  const { kinds, how } = FULFILLING_ACTS[act];
  return store.requests.fulfil(customerId, kinds, how, now.toISOString(), meta);
}
