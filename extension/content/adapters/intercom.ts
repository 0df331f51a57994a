/**
 * Intercom inbox (`https://app.intercom.com/a/inbox/<workspace>/inbox/…/conversation/<id>`, the
 * shape of Intercom's own links). Since April 2026 a message part is an element with the Tailwind
 * class `group/content-part`, and the inbox's own classes are `inbox-2__…` (they were `inbox2__…`);
 * the role attributes (`data-part-group-category`) are gone, and the older markup is still read
 * when found. The composer is Intercom's ProseMirror editor: the browser edits its DOM and
 * ProseMirror reads the change back, and it parses a paste into paragraphs. Sources in README.md;
 * how the new markup marks a customer's part and a note, and the sidebar, are ASSUMPTIONS.
 */
import { adapterFor, type Selectors } from './markup.js';

const PART = '[class~="group/content-part"]';
/** A note, in the older and the renamed class (ASSUMPTION for the renamed one: it follows the rename). */
const NOTE = ':is(.inbox2__note-part, .inbox-2__note-part)';
const STREAM = '[data-conversation-stream], [data-testid="conversation-stream-scroll-container"]';

const selectors: Selectors = {
  app: `[data-intercom-target="inbox-header"], ${STREAM}`,
  ticket: `body:has(${STREAM})`,
  subject: '[data-inbox-conversation-header-title]',
  requesterEmail: '[data-intercom-target="inbox-right-nav"] [data-user-attribute="email"]', // ASSUMPTION
  requesterName: '[data-intercom-target="inbox-right-nav"] [data-user-attribute="name"]', // ASSUMPTION
  // The new parts, else the legacy part groups (not both: a legacy group may hold new parts).
  message: `${PART}, [data-part-group-id]:not(:has(${PART}))`,
  messageText: '.interblocks-html, .intercom-interblocks',
  // Legacy: 1 = user, 3 = teammate, 5 = bot, 20 = automated event. New: ASSUMPTION (author type).
  fromCustomer: '[data-part-group-category="1"], [data-author-type="user"] *, [data-author-type="user"]',
  notConversation: `[data-part-group-category="20"], ${NOTE}, :has(${NOTE}), ${NOTE} *`,
  editor: '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]',
};

export const intercom = adapterFor({
  id: 'intercom',
  name: 'Intercom inbox',
  hosts: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  idInPath: /\/conversations?\/(\d+)/,
  selectors,
});
