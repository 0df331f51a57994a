/**
 * The extension's words in the agent's language. In the extension they come from `chrome.i18n`
 * (extension/_locales); where the panel runs without it (the /demo page's frame) from the same catalogues,
 * bundled, in the browser's language. Keys are typed from the English catalogue, so a key the code names and
 * English lacks is a compile error; i18n.test.ts keeps every other locale as complete as English.
 */
import de from '../_locales/de/messages.json' with { type: 'json' };
import en from '../_locales/en/messages.json' with { type: 'json' };
import es from '../_locales/es/messages.json' with { type: 'json' };
import fr from '../_locales/fr/messages.json' with { type: 'json' };
import nl from '../_locales/nl/messages.json' with { type: 'json' };

/** One locale's messages.json, as Chrome reads it. */
export type Catalogue = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;

export const CATALOGUES: Record<'en' | 'de' | 'fr' | 'es' | 'nl', Catalogue> = { en, de, fr, es, nl };
export type Locale = keyof typeof CATALOGUES;
export type MessageKey = keyof typeof en;
/** A message with a `_one` and an `_other` form, named without the suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}_other` ? B : never }[MessageKey];

/** The first of `languages` Candor has words for ("de-AT" → de), English otherwise, as Chrome falls back. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
    if (base in CATALOGUES) return base as Locale;
  }
  return 'en';
}

const chromeI18n = (): typeof chrome.i18n | null =>
  typeof chrome !== 'undefined' && typeof chrome.i18n?.getMessage === 'function' ? chrome.i18n : null;

/** The agent's language: Chrome's UI language in the extension, the browser's elsewhere. */
export const uiLocale: Locale = pickLocale(
  chromeI18n() ? [chromeI18n()!.getUILanguage()] : (globalThis.navigator?.languages ?? []),
);

/** Chrome's substitution: named placeholders to their `$n`, then `$n` to the n-th substitution, `$$` to `$`. */
export function fill(entry: Catalogue[string], subs: readonly string[]): string {
  const named = entry.message.replace(
    /\$([a-z0-9_@]+)\$/gi,
    (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/** The message `key` in `locale` from the bundled catalogues; English where that locale lacks it. */
export function messageIn(locale: Locale, key: MessageKey, ...subs: string[]): string {
  const entry = CATALOGUES[locale][key] ?? CATALOGUES.en[key]!;
  return fill(entry, subs);
}

/** The message `key` in the agent's language, with `subs` for its placeholders in order. */
export function t(key: MessageKey, ...subs: string[]): string {
  return chromeI18n()?.getMessage(key, subs) || messageIn(uiLocale, key, ...subs);
}

const pluralRules = new Intl.PluralRules(uiLocale);

/**
 * The form of `base` for `count` (its first substitution, written in the agent's locale). Candor's five
 * languages write one form for 1 and one for the rest; a category with no form of its own (French "many")
 * takes `_other`.
 */
export function plural(base: PluralKey, count: number, ...subs: string[]): string {
  const key = `${base}_${pluralRules.select(count) === 'one' ? 'one' : 'other'}` as MessageKey;
  return t(key, count.toLocaleString(uiLocale), ...subs);
}

/**
 * A static page's words: `data-i18n` names the message for an element's text (a child element, e.g. a
 * `<code>`, stands for the message's first placeholder and keeps its markup), `data-i18n-label`,
 * `-placeholder` and `-title` for those attributes.
 */
export function localizePage(root: ParentNode & Node = document): void {
  const doc = root.ownerDocument ?? (root as Document);
  doc.documentElement.lang = uiLocale;
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const inner = node.firstElementChild;
    const key = node.dataset.i18n as MessageKey;
    if (!inner) {
      node.textContent = t(key);
      continue;
    }
    const [before = '', after = ''] = t(key, '\u0000').split('\u0000');
    node.replaceChildren(before, inner, after);
  }
  for (const [data, attr] of [
    ['i18nLabel', 'aria-label'],
    ['i18nPlaceholder', 'placeholder'],
    ['i18nTitle', 'title'],
  ] as const)
    for (const node of root.querySelectorAll<HTMLElement>(`[data-i18n-${attr === 'aria-label' ? 'label' : attr}]`))
      node.setAttribute(attr, t(node.dataset[data] as MessageKey));
}

/** "a, b or c" (`list_or`) or "a, b and c" (`list_and`) in the agent's language. */
export function listed(words: readonly string[], how: 'list_or' | 'list_and'): string {
  return words.length <= 1 ? words.join('') : t(how, words.slice(0, -1).join(', '), words.at(-1)!);
}
