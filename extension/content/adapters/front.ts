/**
 * Front (`app.frontapp.com/open/cnv_…`, documented URL shape). The composer is a model-driven
 * rich-text editor that handles `beforeinput` itself and re-renders from its own state. Every
 * selector below is an ASSUMPTION.
 */
import { adapterFor } from './markup.js';

export const front = adapterFor({
  id: 'front',
  name: 'Front',
  hosts: ['https://app.frontapp.com/*'],
  signature: '[data-testid="conversation-view"]', // assumption
  ticketIdInPath: /\/open\/(cnv_[a-z0-9]+)/,
  subject: '[data-testid="conversation-subject"]', // assumption
  requesterEmail: '[data-testid="contact-handle"]', // assumption
  requesterName: '[data-testid="contact-name"]', // assumption
  message: '[data-testid="message"]', // assumption
  messageBody: '[data-testid="message-body"]', // assumption
  fromCustomer: '[data-direction="inbound"]', // assumption
  editor: '[data-testid="composer-editor"][contenteditable="true"]', // assumption
});
