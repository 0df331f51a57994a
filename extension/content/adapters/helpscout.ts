/**
 * Help Scout (`https://secure.helpscout.net/conversation/<id>/<number>`, the shape of Help Scout's
 * own links; the first number is the conversation id). Threads are `li.ThreadListItem`s in the
 * thread container, their text in `.is-ignoring-table`; `.is-note` (an internal note) sits on the
 * `li`, so notes are left out there, and also when the mark is on an element inside it. The reply
 * editor is Slate (0.47): the `[data-cy="ConvoEditor"]` element is itself the contenteditable, a
 * model-driven editor that takes a paste into its model and re-renders over DOM changes it did not
 * make. Sources in README.md; where the customer mark sits is an ASSUMPTION.
 */
import { adapterFor, type Selectors } from './markup.js';

const selectors: Selectors = {
  app: '[data-testid="ThreadContainer"], [data-cy="ConvoEditor"]',
  ticket: 'body:has([data-testid="ThreadContainer"])', // one conversation per page
  subject: '[aria-label="Conversation Subject"]',
  requesterEmail:
    '[data-cy="Sidebar.CustomerEmails"] [data-testid="EmailList.EmailLink"], ' +
    '[data-testid="Sidebar.CustomerProfile"] [data-testid="EmailList.EmailLink"]',
  requesterName: '[data-cy="Sidebar.CustomerName"] .c-Truncate__content',
  message: '[data-testid="ThreadContainer"] li.ThreadListItem',
  messageText: '.is-ignoring-table',
  fromCustomer: ':is(.is-customer, :has(> .is-customer))', // ASSUMPTION: on the li or its first div
  notConversation: ':is(.is-note, :has(.is-note))',
  editor: '[data-cy="ConvoEditor"][contenteditable="true"]',
};

export const helpscout = adapterFor({
  id: 'helpscout',
  name: 'Help Scout',
  hosts: ['https://secure.helpscout.net/*'],
  idInPath: /^\/conversation\/(\d+)/,
  selectors,
  replyOnDemand: true, // the reply box opens on Reply
});
