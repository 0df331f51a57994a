/**
 * What each kind of template may refer to. A template that names anything else is refused at load
 * with its file and line, so a typo never renders as an empty string in front of a customer.
 * A trailing `*` allows any path below (a fact's structured value has no fixed shape).
 */
const customer = ['customer.displayName', 'customer.firstName'];
const fact = (name: string) =>
  ['text', 'source', 'category', 'categoryName', 'marker', 'collectedOn', 'value.*'].map((f) => `${name}.${f}`);
const consent = ['consent.id', 'consent.purposeName', 'consent.categoryName', 'consent.givenOn', 'consent.source'];

export const TEMPLATE_VARIABLES = {
  /** A reply built on one fact. */
  fact: [...customer, ...fact('fact')],
  /** A reply built on the two most relevant facts. */
  pair: [...customer, ...fact('first'), ...fact('second')],
  /** A reply that uses no fact at all. */
  general: customer,
  /** The context view's one-line "why you can see this". */
  why: [...customer, ...fact('fact'), ...consent],
  /** A suggestion footnote's explanation. */
  footnote: [...customer, ...fact('fact'), ...consent],
} as const;

export type TemplateKind = keyof typeof TEMPLATE_VARIABLES;

export function isAllowed(kind: TemplateKind, path: string): boolean {
  return TEMPLATE_VARIABLES[kind].some((v) =>
    v.endsWith('.*') ? path.startsWith(v.slice(0, -1)) : path === v,
  );
}
