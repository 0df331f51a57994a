/** Who recorded a consent change, in the customer's words: shown on each consent and in each receipt. */
import type { ConsentEvidence } from '../protocol/domain.js';
import type { Key } from '../i18n/catalogue.js';
import { wordsFor, type Words } from '../i18n/translate.js';

/** The customer's own changes that did not come from the privacy page, by channel. */
const BY_CUSTOMER: Record<string, Key> = {
  'portal-gpc': 'by.gpc',
  'pause-link': 'by.pauseLink',
};

/** In the reader's words on the page; a receipt keeps English. */
export function recordedBy(e: ConsentEvidence, channel: string, w: Words = wordsFor('en')): string {
  switch (e.by) {
    case 'customer':
      return w.t(BY_CUSTOMER[channel] ?? 'by.portal');
    case 'agent':
      return e.ticketId ? w.t('by.agentTicket', { ticket: e.ticketId }) : w.t('by.agent');
    case 'admin':
      return w.t('by.admin');
    case 'import':
      return e.system ? w.t('by.import', { system: e.system }) : w.t('by.importUnknown');
    case 'system':
      return w.t('by.system');
  }
}

/** For changes recorded before evidence was kept, and for flags, which keep only the actor. */
export const authorityOfActor = (actor: string): ConsentEvidence['by'] =>
  actor === 'customer'
    ? 'customer'
    : actor.startsWith('agent:')
      ? 'agent'
      : actor.startsWith('admin:')
        ? 'admin'
        : 'system';
