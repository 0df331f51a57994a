/**
 * The offline engine: deterministic, no network. It phrases 1–3 replies from the templates in
 * `prompts/offline/`: one on the most relevant fact, one on the two most relevant, and one that
 * uses no data. Only facts the customer's messages refer to are used (data minimisation).
 */
import { createHash } from 'node:crypto';
import type { ContextView, Footnote, ShownFact, Suggestion } from '../protocol/assist.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { categoryName } from '../taxonomy/taxonomy.js';
import { consentScope, customerScope, factScope, render, type Phrasing } from '../templates/phrasing.js';
import type { PhrasingTemplate } from '../templates/templates.js';

export interface EngineDeps {
  phrasing: Phrasing;
  taxonomy: Taxonomy;
}

/** Footnote n for a shown fact, explained by the footnote template. */
export function footnoteFor(fact: ShownFact, marker: number, view: ContextView, deps: EngineDeps): Footnote {
  const k = fact.consent;
  const explanation = render(deps.phrasing.only('footnote')!, {
    customer: customerScope(view.customer),
    fact: factScope(fact, marker),
    consent: consentScope(
      k,
      deps.taxonomy.purposes.get(k.purpose) ?? k.purpose,
      categoryName(deps.taxonomy, k.category),
    ),
  });
  return { marker, factIds: [fact.factId], consentId: fact.consentId, explanation };
}

function suggestion(template: PhrasingTemplate, text: string, footnotes: Footnote[]): Suggestion {
  const id = createHash('sha256').update(`${template.id}\n${text}`).digest('base64url').slice(0, 12);
  return { id, text, footnotes, template: { id: template.id, version: template.version }, modelCall: null };
}

export function offlineSuggestions(view: ContextView, deps: EngineDeps): Suggestion[] {
  const { phrasing } = deps;
  const customer = customerScope(view.customer);
  const relevant = view.shown.filter((f) => f.relevance > 0);
  const out: Suggestion[] = [];

  const [first, second] = relevant;
  if (first) {
    const t = phrasing.forFact(first.category);
    out.push(suggestion(t, render(t, { customer, fact: factScope(first, 1) }), [footnoteFor(first, 1, view, deps)]));
  }
  const pair = phrasing.only('pair');
  if (first && second && pair) {
    const text = render(pair, { customer, first: factScope(first, 1), second: factScope(second, 2) });
    out.push(suggestion(pair, text, [footnoteFor(first, 1, view, deps), footnoteFor(second, 2, view, deps)]));
  }
  const general = phrasing.only('general')!;
  out.push(suggestion(general, render(general, { customer }), []));
  return out;
}
