/**
 * Counts and reasons as people read them. Candor's text is English, so plurals follow English rules
 * (`Intl.PluralRules`) and numbers are written for the viewer's locale. Imports nothing of Candor's at run time.
 */
import type { WithheldReason } from '../protocol/domain.js';

export interface Forms {
  one: string;
  other: string;
}

const rules = new Intl.PluralRules('en');

/** "1 fact", "5 facts": the word in its plural form for `n`. */
export function countOf(n: number, forms: Forms, locale?: string): string {
  const word = rules.select(n) === 'one' ? forms.one : forms.other;
  return `${n.toLocaleString(locale)} ${word}`;
}

/** Why a fact is withheld, in the words an agent reads. */
export const REASON_WORDS: Record<WithheldReason, string> = {
  no_consent: 'no consent',
  withdrawn: 'consent withdrawn',
  expired: 'consent expired',
  needs_explicit_consent: 'needs explicit consent',
  never_shown: 'never shown to agents',
  opted_out: 'customer opted out',
};

/** "2 purchase history facts: no consent". */
export const withheldLine = (w: { count: number; categoryName: string; reason: WithheldReason }) =>
  `${countOf(w.count, { one: `${w.categoryName} fact`, other: `${w.categoryName} facts` })}: ${REASON_WORDS[w.reason]}`;

/** "a, b and c", in the reader's language ("a, b und c"). */
export const listOf = (words: readonly string[], locale = 'en-GB') =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(words);
