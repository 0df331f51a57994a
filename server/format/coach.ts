/**
 * The reply coach's words: what a flag means, and a fact as an agent says it on a call. Imported by the panel and
 * the server alike; it takes only the types of the protocol.
 */
import type { FlagKind, IdentifierType, ReplyFlag } from '../protocol/coach.js';
import type { ShownFact } from '../protocol/assist.js';
import { formatTime, type Viewer } from './time.js';
import { REASON_WORDS } from './words.js';

/** What each kind of flag is, for leads' counts. */
export const FLAG_KIND_WORDS: Record<FlagKind, string> = {
  undisclosed_fact: 'Uses customer data without saying where it came from',
  withheld_value: 'Holds data the customer has not allowed',
  raw_identifier: 'Holds a full card or ID number',
};

export const IDENTIFIER_WORDS: Record<IdentifierType, string> = {
  CARD: 'a full card number',
  IBAN: 'a full bank account number (IBAN)',
  SSN: 'a full US Social Security number',
  NINO: 'a full UK National Insurance number',
};

/** One flag as the agent reads it. */
export function flagWords(flag: Pick<ReplyFlag, 'kind' | 'categoryName' | 'reason' | 'identifier'>): string {
  const category = flag.categoryName ?? 'customer data';
  if (flag.kind === 'undisclosed_fact')
    return `This sentence uses the customer's ${category} without saying where it came from.`;
  if (flag.kind === 'withheld_value')
    return (
      `This sentence holds the customer's ${category}, which agents may not use ` +
      `(${flag.reason ? REASON_WORDS[flag.reason] : 'withheld'}). Take it out.`
    );
  return `This sentence holds ${flag.identifier ? IDENTIFIER_WORDS[flag.identifier] : 'a full ID number'}: mask it.`;
}

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
