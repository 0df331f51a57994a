/**
 * Help Scout (`https://secure.helpscout.net/conversation/<id>/<number>`, the shape of Help Scout's
 * own links; the first number is the conversation id). The reply editor is Slate (0.47, per a
 * public Help Scout adapter): a model-driven editor that takes a paste into its model and
 * re-renders over DOM changes it did not make. Thread items and the editor's wrapper come from that
 * adapter and a public userscript; the sidebar and subject are ASSUMPTIONS.
 */
import { adapterFor, type Selectors } from './markup.js';

const selectors: Selectors = {
  app: '[data-testid="ThreadContainer"], [data-cy="ConvoEditor"]',
  ticket: 'body:has([data-testid="ThreadContainer"])', // one conversation per page
  subject: '[data-cy="ConversationSubject"]', // ASSUMPTION
  requesterEmail: '.c-conversation-sidebar .c-customer-email', // ASSUMPTION (the sidebar class is from the adapter)
  requesterName: '.c-conversation-sidebar .c-customer-name', // ASSUMPTION
  message: '[data-testid="ThreadContainer"] li > div[id^="thread-"]',
  messageText: '.messageBody',
  fromCustomer: '.is-customer',
  notConversation: '.is-note', // ASSUMPTION
  editor: '[data-cy="ConvoEditor"] [data-slate-editor="true"][contenteditable="true"]',
};

export const helpscout = adapterFor({
  id: 'helpscout',
  name: 'Help Scout',
  hosts: ['https://secure.helpscout.net/*'],
  idInPath: /^\/conversation\/(\d+)/,
  selectors,
});
