/** `portal:link`: only for a ticket open in this panel, a link is mailed to the customer the agent is helping. */
import { PortalLinkRequest } from '../protocol/events.js';
import type { PortalLinkAnswer } from '../protocol/portal.js';
import { AppError, parseInput } from '../errors.js';
import type { Logger } from '../log.js';
import { actorOf, handle, type PanelSocket } from './handle.js';

/** Mails a portal link to a customer's address on file, on behalf of `actor`; answers where it went. */
export type PortalLinks = (customerId: string, actor: string) => Promise<PortalLinkAnswer>;

export function registerPortalLinkHandlers(socket: PanelSocket, log: Logger, portalLink: PortalLinks) {
  socket.on(
    'portal:link',
    handle(log, socket, 'portal:link', async (payload) => {
      const { ticketId } = parseInput(PortalLinkRequest, payload);
      const ticket = socket.data.tickets.get(ticketId);
      if (!ticket)
        throw new AppError(
          'ticket_not_open',
          'a portal link is sent to the customer of a ticket open in this panel; open the ticket first',
          404,
          ['ticketId'],
        );
      return portalLink(ticket.customerId, actorOf(socket));
    }),
  );
}
