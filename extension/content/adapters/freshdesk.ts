/**
 * Freshdesk (agent UI at `/a/tickets/123`, documented URL). The reply editor is Froala
 * (`.fr-element.fr-view`, Froala's documented classes), a contenteditable that copies its HTML
 * into a hidden textarea on input. The ticket markup selectors are ASSUMPTIONS.
 */
import { adapterFor } from './markup.js';

export const freshdesk = adapterFor({
  id: 'freshdesk',
  name: 'Freshdesk',
  hosts: ['https://*.freshdesk.com/*'],
  signature: '#ticket-details-page', // assumption
  ticketIdInPath: /\/a\/tickets\/(\d+)/,
  subject: '.ticket-subject-heading', // assumption
  requesterEmail: '.requester-info a[href^="mailto:"]', // assumption
  requesterName: '.requester-info .requester-name', // assumption
  message: '.conversation-item', // assumption
  messageBody: '.conversation-text', // assumption
  fromCustomer: '.conversation-item--incoming', // assumption
  editor: '.reply-editor .fr-element.fr-view[contenteditable="true"]', // wrapper: assumption
});
