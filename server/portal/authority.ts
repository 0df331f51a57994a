/** Who recorded a consent change, in the customer's words: shown on each consent and in each receipt. */
import type { ConsentEvidence } from '../protocol/domain.js';

/** The customer's own changes that did not come from the privacy page, by channel. */
const BY_CUSTOMER: Record<string, string> = {
  'portal-gpc': 'By your browser (a Global Privacy Control signal)',
  'pause-link': 'By you, with the pause link in a message from us',
};

export function recordedBy(e: ConsentEvidence, channel: string): string {
  switch (e.by) {
    case 'customer':
      return BY_CUSTOMER[channel] ?? 'By you, in your privacy page';
    case 'agent':
      return e.ticketId
        ? `By our support team, from what you said in support ticket ${e.ticketId}`
        : 'By our support team, from what you told them';
    case 'admin':
      return 'By us, on your behalf';
    case 'import':
      return `Brought over from ${e.system ?? 'another system'}`;
    case 'system':
      return 'By Candor itself';
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
