/** Candor's own demo helpdesk (`/demo`). Its markup is ours, so nothing here is an assumption. */
import { adapterFor } from './markup.js';

export const demo = adapterFor({
  id: 'demo',
  name: 'Candor demo helpdesk',
  hosts: [], // served by the Candor server, which the panel already has access to
  signature: 'body > .layout > #ticket-pane',
  ticketId: 'article#ticket@data-candor-ticket-id',
  subject: '#ticket-subject',
  requesterEmail: 'article#ticket@data-requester-email',
  requesterName: '#ticket-requester-name',
  message: '#messages > li[data-role]',
  messageBody: '.message-text',
  fromCustomer: '[data-role="customer"]',
  editor: 'form#reply-form textarea#reply',
});
