/**
 * The ticket's language: the helpdesk's word when it has one, else detected from the customer's messages
 * among the five locales Candor answers in, English when the text is too short or too unclear to tell.
 */
import { detectAll } from 'tinyld';
import type { Locale, Message } from '../protocol/domain.js';
import type { TicketLanguage } from '../protocol/assist.js';

const LOCALES: Locale[] = ['en', 'de', 'fr', 'es', 'nl'];

export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  nl: 'Dutch',
};

/** Below these, tinyld guesses ("Hallo" comes out Spanish); English is the safer reading. */
const MIN_LETTERS = 15;
const MIN_ACCURACY = 0.5;
/** MIN_LETTERS letters anywhere: one test, where counting every match would build an array of them on every open. */
const ENOUGH_LETTERS = new RegExp(`^(?:\\P{L}*\\p{L}){${MIN_LETTERS}}`, 'u');

export function detectLocale(conversation: readonly Message[]): Locale {
  const text = conversation
    .filter((m) => m.role === 'customer')
    .map((m) => m.text)
    .join('\n');
  if (!ENOUGH_LETTERS.test(text)) return 'en';
  const [best] = detectAll(text, { only: LOCALES });
  return best && best.accuracy >= MIN_ACCURACY ? (best.lang as Locale) : 'en';
}

export function ticketLanguage(conversation: readonly Message[], given?: Locale): TicketLanguage {
  const locale = given ?? detectLocale(conversation);
  return { locale, name: LANGUAGE_NAMES[locale], source: given ? 'helpdesk' : 'detected' };
}
