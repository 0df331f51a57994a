/**
 * The context view: what an agent may see of a customer for one ticket. The policy decides; this
 * file ranks the permitted facts by what the customer is talking about, caps them (data
 * minimisation), explains each one, and reduces the rest to counts per category and reason.
 */
import type { ContextView, ShownFact, WithheldCount } from '../protocol/assist.js';
import type { CustomerFlags, Fact, Message } from '../protocol/domain.js';
import type { ConsentState } from '../consent/ledger.js';
import { decide, type PolicyRules } from '../policy/policy.js';
import { isAtOrUnder } from '../policy/keys.js';
import { categoryName, type Taxonomy } from '../taxonomy/taxonomy.js';
import { consentScope, customerScope, factScope, render, type Phrasing } from '../prompts/phrasing.js';
import { queryFrom, relevance } from './relevance.js';

/** A stored fact; an erased one is a tombstone whose text and value are gone. */
export type StoredFact = Fact & { erased?: boolean };

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
}

/** The view plus what only the server may hold: the facts withheld, kept so the guard can look for them. */
export interface AssistContext {
  view: ContextView;
  withheldFacts: StoredFact[];
}

/** The most specific permitting consent, then the most recent: the one the fact most plainly rests on. */
function primary(fact: Fact, permitting: ConsentState[]): { consent: ConsentState; category: string } {
  const covering = (k: ConsentState) =>
    k.categories.filter((c) => isAtOrUnder(fact.category, c)).sort((a, b) => b.length - a.length)[0]!;
  const ranked = permitting
    .map((consent) => ({ consent, category: covering(consent) }))
    .sort((a, b) => b.category.length - a.category.length || b.consent.at.localeCompare(a.consent.at) || a.consent.id.localeCompare(b.consent.id));
  return ranked[0]!;
}

export function buildContext(input: ContextInput, settings: ContextSettings): AssistContext {
  const { taxonomy, phrasing } = settings;
  const live = input.facts.filter((f) => !f.erased); // a tombstone is no longer a fact about anyone
  const decisions = decide({ facts: live, consents: input.consents, flags: input.flags, rules: settings.rules, now: input.now });
  const consents = new Map(input.consents.map((k) => [k.id, k]));
  const query = queryFrom(input.conversation);
  const why = phrasing.only('why')!;
  const customer = customerScope(input.customer);
  const purposeName = (key: string) => taxonomy.purposes.get(key) ?? key;

  // The "why" line is rendered only for the facts shown; the rest are counted as omitted, never displayed.
  const permitted: (Omit<ShownFact, 'why'> & { whyScope: () => object })[] = [];
  const withheldFacts: StoredFact[] = [];
  const counts = new Map<string, WithheldCount>();
  for (const d of decisions) {
    const fact = d.fact;
    if (!d.permitted) {
      withheldFacts.push(fact);
      const key = `${fact.category} ${d.reason}`;
      const c = counts.get(key) ?? { category: fact.category, reason: d.reason, count: 0 };
      c.count += 1;
      counts.set(key, c);
      continue;
    }
    const { consent, category } = primary(fact, d.consentIds.map((id) => consents.get(id)!));
    const name = categoryName(taxonomy, fact.category);
    permitted.push({
      factId: fact.id,
      category: fact.category,
      categoryName: name,
      text: fact.text,
      value: fact.value ?? null,
      source: fact.source,
      collectedAt: fact.collectedAt,
      consentId: consent.id,
      consent: { id: consent.id, purpose: consent.purpose, category, at: consent.at, source: consent.source },
      consentIds: d.consentIds,
      whyScope: () => ({
        customer,
        fact: factScope({ ...fact, categoryName: name }),
        consent: consentScope(consent, purposeName(consent.purpose), categoryName(taxonomy, category)),
      }),
      relevance: relevance(query, { ...fact, categoryName: name }),
    });
  }
  permitted.sort((a, b) => b.relevance - a.relevance || b.collectedAt.localeCompare(a.collectedAt) || a.factId.localeCompare(b.factId));
  const shown: ShownFact[] = permitted.slice(0, settings.limit).map(({ whyScope, ...f }) => ({ ...f, why: render(why, whyScope()) }));
  const withheld = [...counts.values()].sort((a, b) => a.category.localeCompare(b.category) || a.reason.localeCompare(b.reason));

  return {
    view: {
      customer: { id: input.customer.id, displayName: input.customer.displayName },
      purpose: settings.rules.purpose,
      at: new Date(input.now).toISOString(),
      shown,
      withheld,
      omitted: permitted.length - shown.length,
    },
    withheldFacts,
  };
}
