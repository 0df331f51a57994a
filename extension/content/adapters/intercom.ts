/**
 * Intercom inbox (`/a/inbox/<app>/inbox/conversation/123`, documented URL shape). The composer is
 * a ProseMirror editor (`.ProseMirror`, ProseMirror's own class): the browser edits the DOM and
 * ProseMirror reads the change back. The other selectors are ASSUMPTIONS.
 */
import { adapterFor } from './markup.js';

export const intercom = adapterFor({
  id: 'intercom',
  name: 'Intercom inbox',
  hosts: ['https://app.intercom.com/*'],
  signature: '[data-testid="conversation-stream"]', // assumption
  ticketIdInPath: /\/conversations?\/(\d+)/,
  subject: '[data-testid="conversation-title"]', // assumption
  requesterEmail: '[data-testid="user-details"] [data-testid="user-email"]', // assumption
  requesterName: '[data-testid="user-details"] [data-testid="user-name"]', // assumption
  message: '[data-testid="conversation-part"]', // assumption
  messageBody: '[data-testid="conversation-part-body"]', // assumption
  fromCustomer: '[data-part-author="user"]', // assumption
  editor: '[data-testid="composer"] .ProseMirror[contenteditable="true"]', // wrapper: assumption
});
