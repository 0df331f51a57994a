/**
 * The consent policy of DESIGN.md, as one pure function: no I/O, no clock, no taxonomy lookups.
 * For each fact it answers either the consents that permit it at `now`, or the one reason it is
 * withheld. Default is deny.
 */
import type { WithheldReason } from '../protocol/domain.js';
import { isAtOrUnder } from './keys.js';

export interface PolicyFact {
  id: string;
  category: string;
  erased?: boolean;
}

/** A consent as it stands after its history is folded (see consent/ledger.ts). */
export interface PolicyConsent {
  id: string;
  purpose: string;
  categories: readonly string[];
  status: 'granted' | 'denied';
  at: string;
  expiresAt?: string | null;
  withdrawnAt?: string | null;
}

export interface PolicyRules {
  /** The purpose the assist uses data for: `essential.service.operations.support` unless configured. */
  purpose: string;
  specialRoots: readonly string[];
  neverShownRoots: readonly string[];
}

export interface PolicyInput<F extends PolicyFact = PolicyFact> {
  facts: readonly F[];
  consents: readonly PolicyConsent[];
  flags: { optedOut: boolean; gpc: boolean };
  rules: PolicyRules;
  /** Epoch milliseconds. */
  now: number;
}

export type Decision<F extends PolicyFact = PolicyFact> =
  | { fact: F; permitted: true; consentIds: string[] }
  | { fact: F; permitted: false; reason: WithheldReason };

/**
 * When several consents come close, the most telling reason wins: a consent that would have
 * permitted the fact but was withdrawn says more than one that merely does not reach it.
 */
const REASON_RANK: Record<'withdrawn' | 'expired' | 'needs_explicit_consent' | 'no_consent', number> = {
  withdrawn: 4,
  expired: 3,
  needs_explicit_consent: 2,
  no_consent: 1,
};

type Reach = 'covers' | 'needs_explicit_consent' | 'none';

/** Rules 3 and 4: does one of the consent's categories cover the fact, explicitly enough? */
function reach(consent: PolicyConsent, category: string, specialRoot: string | undefined): Reach {
  let result: Reach = 'none';
  for (const c of consent.categories) {
    if (!isAtOrUnder(category, c)) continue;
    if (specialRoot === undefined || isAtOrUnder(c, specialRoot)) return 'covers';
    result = 'needs_explicit_consent';
  }
  return result;
}

/** Rule 1, with the reason a covering consent does not count at `now`. */
function liveness(consent: PolicyConsent, now: number): 'live' | 'withdrawn' | 'expired' | 'no_consent' {
  if (consent.status !== 'granted' || Date.parse(consent.at) > now) return 'no_consent';
  if (consent.withdrawnAt != null && Date.parse(consent.withdrawnAt) <= now) return 'withdrawn';
  if (consent.expiresAt != null && Date.parse(consent.expiresAt) <= now) return 'expired';
  return 'live';
}

export function decide<F extends PolicyFact>(input: PolicyInput<F>): Decision<F>[] {
  const { rules, now } = input;
  const optedOut = input.flags.optedOut || input.flags.gpc;
  // Rule 2 depends on the consent alone, so it is applied once, not per fact.
  const purposeFit = input.consents.filter((k) => isAtOrUnder(rules.purpose, k.purpose));
  const live = new Map(purposeFit.map((k) => [k.id, liveness(k, now)]));

  // Everything after the erasure check depends on the category alone, so it is worked out once per category.
  const byCategory = new Map<string, CategoryOutcome>();
  const outcome = (category: string) => {
    let o = byCategory.get(category);
    if (!o) {
      o = categoryOutcome(category, purposeFit, live, optedOut, rules);
      byCategory.set(category, o);
    }
    return o;
  };

  return input.facts.map((fact): Decision<F> => {
    if (fact.erased) return { fact, permitted: false, reason: 'never_shown' };
    const o = outcome(fact.category);
    return 'reason' in o
      ? { fact, permitted: false, reason: o.reason }
      : { fact, permitted: true, consentIds: [...o.consentIds] };
  });
}

type CategoryOutcome = { consentIds: string[] } | { reason: WithheldReason };

/** The decision for a fact of `category` that is not erased: the consents that permit it, or why none does. */
function categoryOutcome(
  category: string,
  purposeFit: readonly PolicyConsent[],
  live: ReadonlyMap<string, ReturnType<typeof liveness>>,
  optedOut: boolean,
  rules: PolicyRules,
): CategoryOutcome {
  if (rules.neverShownRoots.some((r) => isAtOrUnder(category, r))) return { reason: 'never_shown' };
  if (optedOut) return { reason: 'opted_out' };

  // With nested special roots the deepest one decides: a consent at or under it is at or under them all.
  const specialRoot = rules.specialRoots.filter((r) => isAtOrUnder(category, r)).sort((a, b) => b.length - a.length)[0];
  const consentIds: string[] = [];
  let reason: keyof typeof REASON_RANK = 'no_consent';
  for (const k of purposeFit) {
    const r = reach(k, category, specialRoot);
    if (r === 'none') continue;
    const state = live.get(k.id)!;
    const why = r === 'covers' ? state : state === 'live' ? 'needs_explicit_consent' : 'no_consent';
    if (why === 'live') consentIds.push(k.id);
    else if (REASON_RANK[why] > REASON_RANK[reason]) reason = why;
  }
  return consentIds.length > 0 ? { consentIds } : { reason };
}
