/**
 * The context view: what an agent may see of a customer for one ticket. The policy decides; this
 * file ranks the permitted facts by what the customer is talking about, caps them (data
 * minimisation), explains each one, and reduces the rest to counts per category and reason.
 */
import type { ContextView, ShownFact, WithheldCount } from '../protocol/assist.js';
import type { ArticleMatch, FoundArticle } from '../protocol/articles.js';
import type { CustomerFlags, Fact, Locale, Message } from '../protocol/domain.js';
import type { ConsentState } from '../consent/ledger.js';
import type { StoredFact } from '../store/types.js';
import { decide, type PolicyRules } from '../policy/policy.js';
import { isAtOrUnder } from '../policy/keys.js';
import { categoryName, purposeName, type Taxonomy } from '../taxonomy/taxonomy.js';
import { consentScope, customerScope, factScope, render, type Phrasing } from '../templates/phrasing.js';
import { queryFrom, relevance } from './relevance.js';
import { ticketLanguage } from './language.js';

/** A stored fact; an erased one is a tombstone whose text and value are gone. */

export interface ContextSettings {
  rules: PolicyRules;
  taxonomy: Taxonomy;
  phrasing: Phrasing;
  /** How many permitted facts the view shows at most (CANDOR_CONTEXT_LIMIT, default 8). */
  limit: number;
}

export interface ContextInput {
  customer: { id: string; displayName: string };
  facts: readonly StoredFact[];
  consents: readonly ConsentState[];
  flags: CustomerFlags;
  conversation: readonly Message[];
  now: number;
  /** The help-centre articles found for the conversation (`articles/find.ts`), best first; none when left out. */
  articles?: readonly ArticleMatch[];
  /** The ticket's language as the helpdesk gave it; detected from the conversation when left out. */
  language?: Locale | undefined;
}

/** The view plus what only the server may hold: the facts withheld, kept so the guard can look for them. */
export interface AssistContext {
  view: ContextView;
  withheldFacts: StoredFact[];
  /** The articles found, whole: engines quote public ones, the guard looks for internal ones' sentences. */
  articles: readonly ArticleMatch[];
}

const listed = ({ article, url, excerpt }: ArticleMatch): FoundArticle => ({
  articleId: article.id,
  title: article.title,
  updated: article.updated,
  visibility: article.visibility,
  locale: article.locale,
  url,
  excerpt,
});

/** The consent's category that covers the fact most closely: the longest of those at or above it. */
function covering(fact: Fact, consent: ConsentState): string {
  let best = '';
  for (const c of consent.categories) if (c.length > best.length && isAtOrUnder(fact.category, c)) best = c;
  return best;
}

/** The most specific permitting consent, then the most recent: the one the fact most plainly rests on. */
function primary(fact: Fact, permitting: ConsentState[]): { consent: ConsentState; category: string } {
  let best = { consent: permitting[0]!, category: covering(fact, permitting[0]!) };
  for (const consent of permitting.slice(1)) {
    const category = covering(fact, consent);
    // As a stable sort would: a later consent wins only when strictly more specific, more recent, or lower in id.
    const order =
      best.category.length - category.length ||
      best.consent.at.localeCompare(consent.at) ||
      consent.id.localeCompare(best.consent.id);
    if (order < 0) best = { consent, category };
  }
  return best;
}

interface Ranked {
  fact: StoredFact;
  categoryName: string;
  consentIds: string[];
  relevance: number;
}

/**
 * Most relevant first, then the most recently collected, then by id: a total order, since ids are unique per customer.
 */
const byRank = (a: Ranked, b: Ranked) =>
  b.relevance - a.relevance ||
  b.fact.collectedAt.localeCompare(a.fact.collectedAt) ||
  a.fact.id.localeCompare(b.fact.id);

/** The first `limit` of `items` in `byRank` order, as a full sort would give them, without sorting the rest. */
function top(items: readonly Ranked[], limit: number): Ranked[] {
  const out: Ranked[] = [];
  for (const item of items) {
    if (out.length === limit && (limit === 0 || byRank(item, out[limit - 1]!) >= 0)) continue;
    let i = out.length;
    while (i > 0 && byRank(item, out[i - 1]!) < 0) i--;
    out.splice(i, 0, item);
    if (out.length > limit) out.pop();
  }
  return out;
}

export function buildContext(input: ContextInput, settings: ContextSettings): AssistContext {
  const { taxonomy, phrasing } = settings;
  const live = input.facts.filter((f) => !f.erased); // a tombstone is no longer a fact about anyone
  const decisions = decide({
    facts: live,
    consents: input.consents,
    flags: input.flags,
    rules: settings.rules,
    now: input.now,
  });
  const consents = new Map(input.consents.map((k) => [k.id, k]));
  const query = queryFrom(input.conversation);
  const names = new Map<string, string>();
  const nameOf = (category: string) =>
    names.get(category) ?? names.set(category, categoryName(taxonomy, category)).get(category)!;

  // Every permitted fact is ranked; only the shown ones get their consent badge and "why" line.
  const permitted: Ranked[] = [];
  const withheldFacts: StoredFact[] = [];
  const counts = new Map<string, WithheldCount>();
  for (const d of decisions) {
    const fact = d.fact;
    if (!d.permitted) {
      withheldFacts.push(fact);
      const key = `${fact.category} ${d.reason}`;
      const c = counts.get(key) ?? {
        category: fact.category,
        categoryName: nameOf(fact.category),
        reason: d.reason,
        count: 0,
      };
      c.count += 1;
      counts.set(key, c);
      continue;
    }
    const name = nameOf(fact.category);
    permitted.push({
      fact,
      categoryName: name,
      consentIds: d.consentIds,
      relevance: relevance(query, { text: fact.text, category: fact.category, categoryName: name, value: fact.value }),
    });
  }
  const why = phrasing.only('why')!;
  const customer = customerScope(input.customer);
  // The why line speaks of the customer and the consent, and of the fact where its template names one. Where it does
  // not, it is given no fact: then the line is the same for every fact under one consent and category, rendered once.
  const whyLines = new Map<string, string>();
  const whyLine = (fact: StoredFact & { categoryName: string }, consent: ConsentState, category: string) => {
    const scope = () => ({
      customer,
      consent: consentScope(consent, purposeName(taxonomy, consent.purpose), nameOf(category)),
    });
    if (why.reads.has('fact')) return render(why, { ...scope(), fact: factScope(fact) });
    const key = `${consent.id}\n${category}`;
    return whyLines.get(key) ?? whyLines.set(key, render(why, scope())).get(key)!;
  };
  const shown = top(permitted, settings.limit).map(({ fact, categoryName: name, consentIds, relevance }): ShownFact => {
    const { consent, category } = primary(
      fact,
      consentIds.map((id) => consents.get(id)!),
    );
    return {
      factId: fact.id,
      category: fact.category,
      categoryName: name,
      text: fact.text,
      value: fact.value ?? null,
      source: fact.source,
      collectedAt: fact.collectedAt,
      consentId: consent.id,
      consent: {
        id: consent.id,
        purpose: consent.purpose,
        purposeName: purposeName(taxonomy, consent.purpose),
        category,
        at: consent.at,
        source: consent.source,
      },
      consentIds,
      why: whyLine({ ...fact, categoryName: name }, consent, category),
      relevance,
    };
  });
  const withheld = [...counts.values()].sort(
    (a, b) => a.category.localeCompare(b.category) || a.reason.localeCompare(b.reason),
  );

  return {
    view: {
      customer: { id: input.customer.id, displayName: input.customer.displayName },
      language: ticketLanguage(input.conversation, input.language),
      purpose: settings.rules.purpose,
      purposeName: purposeName(taxonomy, settings.rules.purpose),
      at: new Date(input.now).toISOString(),
      shown,
      withheld,
      omitted: permitted.length - shown.length,
      articles: (input.articles ?? []).map(listed),
    },
    withheldFacts,
    articles: input.articles ?? [],
  };
}
