/**
 * Freshdesk (`https://<account>.freshdesk.com/a/tickets/<id>`, the URL Freshworks' developer docs
 * give). Conversation items carry `data-album` (a public Freshdesk userscript navigates by it). The
 * reply editor is Froala (`.fr-element.fr-view`, Froala's own classes): a contenteditable whose
 * DOM is the document, edited by the browser. The rest of the ticket markup is an ASSUMPTION,
 * unverified against a live account.
 */
import { adapterFor, type Selectors } from './markup.js';

const selectors: Selectors = {
  app: '[data-album]', // also on the ticket page only: list pages are not recognised
  ticket: 'body:has([data-album])', // one ticket per page
  subject: '.ticket-subject-heading', // ASSUMPTION
  requesterEmail: '.requester-info a[href^="mailto:"]', // ASSUMPTION
  requesterName: '.requester-info .requester-name', // ASSUMPTION
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
});
