/** The model's prompt, rendered from the team's templates with every customer value masked. */
import type { AssistContext } from '../../context/view.js';
import type { Message } from '../../protocol/domain.js';
import type { ShownFact } from '../../protocol/assist.js';
import type { ArticleMatch } from '../../protocol/articles.js';
import { customerScope, type Phrasing } from '../../templates/phrasing.js';
import { formatDay } from '../../dates.js';
import { renderPrompt, type PhrasingTemplate } from '../../templates/templates.js';

export interface Masking {
  mask(text: string): string;
}

export interface Prompt {
  messages: { role: 'system' | 'user'; content: string }[];
  templates: { system: PhrasingTemplate; user: PhrasingTemplate };
  /** `F1`, `F2`… → the shown fact each ref stands for; the model never sees fact ids. */
  refs: Map<string, ShownFact>;
  /** `A1`, `A2`… → the public article each ref stands for. Internal articles are never in a prompt. */
  articleRefs: Map<string, ArticleMatch>;
}

export const MAX_SUGGESTIONS = 3;

export function buildPrompt(
  ctx: AssistContext,
  conversation: readonly Message[],
  phrasing: Phrasing,
  masking: Masking,
): Prompt {
  const system = phrasing.only('model-system')!;
  const user = phrasing.only('model-user')!;
  const refs = new Map(ctx.view.shown.map((f, i) => [`F${i + 1}`, f]));
  const articleRefs = new Map(
    ctx.articles.filter((m) => m.article.visibility === 'public').map((m, i) => [`A${i + 1}`, m]),
  );
  const plain = customerScope(ctx.view.customer);
  const customer = { displayName: masking.mask(plain.displayName), firstName: masking.mask(plain.firstName) };
  const scope = {
    customer,
    facts: [...refs].map(([ref, f]) => ({
      ref,
      text: masking.mask(f.text),
      source: f.source,
      categoryName: f.categoryName,
      collectedOn: formatDay(f.collectedAt),
    })),
    // The organisation's own text, not a customer's: not masked.
    articles: [...articleRefs].map(([ref, m]) => ({
      ref,
      title: m.article.title,
      passage: m.passages.join(' '),
      updatedOn: formatDay(`${m.article.updated}T00:00:00Z`),
    })),
    conversation: conversation.map((m) => ({ role: m.role, text: masking.mask(m.text) })),
    maxSuggestions: MAX_SUGGESTIONS,
  };
  return {
    messages: [
      { role: 'system', content: renderPrompt(system, { customer, language: ctx.view.language }) },
      { role: 'user', content: renderPrompt(user, scope) },
    ],
    templates: { system, user },
    refs,
    articleRefs,
  };
}
