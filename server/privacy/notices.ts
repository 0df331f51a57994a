/** Plain-language notices for a panel when a customer's data changes under it. */
import type { Notice } from '../protocol/events.js';
import { categoryName, type Taxonomy } from '../taxonomy/taxonomy.js';

const list = (names: string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

export function consentNotice(
  t: Taxonomy,
  kind: 'consent.granted' | 'consent.withdrawn',
  categories: readonly string[],
  at: string,
): Notice {
  const what = list(categories.map((c) => categoryName(t, c)));
  return {
    kind,
    at,
    text: kind === 'consent.withdrawn' ? `Customer withdrew consent for ${what}` : `Customer gave consent for ${what}`,
  };
}

export const flagNotice = (kind: 'customer.opted_out' | 'customer.opted_in' | 'customer.gpc', at: string): Notice => ({
  kind,
  at,
  text: {
    'customer.opted_out': 'Customer opted out of the use of their data for support',
    'customer.opted_in': 'Customer allowed the use of their data for support again',
    'customer.gpc': 'Customer sent a Global Privacy Control signal: their data is no longer used',
  }[kind],
});

export const erasureNotice = (t: Taxonomy, category: string, at: string): Notice => ({
  kind: 'fact.erased',
  at,
  text: `A fact (${categoryName(t, category)}) was erased at the customer's request`,
});

export const correctionNotice = (t: Taxonomy, category: string, at: string): Notice => ({
  kind: 'facts.changed',
  at,
  text: `A fact (${categoryName(t, category)}) was corrected at the customer's request`,
});

export const factsNotice = (count: number, at: string): Notice => ({
  kind: 'facts.changed',
  at,
  text: `${count} fact(s) about the customer were added or updated`,
});
