/**
 * What the portal shows a customer: everything held about them, each fact with whether agents can
 * see it and why in plain words, and each consent with what it allows. A pure function of the
 * store's snapshot; the same policy decides here as in the side panel.
 */
import { decide, type PolicyRules } from '../policy/policy.js';
import { isAtOrUnder } from '../policy/keys.js';
import type { ConsentState } from '../consent/ledger.js';
import type { WithheldReason } from '../protocol/domain.js';
import type { CustomerSnapshot } from '../store/types.js';
import { categoryName, type Taxonomy } from '../taxonomy/taxonomy.js';
import { formatDay, SERVER_LOCALE } from '../dates.js';
import { listOf } from '../format/words.js';

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

const PURPOSES: [prefix: string, words: string][] = [
  ['essential.service.operations.support', 'help you with support requests'],
  ['essential', 'run our service, including helping you with support requests'],
  ['marketing', 'send you marketing and show you offers'],
  ['personalize', 'personalise what we show you'],
  ['analytics', 'analyse how our service is used'],
];

export function consentAllows(t: Taxonomy, k: { purpose: string; categories: readonly string[] }): string {
  const words =
    PURPOSES.find(([prefix]) => isAtOrUnder(k.purpose, prefix))?.[1] ??
    `for "${(t.purposes.get(k.purpose) ?? k.purpose).toLowerCase()}"`;
  return `Use your ${listOf(k.categories.map((c) => categoryName(t, c)))} to ${words}`;
}

const WITHHELD: Record<WithheldReason, string> = {
  no_consent: 'Agents cannot see this: you have not allowed its use for support.',
  withdrawn: 'Agents cannot see this: you withdrew the consent that allowed it.',
  expired: 'Agents cannot see this: the consent that allowed it has expired.',
  needs_explicit_consent:
    'Agents cannot see this: it is sensitive, and only a consent given for exactly this kind of data would allow it.',
  never_shown: 'Agents never see this: it is a credential or security detail.',
  opted_out: 'Agents cannot see this: you asked us not to use your data to personalise support.',
};

function stateOf(k: ConsentState, now: number): HeldConsent['state'] {
  if (k.status === 'denied') return 'denied';
  if (k.withdrawnAt) return 'withdrawn';
  if (k.expiresAt && Date.parse(k.expiresAt) <= now) return 'expired';
  return 'active';
}

/**
 * `locale` is the reader's (the portal page's Accept-Language); dates are in UTC, as the server cannot know the
 * reader's zone.
 */
export function holdings(
  snap: CustomerSnapshot,
  rules: PolicyRules,
  taxonomy: Taxonomy,
  now: number,
  locale = SERVER_LOCALE,
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
        ? `Support agents can see this, because you allowed it on ` +
          `${formatDay(consent!.at, locale)} (${consent!.source}).`
        : WITHHELD[d.reason],
    };
  });
  return {
    facts,
    erasedFacts: snap.facts.length - live.length,
    consents: snap.consents.map((k) => ({ ...k, allows: consentAllows(taxonomy, k), state: stateOf(k, now) })),
  };
}
