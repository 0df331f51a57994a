/**
 * `ticket:requests` and `request:opt-out`: the privacy requests of a ticket open in this panel, for its card, and the
 * one step an agent may take on the customer's word — recording the opt-out asked for, the ticket as evidence. Candor
 * never erases or exports on an agent's word: those are the customer's acts, in the portal (`portal:link`).
 */
import { TicketRequestsRequest } from '../protocol/events.js';
import { RequestOptOut } from '../protocol/requests.js';
import { AppError, parseInput } from '../errors.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import type { Changer } from '../privacy/changes.js';
import { fulfilledBy } from '../requests/register.js';
import { actorOf, handle, type PanelSocket } from './handle.js';
import { customerOfOpenTicket } from './portal-links.js';

export interface PanelRequestDeps {
  store: Store;
  log: Logger;
  /**
   * The one opt-out path (privacy/changes.ts, `recordFlag` through `pausePersonalisation`, which records nothing for a
   * customer opted out already): commits with its audit entry, then reaches the panels.
   */
  optOut(customerId: string, who: Changer): Promise<unknown>;
}

export function registerRequestHandlers(socket: PanelSocket, deps: PanelRequestDeps) {
  socket.on(
    'ticket:requests',
    handle(deps.log, socket, 'ticket:requests', async (payload) => {
      const { ticketId } = parseInput(TicketRequestsRequest, payload);
      customerOfOpenTicket(socket, ticketId);
      return deps.store.requests.ofTicket(ticketId);
    }),
  );
  socket.on(
    'request:opt-out',
    handle(deps.log, socket, 'request:opt-out', async (payload) => {
      const { ticketId, requestId } = parseInput(RequestOptOut, payload);
      const customerId = customerOfOpenTicket(socket, ticketId);
      const request = (await deps.store.requests.ofTicket(ticketId)).find((r) => r.id === requestId);
      if (request?.kind !== 'opt_out')
        throw new AppError('not_found', 'requestId: no opt-out request of this ticket has that id', 404, ['requestId']);
      if (request.status !== 'open')
        throw new AppError('request_closed', `requestId: this request is already ${request.status}`, 409, [
          'requestId',
        ]);
      const meta = { actor: actorOf(socket), channel: 'panel', ticketId };
      await deps.optOut(customerId, { ...meta, principal: socket.data.role });
      const done = await fulfilledBy(deps.store, customerId, 'ticket_opt_out', meta);
      return done.find((r) => r.id === requestId) ?? (await deps.store.requests.get(requestId)) ?? request;
    }),
  );
}
