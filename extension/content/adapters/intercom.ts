/**
 * Intercom inbox (`https://app.intercom.com/a/inbox/<workspace>/inbox/…/conversation/<id>`, the
 * shape of Intercom's own links). The composer is Intercom's ProseMirror editor
 * (`.embercom-prosemirror-composer-editor.ProseMirror`): the browser edits its DOM and ProseMirror
 * reads the change back, and it parses a paste into paragraphs. Parts, roles and the composer come
 * from public Intercom extensions (README.md); Intercom renames its classes now and then, and the
 * customer's details in the sidebar are ASSUMPTIONS.
 */
import { adapterFor, type Selectors } from './markup.js';

const selectors: Selectors = {
  app: '[data-intercom-target="inbox-header"], [data-conversation-stream]',
  ticket: 'body:has([data-conversation-stream])', // one conversation per page
  subject: '[data-inbox-conversation-header-title]',
  requesterEmail: '[data-intercom-target="inbox-right-nav"] [data-user-attribute="email"]', // ASSUMPTION
  requesterName: '[data-intercom-target="inbox-right-nav"] [data-user-attribute="name"]', // ASSUMPTION
  message: '[data-conversation-stream] [data-part-group-id]',
  messageText: '.intercom-interblocks',
  // 1 = user, 3 = teammate, 5 = bot, 20 = automated event
  fromCustomer: '[data-part-group-category="1"]',
  notConversation: '[data-part-group-category="20"], :has(.inbox2__note-part)',
  editor: '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]',
};

export const intercom = adapterFor({
  id: 'intercom',
  name: 'Intercom inbox',
  hosts: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  idInPath: /\/conversations?\/(\d+)/,
  selectors,
});
