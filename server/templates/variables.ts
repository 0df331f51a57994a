/**
 * What each kind of template may refer to. A template that names anything else is refused at load
 * with its file and line, so a typo never renders as an empty string in front of a customer.
 * A trailing `*` allows any path below (a fact's structured value has no fixed shape).
 */
const customer = ['customer.displayName', 'customer.firstName'];
const fact = (name: string) =>
  ['text', 'source', 'category', 'categoryName', 'marker', 'collectedOn', 'value.*'].map((f) => `${name}.${f}`);
const article = ['article.title', 'article.passage', 'article.marker', 'article.updatedOn', 'article.url'];
const consent = ['consent.id', 'consent.purposeName', 'consent.categoryName', 'consent.givenOn', 'consent.source'];

export const TEMPLATE_VARIABLES = {
  /** A reply built on one fact. */
  fact: [...customer, ...fact('fact')],
  /** A reply built on the two most relevant facts. */
  pair: [...customer, ...fact('first'), ...fact('second')],
  /** A reply that uses no fact at all. */
  general: customer,
  /**
   * A reply quoting the best public help-centre article (`article.passage`, one of its sentences, word for word), on
   * its own or after a reply on a fact.
   */
  article: [...customer, ...article],
  /** The explanation in a footnote that cites an article (also the customer's note for it). */
  'article-footnote': [...customer, ...article],
  /** The context view's one-line "why you can see this". */
  why: [...customer, ...fact('fact'), ...consent],
  /** A suggestion footnote's explanation. */
  footnote: [...customer, ...fact('fact'), ...consent],
  /** A note for the customer, after the reply: where one fact the reply used came from and under which consent. */
  'customer-note': [...customer, ...fact('fact'), ...consent],
  /** The line after the customer's notes: where to see or change their data, and the one-click pause. */
  'customer-notes-footer': [...customer, 'links.portal', 'links.pause'],
  /**
   * A draft notice to one customer whose facts a compromised token saw (a breach report): for the privacy officer to
   * review; Candor sends nothing. `breach.categories` are in words, `breach.from` and `breach.until` dates and times.
   */
  'breach-notice': [...customer, 'breach.categories', 'breach.from', 'breach.until', 'controller.name'],
  /** The model engine's system prompt: the rules, and the ticket's language to answer in ("German", `de`). */
  'model-system': [...customer, 'language.name', 'language.locale'],
  /**
   * The model engine's user prompt: masked facts (`ref`, `text`, `source`, `categoryName`, `collectedOn`), the public
   * help-centre passages found for the conversation (`ref`, `title`, `passage`, `updatedOn`) and the masked
   * conversation (`role`, `text`).
   */
  'model-user': [
    ...customer,
    'facts',
    'facts.*',
    'articles',
    'articles.*',
    'conversation',
    'conversation.*',
    'maxSuggestions',
  ],
} as const;

/** Kinds the offline engine and the context view need in every prompts folder. */
export const OFFLINE_KINDS = ['fact', 'general', 'why', 'footnote'] as const;
/** Kinds that turn on customer notes where a prompts folder has them (without them, notes are not offered). */
export const NOTE_KINDS = ['customer-note', 'customer-notes-footer'] as const;
/** Kinds the model engine needs in addition. */
export const MODEL_KINDS = ['model-system', 'model-user'] as const;

export type TemplateKind = keyof typeof TEMPLATE_VARIABLES;

export function isAllowed(kind: TemplateKind, path: string): boolean {
  return TEMPLATE_VARIABLES[kind].some((v) => (v.endsWith('.*') ? path.startsWith(v.slice(0, -1)) : path === v));
}
