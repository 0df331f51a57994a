/**
 * Front (`https://app.frontapp.com/open/cnv_…`, the conversation link Front's API docs give).
 * EXPERIMENTAL: no current public code reads Front's DOM (the one integration found, from 2022-2023,
 * uses styled-components class names, which change with every Front build, and none of these
 * `data-testid`s). Every selector below, and the id being in the URL while the app shows the
 * conversation, are ASSUMPTIONS. Its composer is taken to be a model-driven rich-text editor, the
 * kind that accepts only input events (a paste).
 */
import { adapterFor, type Selectors } from './markup.js';

const selectors: Selectors = {
  app: '[data-testid="conversation-view"], [data-testid="conversation-list"]',
  ticket: '[data-testid="conversation-view"]',
  subject: '[data-testid="conversation-subject"]',
  requesterEmail: '[data-testid="contact-handle"]',
  requesterName: '[data-testid="contact-name"]',
  message: '[data-testid="message"]',
  messageText: '[data-testid="message-body"]',
  fromCustomer: '[data-direction="inbound"]',
  editor: '[data-testid="composer-editor"][contenteditable="true"]',
};

export const front = adapterFor({
  id: 'front',
  name: 'Front',
  hosts: ['https://app.frontapp.com/*'],
  idInPath: /\/open\/(cnv_[a-z0-9]+)/,
  selectors,
  replyOnDemand: true, // the reply box opens on Reply
  experimental: 'its markup is not corroborated by any current public source',
});
