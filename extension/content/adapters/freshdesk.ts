/**
 * Freshdesk (`https://<account>.freshdesk.com/a/tickets/<id>`, the URL Freshworks' developer docs
 * give). A ticket page has `#ticket-details`; the requester's details are in the contact widget's
 * `requester-info-contact-…` fields (public integrations read both). Conversation items carry
 * `data-album` (a 2019 userscript; nothing current confirms it) and their markup beyond that is an
 * ASSUMPTION. The reply editor is Froala (`.fr-element.fr-view`, Froala's own classes): its DOM is
 * the document; it may take a paste itself, on a timer of its own (see insert.ts).
 */
import { adapterFor, type Selectors } from './markup.js';

const selectors: Selectors = {
  app: '#ticket-details', // the ticket page only: list pages are not recognised
  ticket: 'body:has(#ticket-details)', // one ticket per page
  subject: '.ticket-subject-heading',
  requesterEmail: '[data-test-id="requester-info-contact-email"] .info-details-content',
  requesterName: '.requester-wrap [data-test-id="user-name"]',
  message: '[data-album]',
  messageText: '.ticket-details__item .fr-view', // ASSUMPTION: Froala's view class on the rendered message
  fromCustomer: '.conversation--incoming', // ASSUMPTION
  notConversation: '.conversation--private-note', // ASSUMPTION
  editor: '.fr-element.fr-view[contenteditable="true"]',
};

export const freshdesk = adapterFor({
  id: 'freshdesk',
  name: 'Freshdesk',
  hosts: ['https://*.freshdesk.com/*'],
  idInPath: /^\/a\/tickets\/(\d+)/,
  selectors,
  replyOnDemand: true, // the reply box opens on Reply
});
