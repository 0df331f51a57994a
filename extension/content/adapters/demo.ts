/**
 * Candor's own demo helpdesk (`/demo`, server/demo/public): its markup is ours, so nothing here is
 * an assumption. The open ticket carries its id and requester e-mail as data attributes; each
 * message's text sits apart from its author-and-time line.
 */
import { adapterFor, type Selectors } from './markup.js';

const selectors: Selectors = {
  app: 'main#ticket-pane:has(form#reply-form)',
  ticket: 'article#ticket[data-candor-ticket-id]',
  ticketId: 'article#ticket@data-candor-ticket-id',
  subject: '#ticket-subject',
  requesterEmail: 'article#ticket@data-requester-email',
  requesterName: '#ticket-requester-name',
  message: '#messages > li[data-role]',
  messageText: '.message-text',
  fromCustomer: '[data-role="customer"]',
  editor: 'form#reply-form textarea#reply',
};

export const demo = adapterFor({
  id: 'demo',
  name: 'Candor demo helpdesk',
  hosts: [], // served by the Candor server, which the extension may already reach
  selectors,
});
