/**
 * The reply coach's words for leads' counts, and a fact as an agent says it on a call. Imported by the panel and
 * the server alike; it takes only the types of the protocol.
 */
import type { FlagKind } from '../protocol/coach.js';
import type { ShownFact } from '../protocol/assist.js';
import type { Locale } from '../protocol/domain.js';
import { formatTime, type Viewer } from './time.js';

/** What each kind of flag is, for leads' counts. */
export const FLAG_KIND_WORDS: Record<FlagKind, string> = {
  undisclosed_fact: 'Uses customer data without saying where it came from',
  withheld_value: 'Holds data the customer has not allowed',
  raw_identifier: 'Holds a full card or ID number',
};

/** How a fact is said on a call in each of the ticket's languages; each opening is one the guard hears there. */
const SPOKEN: Record<
  Locale,
  { ordered(text: string): string; holds(text: string): string; support: string; because(w: Because): string }
> = {
  en: {
    ordered: (x) => `I can see on your account that you ordered ${x}`,
    holds: (x) => `I can see on your account: ${x}`,
    support: 'support',
    because: (w) => `we have that because you allowed us to use your ${w.category} for ${w.purpose} on ${w.date}.`,
  },
  de: {
    ordered: (x) => `Ich sehe in Ihrem Konto, dass Sie ${x} bestellt haben`,
    holds: (x) => `Ich sehe in Ihrem Konto: ${x}`,
    support: 'den Support',
    because: (w) =>
      `wir haben diese Angabe, weil Sie uns am ${w.date} erlaubt haben, Ihre Daten (${w.category}) für ` +
      `${w.purpose} zu nutzen.`,
  },
  fr: {
    ordered: (x) => `Je vois sur votre compte que vous avez commandé ${x}`,
    holds: (x) => `Je vois sur votre compte : ${x}`,
    support: 'le support',
    because: (w) =>
      `nous avons cette information parce que vous nous avez autorisés le ${w.date} à utiliser vos données ` +
      `(${w.category}) pour ${w.purpose}.`,
  },
  es: {
    ordered: (x) => `Veo en su cuenta que pidió ${x}`,
    holds: (x) => `Veo en su cuenta: ${x}`,
    support: 'la atención al cliente',
    because: (w) =>
      `tenemos este dato porque el ${w.date} nos permitió usar sus datos (${w.category}) para ${w.purpose}.`,
  },
  nl: {
    ordered: (x) => `Ik zie in uw account dat u ${x} hebt besteld`,
    holds: (x) => `Ik zie in uw account: ${x}`,
    support: 'klantenservice',
    because: (w) =>
      `dat weten we omdat u ons op ${w.date} toestemming gaf om uw gegevens (${w.category}) te gebruiken voor ` +
      `${w.purpose}.`,
  },
};
interface Because {
  category: string;
  purpose: string;
  date: string;
}

/**
 * "I can see on your account that you ordered … — we have that because you allowed us to use your purchase
 * history for support on 1 March 2026." Only what the panel was shown: the fact, its category and its consent; in
 * the ticket's language, its date written in that language (an English ticket's in the agent's own locale). Category
 * and purpose names are the taxonomy's, in English.
 */
export function spokenLine(fact: ShownFact, purpose: string, language: Locale = 'en', viewer: Viewer = {}): string {
  const say = SPOKEN[language];
  const what = fact.category.startsWith('user.behavior.purchase_history')
    ? say.ordered(fact.text)
    : say.holds(fact.text);
  const forWhat = purpose.endsWith('.support') ? say.support : `"${fact.consent.purposeName}"`;
  const date = formatTime(fact.consent.at, 'date', language === 'en' ? viewer : { ...viewer, locale: language });
  return `${what} — ${say.because({ category: fact.categoryName, purpose: forWhat, date })}`;
}
