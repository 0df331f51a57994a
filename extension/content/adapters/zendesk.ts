/**
 * Zendesk Agent Workspace. The ticket id is in the app's URL (`/agent/tickets/123`), which is
 * documented. Zendesk marks its UI with `data-test-id` attributes; the names below are
 * ASSUMPTIONS modelled on that convention, not checked against a live instance. The composer is
 * a CKEditor 5 rich-text editor (`.ck-editor__editable`, CKEditor's documented class): a
 * model-driven editor that takes text only through input events.
 */
import { adapterFor } from './markup.js';

export const zendesk = adapterFor({
  id: 'zendesk',
  name: 'Zendesk Agent Workspace',
  hosts: ['https://*.zendesk.com/*'],
  signature: '[data-test-id="omni-log-container"]', // assumption
  ticketIdInPath: /\/agent\/tickets\/(\d+)/,
  subject: '[data-test-id="omni-header-subject"]@value', // assumption
  requesterEmail: '[data-test-id="customer-context-email"]', // assumption
  requesterName: '[data-test-id="customer-context-name"]', // assumption
  agentName: '[data-test-id="header-profile-menu-button"]@aria-label', // assumption
  message: '[data-test-id="omni-log-comment-item"]', // assumption
  messageBody: '[data-test-id="omni-log-message-content"]', // assumption
  fromCustomer: '[data-author-role="end-user"]', // assumption
  editor: '[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable[contenteditable="true"]', // wrapper: assumption
});
