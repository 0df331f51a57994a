/**
 * Opening a ticket for a panel that stays open: the customer's data may change while the view is
 * being made (its push may even reach the panel first), so the view is checked against the data as
 * it then stands before it is shown. With a model, the context is answered at once and each
 * guarded suggestion streams while nothing has changed; the final view is checked again.
 */
import type { AssistView, Suggestion } from '../protocol/assist.js';
import { AppError } from '../errors.js';
import { viewOf } from './assist.js';
import { refreshOf, refreshTicket, type AssistDeps, type Opened, type OpenTicket } from './service.js';

export interface Watched {
  /** What to answer now: the whole view (offline), or the context while a model writes (`pending`). */
  now: AssistView;
  /** With a model: the final view, once it is done and checked. */
  later: Promise<AssistView> | null;
}

/**
 * Finishes an opened ticket (`openTicket`) for a watching panel; `unchanged` says whether the customer's data is as it
 * was when the ticket was opened.
 */
export async function watch(
  deps: AssistDeps,
  opened: Opened,
  ticket: OpenTicket,
  actor: string,
  o: { unchanged(): boolean; onSuggestion(s: Suggestion): void },
): Promise<Watched> {
  const current = async (view: AssistView) => {
    if (o.unchanged()) return view;
    const snap = await deps.store.customers.snapshot(ticket.customerId);
    if (!snap) throw new AppError('customer_not_found', 'the customer was removed', 404, ['customerId']);
    const fresh = await refreshTicket(deps, refreshOf(deps, snap), ticket, view, actor);
    await deps.store.audit.append(fresh.audit);
    return fresh.view;
  };
  if (deps.engine.name === 'offline') return { now: await current(await opened.finish()), later: null };
  const later = opened.finish((s) => o.unchanged() && o.onSuggestion(s)).then(current);
  return {
    now: viewOf(
      ticket.ticketId,
      opened.ctx,
      { suggestions: [], rejected: [], engine: deps.engine.name, note: null },
      true,
    ),
    later,
  };
}
