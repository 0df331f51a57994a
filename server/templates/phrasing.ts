/**
 * The phrasing the offline engine and the context view speak with, drawn from the loaded
 * templates: which template phrases a fact, in which language, and the scopes every template kind receives.
 * A ticket's language speaks with its own templates; a kind it has none of is said in English.
 */
import type { Consent, Locale } from '../protocol/domain.js';
import { isAtOrUnder } from '../policy/keys.js';
import { render, type PhrasingTemplate } from './templates.js';
import type { TemplateKind } from './variables.js';
import { formatDay } from '../dates.js';

export interface Phrasing {
  templates: readonly PhrasingTemplate[];
  /**
   * The fact template with the most specific category that covers `category`, in `locale` when it has a fact
   * template that covers it (its own general one does), else in English.
   */
  forFact(category: string, locale?: Locale): PhrasingTemplate;
  /** The template of `kind` in `locale`, else the English one. */
  only(kind: Exclude<TemplateKind, 'fact'>, locale?: Locale): PhrasingTemplate | undefined;
}

const speaks = (t: PhrasingTemplate, locale: Locale) => (t.locale ?? 'en') === locale;

export function phrasingFrom(templates: readonly PhrasingTemplate[]): Phrasing {
  const facts = templates.filter((t) => t.kind === 'fact');
  const specificity = (t: PhrasingTemplate, category: string) =>
    t.categories ? Math.max(-1, ...t.categories.filter((c) => isAtOrUnder(category, c)).map((c) => c.length)) : 0;
  const bestIn = (locale: Locale, category: string) => {
    let best = facts.find((t) => speaks(t, locale) && !t.categories);
    let bestScore = 0;
    for (const t of facts.filter((f) => speaks(f, locale))) {
      const s = specificity(t, category);
      if (s > bestScore) [best, bestScore] = [t, s];
    }
    return best;
  };
  return {
    templates,
    forFact: (category, locale = 'en') => bestIn(locale, category) ?? bestIn('en', category)!,
    only: (kind, locale = 'en') =>
      templates.find((t) => t.kind === kind && speaks(t, locale)) ??
      templates.find((t) => t.kind === kind && speaks(t, 'en')),
  };
}

/** The locale's long date ("1. März 2026"), always in UTC. */
const dayIn = (t: string, locale: Locale) => formatDay(t, locale === 'en' ? undefined : locale);

export interface FactLike {
  text: string;
  source: string;
  category: string;
  categoryName: string;
  collectedAt: string;
  value?: Record<string, unknown> | null;
}

export const customerScope = (c: { displayName: string }) => ({
  displayName: c.displayName,
  firstName: c.displayName.split(/\s+/)[0] ?? c.displayName,
});

export const factScope = (f: FactLike, marker = 0, locale: Locale = 'en') => ({
  text: f.text,
  source: f.source,
  category: f.category,
  categoryName: f.categoryName,
  marker,
  collectedOn: dayIn(f.collectedAt, locale),
  value: f.value ?? {},
});

export const articleScope = (
  m: { article: { title: string; updated: string }; excerpt: string; url: string | null },
  marker = 0,
  locale: Locale = 'en',
) => ({
  title: m.article.title,
  passage: m.excerpt,
  marker,
  updatedOn: dayIn(`${m.article.updated}T00:00:00Z`, locale),
  url: m.url ?? '',
});

export const consentScope = (
  k: Pick<Consent, 'id' | 'source' | 'at'>,
  purposeName: string,
  categoryName: string,
  locale: Locale = 'en',
) => ({
  id: k.id,
  source: k.source,
  purposeName,
  categoryName,
  givenOn: dayIn(k.at, locale),
});

export { render };
