/**
 * How much a fact has to do with what the customer wrote: shared words between the customer's
 * messages (the latest counting most) and the fact's text, value and category, plus a few support
 * words that point at a category ("delivery" → purchase history). Deterministic and cheap.
 */
import type { Message } from '../protocol/domain.js';
import { isAtOrUnder } from '../policy/keys.js';

export const STOP = new Set(
  (
    'a an and are as at be but by can could did do does for from had has ' +
    'have hi hello i if in is it its me my no not of on or our please so ' +
    'than that the their them then there this to up was we what when where ' +
    'which who why will with would you your yours just about after before ' +
    'get got thanks thank'
  ).split(' '),
);

/** Words that say a message is about a category although they share no word with the fact. */
const CATEGORY_HINTS: [string, string][] = [
  [
    'user.behavior.purchase_history',
    'order bought buy purchase deliver delivery package parcel refund ' +
      'return replacement broken stop work warranty subscription product ' +
      'item arrive',
  ],
  ['user.contact.address', 'address home ship send deliver delivery post move'],
  ['user.contact.email', 'email mail inbox'],
  ['user.contact.phone_number', 'phone call text sms number'],
  ['user.demographic.language', 'language speak translate english'],
  ['user.health_and_medical', 'safe allergy allergic diet dietary gluten intolerant health ingredient'],
  ['user.financial', 'card charge charged billing bill payment pay invoice bank'],
  ['user.account', 'account login username sign'],
];

const WORD = /[\p{L}\p{N}]+/gu;
const CONSONANT = /[b-df-hj-np-tv-z]/;

/**
 * One word's stem: "-ies"/"-ied" become "-y", then the longest of "-ing", "-ed", "-es", "-s" goes,
 * then a doubled consonant is halved. Suffix tests rather than three regular-expression replacements:
 * this runs for every word of every permitted fact at every view.
 */
function stemOf(raw: string): string {
  let stem = raw;
  if (stem.endsWith('ies') || stem.endsWith('ied')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.endsWith('ed') || stem.endsWith('es')) stem = stem.slice(0, -2);
  else if (stem.endsWith('s')) stem = stem.slice(0, -1);
  const n = stem.length;
  if (n >= 2 && stem[n - 1] === stem[n - 2] && CONSONANT.test(stem[n - 1]!)) stem = stem.slice(0, -1);
  return stem.length >= 2 ? stem : raw;
}

/**
 * Adds to `into` the stem of every word of `text` that is not a stop word or a single letter; with `keep`, only the
 * stems it holds.
 */
function addStems(text: string, into: Set<string>, keep?: ReadonlyMap<string, unknown>): Set<string> {
  for (const raw of text.toLowerCase().match(WORD) ?? []) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    const stem = stemOf(raw);
    if (!keep || keep.has(stem)) into.add(stem);
  }
  return into;
}

/**
 * Lower-case word stems, crude but consistent: "delivered" → "deliver", "Deliveries" → "delivery", "stopped" → "stop".
 */
export function stems(text: string): Set<string> {
  return addStems(text, new Set());
}

const HINT_STEMS = CATEGORY_HINTS.map(([category, words]) => [category, [...stems(words)]] as const);

export interface Query {
  /** Stem → weight: the latest customer message weighs 1, earlier ones less. */
  weights: Map<string, number>;
}

export function queryFrom(conversation: readonly Message[]): Query {
  const weights = new Map<string, number>();
  const customer = conversation.filter((m) => m.role === 'customer');
  customer.forEach((m, i) => {
    const w = 1 / (customer.length - i);
    for (const s of stems(m.text)) weights.set(s, Math.max(weights.get(s) ?? 0, w));
  });
  return { weights };
}

/** The sum of the query's weights over the stems the fact shares with it (hint words included), each counted once. */
export function relevance(
  query: Query,
  fact: { text: string; category: string; categoryName: string; value?: unknown },
): number {
  const { weights } = query;
  if (weights.size === 0) return 0;
  const shared = addStems(
    `${fact.text} ${fact.categoryName} ${fact.value ? JSON.stringify(fact.value) : ''}`,
    new Set(),
    weights,
  );
  for (const [category, hints] of HINT_STEMS) {
    if (!isAtOrUnder(fact.category, category)) continue;
    for (const h of hints) if (weights.has(h)) shared.add(h);
  }
  let score = 0;
  for (const s of shared) score += weights.get(s)!;
  return Math.round(score * 1000) / 1000;
}
