/**
 * The phrasing the offline engine and the context view speak with, drawn from the loaded
 * templates: which template phrases a fact, and the scopes every template kind receives.
 */
import type { Consent } from '../protocol/domain.js';
import { isAtOrUnder } from '../policy/keys.js';
import { render, type PhrasingTemplate } from './templates.js';
import type { TemplateKind } from './variables.js';
import { formatDay } from '../dates.js';

export interface Phrasing {
  templates: readonly PhrasingTemplate[];
  /** The fact template with the most specific category that covers `category`. */
  forFact(category: string): PhrasingTemplate;
  only(kind: Exclude<TemplateKind, 'fact'>): PhrasingTemplate | undefined;
}

export function phrasingFrom(templates: readonly PhrasingTemplate[]): Phrasing {
  const facts = templates.filter((t) => t.kind === 'fact');
  const specificity = (t: PhrasingTemplate, category: string) =>
    t.categories ? Math.max(-1, ...t.categories.filter((c) => isAtOrUnder(category, c)).map((c) => c.length)) : 0;
  return {
    templates,
    forFact(category) {
      let best = facts.find((t) => !t.categories)!;
      let bestScore = 0;
      for (const t of facts) {
        const s = specificity(t, category);
        if (s > bestScore) [best, bestScore] = [t, s];
      }
      return best;
    },
    only: (kind) => templates.find((t) => t.kind === kind),
  };
}

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

export const factScope = (f: FactLike, marker = 0) => ({
  text: f.text,
  source: f.source,
  category: f.category,
  categoryName: f.categoryName,
  marker,
  collectedOn: formatDay(f.collectedAt),
  value: f.value ?? {},
});

export const articleScope = (
  m: { article: { title: string; updated: string }; excerpt: string; url: string | null },
  marker = 0,
) => ({
  title: m.article.title,
  passage: m.excerpt,
  marker,
  updatedOn: formatDay(`${m.article.updated}T00:00:00Z`),
  url: m.url ?? '',
});

export const consentScope = (k: Pick<Consent, 'id' | 'source' | 'at'>, purposeName: string, categoryName: string) => ({
  id: k.id,
  source: k.source,
  purposeName,
  categoryName,
  givenOn: formatDay(k.at),
});

export { render };
