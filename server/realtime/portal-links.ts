/**
 * `portal:link` and `pause:link`: links for the customer of a ticket open in this panel, and for no one else. A portal
 * link is mailed to the customer (it shows their data); a pause link is answered to the agent for the reply (all it
 * can do is stop the use of their data).
 */
import { PauseLinkRequest, PortalLinkRequest } from '../protocol/events.js';
import type { PauseLinkAnswer, PortalLinkAnswer } from '../protocol/portal.js';
import { AppError, parseInput } from '../errors.js';
import type { Logger } from '../log.js';
import { actorOf, handle, type PanelSocket } from './handle.js';

export interface PanelLinks {
  /** Mails a portal link to a customer's address on file, on behalf of `actor`; answers where it went. */
  portal(customerId: string, actor: string): Promise<PortalLinkAnswer>;
  /** Makes a one-click pause link for a customer. */
  pause(customerId: string): PauseLinkAnswer;
  /** Where a customer asks for their privacy page (a link to it is mailed to the address on file). */
  portalStart(): string;
}

/** The customer of a ticket open in this panel: links and requests are for them and no one else. */
export function customerOfOpenTicket(socket: PanelSocket, ticketId: string): string {
  const ticket = socket.data.tickets.get(ticketId);
  if (!ticket)
    throw new AppError(
      'ticket_not_open',
      'this is for the customer of a ticket open in this panel; open the ticket first',
      404,
      ['ticketId'],
    );
  return ticket.customerId;
}

export function registerLinkHandlers(socket: PanelSocket, log: Logger, links: PanelLinks) {
  socket.on(
    'portal:link',
    handle(log, socket, 'portal:link', async (payload) => {
      const { ticketId } = parseInput(PortalLinkRequest, payload);
      return links.portal(customerOfOpenTicket(socket, ticketId), actorOf(socket));
    }),
  );
  socket.on(
    'pause:link',
    handle(log, socket, 'pause:link', async (payload) => {
      const { ticketId } = parseInput(PauseLinkRequest, payload);
      return links.pause(customerOfOpenTicket(socket, ticketId));
    }),
  );
}
