/**
 * The reply coach's words for leads' counts, and a fact as an agent says it on a call. Imported by the panel and
 * the server alike; it takes only the types of the protocol.
 */
import type { FlagKind } from '../protocol/coach.js';
import type { ShownFact } from '../protocol/assist.js';
import { formatTime, type Viewer } from './time.js';

/** What each kind of flag is, for leads' counts. */
export const FLAG_KIND_WORDS: Record<FlagKind, string> = {
  undisclosed_fact: 'Uses customer data without saying where it came from',
  withheld_value: 'Holds data the customer has not allowed',
  raw_identifier: 'Holds a full card or ID number',
};

/**
 * "I can see on your account that you ordered … — we have that because you allowed us to use your purchase
 * history for support on 1 March 2026." Only what the panel was shown: the fact, its category and its consent.
 */
export function spokenLine(fact: ShownFact, purpose: string, viewer: Viewer = {}): string {
  const what = fact.category.startsWith('user.behavior.purchase_history')
    ? `I can see on your account that you ordered ${fact.text}`
    : `I can see on your account: ${fact.text}`;
  const forWhat = purpose.endsWith('.support') ? 'support' : `"${fact.consent.purposeName}"`;
  return (
    `${what} — we have that because you allowed us to use your ${fact.categoryName} for ${forWhat} ` +
    `on ${formatTime(fact.consent.at, 'date', viewer)}.`
  );
}
