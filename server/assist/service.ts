/**
 * The assist as the server offers it: find the ticket's customer, read their snapshot, run the one
 * `assist` path, and write the audit entries that say which consents the view relied on.
 */
import type { AssistView, TicketRef } from '../protocol/assist.js';
import type { CustomerSnapshot, Store } from '../store/types.js';
import type { AuditDraft } from '../audit/chain.js';
import type { Logger } from '../log.js';
import { AppError } from '../http/errors.js';
import { assist, type AssistSettings } from './assist.js';

export interface AssistDeps {
  store: Store;
  settings: AssistSettings;
  log: Logger;
  now?: () => number;
}

export async function resolveCustomerId(store: Store, ref: Pick<TicketRef, 'customerId' | 'requesterEmail'>): Promise<string> {
  const customer = ref.customerId ? await store.customers.get(ref.customerId) : await store.customers.findByEmail(ref.requesterEmail!);
  if (!customer) {
    const field = ref.customerId ? 'customerId' : 'requesterEmail';
    throw new AppError('customer_not_found', `no Candor customer matches this ticket's ${field}`, 404, [field]);
  }
  return customer.id;
}

export interface OpenTicket {
  ticketId: string;
  customerId: string;
  conversation: TicketRef['conversation'];
}

/** A ticket's view from a snapshot already read, and the audit entries that record it. Pure. */
export function viewFor(deps: AssistDeps, snap: CustomerSnapshot, ticket: OpenTicket, actor: string): { view: AssistView; audit: AuditDraft[] } {
  const now = deps.now?.() ?? Date.now();
  const result = assist(ticket.ticketId, { ...snap, conversation: ticket.conversation, now }, deps.settings);
  for (const r of result.rejected) {
    deps.log.warn('suggestion dropped by guard', { ticketId: ticket.ticketId, template: r.templateId, factIds: r.factIds, codes: r.violations.map((v) => v.code) });
  }
  const { context, suggestions } = result.view;
  const audit: AuditDraft[] = [
    {
      kind: 'context.viewed',
      actor,
      customerId: ticket.customerId,
      payload: {
        ticketId: ticket.ticketId,
        shownFactIds: context.shown.map((f) => f.factId),
        consentIds: [...new Set(context.shown.map((f) => f.consentId))],
        withheld: context.withheld.map(({ category, reason, count }) => ({ category, reason, count })),
        omitted: context.omitted,
      },
    },
    {
      kind: 'suggestions.shown',
      actor,
      customerId: ticket.customerId,
      payload: {
        ticketId: ticket.ticketId,
        suggestions: suggestions.map((s) => ({ id: s.id, template: s.template, factIds: s.footnotes.flatMap((f) => f.factIds), consentIds: [...new Set(s.footnotes.map((f) => f.consentId))] })),
        dropped: result.rejected.map((r) => ({ template: r.templateId, codes: r.violations.map((v) => v.code) })),
      },
    },
  ];
  return { view: result.view, audit };
}

/** Reads the customer, builds the view, and records it in the audit log before returning it. */
export async function assistFor(deps: AssistDeps, ticket: OpenTicket, actor: string): Promise<AssistView> {
  const snap = await deps.store.customers.snapshot(ticket.customerId);
  if (!snap) throw new AppError('customer_not_found', 'the customer was removed', 404, ['customerId']);
  const { view, audit } = viewFor(deps, snap, ticket, actor);
  await deps.store.audit.append(audit);
  return view;
}
