/**
 * Help Scout (conversation URL `/conversation/123/456`, documented). The reply editor is a
 * contenteditable rich-text editor that reads the DOM after the browser edits it, like
 * ProseMirror. Every selector below is an ASSUMPTION.
 */
import { adapterFor } from './markup.js';

export const helpscout = adapterFor({
  id: 'helpscout',
  name: 'Help Scout',
  hosts: ['https://secure.helpscout.net/*'],
  signature: '#js-conversation-view', // assumption
  ticketIdInPath: /\/conversation\/(\d+)/,
  subject: '.c-conversation-subject', // assumption
  requesterEmail: '.c-customer-profile .c-customer-email', // assumption
  requesterName: '.c-customer-profile .c-customer-name', // assumption
  message: '.c-thread-item', // assumption
  messageBody: '.c-thread-item__body', // assumption
  fromCustomer: '.is-customer', // assumption
  editor: '.c-reply-editor [contenteditable="true"]', // assumption
});
