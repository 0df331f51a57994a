/**
 * Zendesk Agent Workspace (`https://<account>.zendesk.com/agent/tickets/<id>`). Zendesk marks its UI
 * with `data-test-id` attributes; the ones below are those public userscripts and extensions rely
 * on (README.md names them). The workspace keeps every open ticket's pane mounted, each under
 * `[data-ticket-id]`, so the ticket is read only inside the pane of the id in the URL. The composer
 * is CKEditor 5: it takes text into its own model from input events (a paste) and undoes DOM
 * changes it did not make.
 */
import { adapterFor, type Selectors } from './markup.js';

const selectors: Selectors = {
  // The ticket tab bar, a view's ticket table, a ticket's conversation log.
  app: '[data-test-id="header-tab"], [data-test-id="generic-table-body"], [data-test-id="omni-log-container"]',
  ticket: '[data-ticket-id="{id}"]',
  subject: '[data-test-id="omni-header-subject"]', // an <input>: its value is read
  // ASSUMPTION: that the customer context pane (which shows the e-mail) sits inside the ticket's pane.
  requesterEmail: '[data-test-id="customer-context-pane"]',
  requesterName: '[data-test-id="ticket-system-field-requester-select"] [data-garden-id="typography.ellipsis"]',
  message: 'article[data-test-id="omni-log-comment-item"]',
  messageText: '[data-test-id="omni-log-message-content"]',
  fromCustomer: ':has([data-test-id="omni-log-item-message"][type="end-user"])',
  notConversation: ':has([data-test-id="omni-log-internal-note-tag"])',
  editor:
    '.ck-editor__editable[contenteditable="true"]:is([data-test-id="omnicomposer-rich-text-ckeditor"], ' +
    '[data-test-id="omnicomposer-plain-text-ckeditor"])',
};

export const zendesk = adapterFor({
  id: 'zendesk',
  name: 'Zendesk Agent Workspace',
  hosts: ['https://*.zendesk.com/*'],
  idInPath: /^\/agent\/tickets\/(\d+)/,
  selectors,
});
