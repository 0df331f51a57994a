/**
 * The offline engine: deterministic, no network. It phrases 1–3 replies from the templates in
 * `prompts/offline/`: one on the most relevant fact, one on the two most relevant, and one that
 * uses no data. Only facts the customer's messages refer to are used (data minimisation).
 */
import { createHash } from 'node:crypto';
import type { ArticleFootnote, ContextView, Footnote, ShownFact, Suggestion } from '../protocol/assist.js';
import type { ArticleMatch } from '../protocol/articles.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { categoryName } from '../taxonomy/taxonomy.js';
import { articleScope, consentScope, customerScope, factScope, render, type Phrasing } from '../templates/phrasing.js';
import type { PhrasingTemplate } from '../templates/templates.js';

export interface EngineDeps {
  phrasing: Phrasing;
  taxonomy: Taxonomy;
}

/** Footnote n for a shown fact, explained by the footnote template. */
export function footnoteFor(fact: ShownFact, marker: number, view: ContextView, deps: EngineDeps): Footnote {
  const k = fact.consent;
  const { locale } = view.language;
  const explanation = render(deps.phrasing.only('footnote', locale)!, {
    customer: customerScope(view.customer),
    fact: factScope(fact, marker, locale),
    consent: consentScope(
      k,
      deps.taxonomy.purposes.get(k.purpose) ?? k.purpose,
      categoryName(deps.taxonomy, k.category),
      locale,
    ),
  });
  return { marker, factIds: [fact.factId], consentId: fact.consentId, explanation };
}

/** Footnote n for an article, at the version in force, explained by the article-footnote template. */
export function articleFootnoteFor(
  match: ArticleMatch,
  marker: number,
  view: ContextView,
  deps: EngineDeps,
): ArticleFootnote {
  const { locale } = view.language;
  const explanation = render(deps.phrasing.only('article-footnote', locale)!, {
    customer: customerScope(view.customer),
    article: articleScope(match, marker, locale),
  });
  return { marker, articleId: match.article.id, articleUpdated: match.article.updated, explanation };
}

function suggestion(template: PhrasingTemplate, text: string, footnotes: Footnote[]): Suggestion {
  const id = createHash('sha256').update(`${template.id}\n${text}`).digest('base64url').slice(0, 12);
  return { id, text, footnotes, template: { id: template.id, version: template.version }, modelCall: null };
}

/**
 * The replies. With a public article found for the conversation (and the article templates), the first quotes the best
 * one word for word: after the reply on the most relevant fact when there is one, else on its own. Internal articles
 * are never quoted.
 */
export function offlineSuggestions(
  view: ContextView,
  deps: EngineDeps,
  articles: readonly ArticleMatch[] = [],
): Suggestion[] {
  const { phrasing } = deps;
  const { locale } = view.language;
  const customer = customerScope(view.customer);
  const relevant = view.shown.filter((f) => f.relevance > 0);
  const out: Suggestion[] = [];

  const [first, second] = relevant;
  // Both the reply on the first fact and the pair cite it as [1]: one footnote for both.
  const firstNote = first && footnoteFor(first, 1, view, deps);
  const quoted = articles.find((m) => m.article.visibility === 'public' && m.excerpt);
  const quote = phrasing.only('article', locale);
  const noted = phrasing.only('article-footnote', locale);
  if (quoted && quote && noted) {
    const marker = first ? 2 : 1;
    const cited = render(quote, { customer, article: articleScope(quoted, marker, locale) });
    const text = first
      ? `${render(phrasing.forFact(first.category, locale), { customer, fact: factScope(first, 1, locale) })} ${cited}`
      : cited;
    const footnotes = [...(firstNote ? [firstNote] : []), articleFootnoteFor(quoted, marker, view, deps)];
    out.push(suggestion(quote, text, footnotes));
  } else if (first) {
    const t = phrasing.forFact(first.category, locale);
    const text = render(t, { customer, fact: factScope(first, 1, locale) });
    out.push(suggestion(t, text, [firstNote!]));
  }
  const pair = phrasing.only('pair', locale);
  if (firstNote && second && pair) {
    const text = render(pair, {
      customer,
      first: factScope(first, 1, locale),
      second: factScope(second, 2, locale),
    });
    out.push(suggestion(pair, text, [firstNote, footnoteFor(second, 2, view, deps)]));
  }
  const general = phrasing.only('general', locale)!;
  out.push(suggestion(general, render(general, { customer }), []));
  return out;
}
