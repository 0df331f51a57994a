/**
 * What the portal shows a customer: everything held about them, each fact with whether agents can
 * see it and why in plain words, and each consent with what it allows. A pure function of the
 * store's snapshot; the same policy decides here as in the side panel.
 */
import { decide, type PolicyRules } from '../policy/policy.js';
import { isAtOrUnder } from '../policy/keys.js';
import type { ConsentState } from '../consent/ledger.js';
import type { CustomerSnapshot } from '../store/types.js';
import { categoryName, type Taxonomy } from '../taxonomy/taxonomy.js';
import { listOf } from '../format/words.js';
import type { Key } from '../i18n/catalogue.js';
import { wordsFor, type Words } from '../i18n/translate.js';

export interface HeldFact {
  id: string;
  category: string;
  categoryName: string;
  text: string;
  value: unknown;
  source: string;
  collectedAt: string;
  agentsSee: boolean;
  why: string;
}

export interface HeldConsent extends ConsentState {
  /** "Use your purchase history to help you with support requests". */
  allows: string;
  state: 'active' | 'withdrawn' | 'expired' | 'denied';
}

export interface Holdings {
  facts: HeldFact[];
  erasedFacts: number;
  consents: HeldConsent[];
}

const PURPOSES: [prefix: string, words: Key][] = [
  ['essential.service.operations.support', 'purpose.support'],
  ['essential', 'purpose.essential'],
  ['marketing', 'purpose.marketing'],
  ['personalize', 'purpose.personalize'],
  ['analytics', 'purpose.analytics'],
];

/** What a consent allows, in the reader's words (English for a receipt). */
export function consentAllows(
  t: Taxonomy,
  k: { purpose: string; categories: readonly string[] },
  w: Words = wordsFor('en'),
): string {
  const known = PURPOSES.find(([prefix]) => isAtOrUnder(k.purpose, prefix))?.[1];
  const purpose = known
    ? w.t(known)
    : w.t('purpose.other', { purpose: (t.purposes.get(k.purpose) ?? k.purpose).toLowerCase() });
  return w.t('consent.allows', {
    categories: listOf(
      k.categories.map((c) => categoryName(t, c)),
      w.locale,
    ),
    purpose,
  });
}

function stateOf(k: ConsentState, now: number): HeldConsent['state'] {
  if (k.status === 'denied') return 'denied';
  if (k.withdrawnAt) return 'withdrawn';
  if (k.expiresAt && Date.parse(k.expiresAt) <= now) return 'expired';
  return 'active';
}

/**
 * `w` is the reader's words (the portal page's Accept-Language); dates are in UTC, as the server cannot know the
 * reader's zone.
 */
export function holdings(
  snap: CustomerSnapshot,
  rules: PolicyRules,
  taxonomy: Taxonomy,
  now: number,
  w: Words = wordsFor('en'),
): Holdings {
  const live = snap.facts.filter((f) => !f.erased);
  const byId = new Map(snap.consents.map((k) => [k.id, k]));
  const facts = decide({ facts: live, consents: snap.consents, flags: snap.flags, rules, now }).map((d): HeldFact => {
    const f = d.fact;
    const consent = d.permitted ? byId.get(d.consentIds[0]!) : undefined;
    return {
      id: f.id,
      category: f.category,
      categoryName: categoryName(taxonomy, f.category),
      text: f.text,
      value: f.value ?? null,
      source: f.source,
      collectedAt: f.collectedAt,
      agentsSee: d.permitted,
      why: d.permitted
        ? w.t('why.allowed', { day: w.time(consent!.at, 'date'), source: consent!.source })
        : w.t(`why.${d.reason}`),
    };
  });
  return {
    facts,
    erasedFacts: snap.facts.length - live.length,
    consents: snap.consents.map((k) => ({ ...k, allows: consentAllows(taxonomy, k, w), state: stateOf(k, now) })),
  };
}
