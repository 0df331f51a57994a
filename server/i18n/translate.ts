/**
 * The server pages' words in the reader's language: one catalogue (catalogue.ts), a language negotiated from the
 * browser's Accept-Language with English as the fallback, `{name}` placeholders, plural forms chosen by
 * `Intl.PluralRules` from the `n` placeholder, and one date format per language.
 */
import { CATALOGUE, type Key, type Message } from './catalogue.js';
import { formatTime, type TimeStyle } from '../format/time.js';

export const LANGS = ['en', 'de', 'fr', 'es', 'nl'] as const;
export type Lang = (typeof LANGS)[number];

/** The locale each language's numbers and dates are written in: one date format per language. */
const DATE_LOCALE: Record<Lang, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', nl: 'nl-NL' };

export type Params = Record<string, string | number>;

/** A message cut at its placeholders: text, and the names of what goes between. */
export type Part = { text: string } | { name: string };

export interface Words {
  lang: Lang;
  /** For `Intl` formatting: numbers and dates. */
  locale: string;
  /** The message as plain text, its placeholders filled. */
  t(key: Key, params?: Params): string;
  /** The message cut at its placeholders, for a caller that fills them with markup. */
  parts(key: Key, n?: number): Part[];
  /** A time written for this reader, in UTC (a server cannot know the reader's zone). */
  time(t: string | Date, style?: TimeStyle): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Which form of a message to use for the count `n`: the language's plural category, or `other`. */
function formOf(m: Message, rules: Intl.PluralRules, n: number | undefined): string {
  if (typeof m === 'string') return m;
  return m[rules.select(n ?? 0) as keyof typeof m] ?? m.other;
}

/** The placeholders a message form uses, sorted: the same in every language and every form. */
/** Whether a page's text names a message the catalogue has: a key it lacks is an error, never shown as text. */
export const isKey = (key: string): key is Key => Object.hasOwn(CATALOGUE.en, key);

export const placeholdersOf = (text: string) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();

export function wordsFor(lang: Lang): Words {
  const locale = DATE_LOCALE[lang];
  const rules = new Intl.PluralRules(locale);
  const catalogue = CATALOGUE[lang];
  const parts = (key: Key, n?: number): Part[] =>
    formOf(catalogue[key], rules, n)
      .split(PLACEHOLDER)
      .map((s, i) => (i % 2 ? { name: s } : { text: s }))
      .filter((p) => !('text' in p) || p.text);
  return {
    lang,
    locale,
    parts,
    t: (key, params = {}) => {
      const n = typeof params.n === 'number' ? params.n : undefined;
      return parts(key, n)
        .map((p) => {
          if ('text' in p) return p.text;
          const v = params[p.name];
          return typeof v === 'number' ? v.toLocaleString(locale) : (v ?? `{${p.name}}`);
        })
        .join('');
    },
    time: (t, style = 'dateTime') => formatTime(t, style, { locale, timeZone: 'UTC' }),
  };
}

/**
 * The reader's words: the first language of the request's Accept-Language we have words for (express's
 * `acceptsLanguages`, which negotiates with `negotiator` and takes "de-CH" for "de"), English when none.
 */
export const wordsOf = (req: { acceptsLanguages(...langs: string[]): string | false }) =>
  wordsFor((req.acceptsLanguages(...LANGS) || 'en') as Lang);
