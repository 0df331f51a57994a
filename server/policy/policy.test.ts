import { describe, expect, it } from 'vitest';
import { decide, type Decision, type PolicyConsent, type PolicyFact, type PolicyInput } from './policy.js';
import { DEFAULT_SPECIAL_ROOTS, NEVER_SHOWN_ROOTS } from '../taxonomy/taxonomy.js';

const SUPPORT = 'essential.service.operations.support';
const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

/** An ISO time `offset` ms from NOW. */
const at = (offset: number) => new Date(NOW + offset).toISOString();

const RULES = {
  purpose: SUPPORT,
  specialRoots: [...DEFAULT_SPECIAL_ROOTS],
  neverShownRoots: [...NEVER_SHOWN_ROOTS],
};

function consent(over: Partial<PolicyConsent> = {}): PolicyConsent {
  return {
    id: 'k1',
    purpose: SUPPORT,
    categories: ['user.behavior.purchase_history'],
    status: 'granted',
    at: at(-DAY),
    expiresAt: null,
    withdrawnAt: null,
    ...over,
  };
}

function fact(category: string, over: Partial<PolicyFact> = {}): PolicyFact {
  return { id: 'f1', category, ...over };
}

/** Decides a single fact. */
function decideOne(f: PolicyFact, consents: PolicyConsent[], over: Partial<PolicyInput> = {}): Decision {
  const decisions = decide({
    facts: [f],
    consents,
    flags: { optedOut: false, gpc: false },
    rules: RULES,
    now: NOW,
    ...over,
  });
  expect(decisions).toHaveLength(1);
  return decisions[0]!;
}

const PURCHASE = fact('user.behavior.purchase_history');

function expectPermitted(d: Decision, consentIds: string[]) {
  expect(d).toMatchObject({ permitted: true });
  if (!d.permitted) return;
  expect([...d.consentIds].sort()).toEqual([...consentIds].sort());
}

function expectWithheld(d: Decision, reason: string) {
  expect(d).toEqual({ fact: d.fact, permitted: false, reason });
}

describe('rule 1: the consent must be live at now', () => {
  it('when a granted consent covers the fact, then the fact is permitted by that consent', () => {
    expectPermitted(decideOne(PURCHASE, [consent()]), ['k1']);
  });

  it('when the covering consent is denied, then the fact is withheld for lack of consent', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ status: 'denied' })]), 'no_consent');
  });

  it('when the consent was given exactly at now, then it already counts', () => {
    expectPermitted(decideOne(PURCHASE, [consent({ at: at(0) })]), ['k1']);
  });

  it('when the consent is given only in the future, then the fact is withheld for lack of consent', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ at: at(1) })]), 'no_consent');
  });

  it('when consent is withdrawn before now, then the fact is withheld as withdrawn', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ withdrawnAt: at(-1) })]), 'withdrawn');
  });

  it('when consent is withdrawn exactly at now, then the fact is withheld as withdrawn', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ withdrawnAt: at(0) })]), 'withdrawn');
  });

  it('when the withdrawal lies after now, then the consent still permits the fact', () => {
    expectPermitted(decideOne(PURCHASE, [consent({ withdrawnAt: at(1) })]), ['k1']);
  });

  it('when the consent expired before now, then the fact is withheld as expired', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ expiresAt: at(-1) })]), 'expired');
  });

  it('when the consent expires exactly at now, then it counts as expired', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ expiresAt: at(0) })]), 'expired');
  });

  it('when the consent expires after now, then it still permits the fact', () => {
    expectPermitted(decideOne(PURCHASE, [consent({ expiresAt: at(1) })]), ['k1']);
  });

  it('when the consent has no expiry field at all, then it never expires', () => {
    const { expiresAt: _drop, ...noExpiry } = consent();
    expectPermitted(decideOne(PURCHASE, [noExpiry], { now: NOW + 3650 * DAY }), ['k1']);
  });

  it('when the consent has a null expiry, then it never expires', () => {
    expectPermitted(decideOne(PURCHASE, [consent({ expiresAt: null })], { now: NOW + 3650 * DAY }), ['k1']);
  });

  it('when the consent has no withdrawal field at all, then it is not withdrawn', () => {
    const { withdrawnAt: _drop, ...noWithdrawal } = consent();
    expectPermitted(decideOne(PURCHASE, [noWithdrawal]), ['k1']);
  });
});

describe('rule 2: the consent purpose must be the assist purpose or an ancestor of it', () => {
  it('when the consent is for the assist purpose itself, then it permits the fact', () => {
    expectPermitted(decideOne(PURCHASE, [consent({ purpose: SUPPORT })]), ['k1']);
  });

  it('when the consent is for the top-level ancestor "essential", then it permits the fact', () => {
    expectPermitted(decideOne(PURCHASE, [consent({ purpose: 'essential' })]), ['k1']);
  });

  it('when the consent is for the ancestor "essential.service", then it permits the fact', () => {
    expectPermitted(decideOne(PURCHASE, [consent({ purpose: 'essential.service' })]), ['k1']);
  });

  it('when the consent is for "marketing.communications", then it never permits a support fact', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ purpose: 'marketing.communications' })]), 'no_consent');
  });

  it('when the consent is for a sibling purpose, then it does not permit the fact', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ purpose: 'essential.service.operations.improve' })]), 'no_consent');
  });

  it('when the consent is for a purpose below the assist purpose, then it does not permit the fact', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ purpose: `${SUPPORT}.chat` })]), 'no_consent');
  });

  it(
    'when the consent purpose merely shares a string prefix with an ' + 'ancestor, then it does not permit the fact',
    () => {
      expectWithheld(decideOne(PURCHASE, [consent({ purpose: 'essential.serv' })]), 'no_consent');
    },
  );

  it('when the assist is configured for another purpose, then a support consent no longer reaches it', () => {
    const rules = { ...RULES, purpose: 'personalize' };
    expectWithheld(decideOne(PURCHASE, [consent({ purpose: SUPPORT })], { rules }), 'no_consent');
    expectPermitted(decideOne(PURCHASE, [consent({ purpose: 'personalize' })], { rules }), ['k1']);
  });
});

describe('rule 3: a consent category covers the fact at a dot boundary', () => {
  it('when the consent category equals the fact category, then it covers the fact', () => {
    expectPermitted(decideOne(PURCHASE, [consent({ categories: ['user.behavior.purchase_history'] })]), ['k1']);
  });

  it('when the consent category is an ancestor of the fact category, then it covers the fact', () => {
    expectPermitted(decideOne(PURCHASE, [consent({ categories: ['user.behavior'] })]), ['k1']);
    expectPermitted(decideOne(PURCHASE, [consent({ categories: ['user'] })]), ['k1']);
  });

  it('when the consent category is "user.behav", then it covers nothing under user.behavior', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ categories: ['user.behav'] })]), 'no_consent');
    expectWithheld(decideOne(fact('user.behavior'), [consent({ categories: ['user.behav'] })]), 'no_consent');
  });

  it('when the consent category is a child of the fact category, then it does not cover the parent fact', () => {
    expectWithheld(
      decideOne(fact('user.behavior'), [consent({ categories: ['user.behavior.purchase_history'] })]),
      'no_consent',
    );
  });

  it('when the consent category is a sibling of the fact category, then it does not cover the fact', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ categories: ['user.behavior.browsing_history'] })]), 'no_consent');
  });

  it('when any one of several consent categories covers the fact, then the consent permits it', () => {
    const k = consent({ categories: ['user.contact.email', 'user.behavior', 'user.demographic.language'] });
    expectPermitted(decideOne(PURCHASE, [k]), ['k1']);
  });
});

describe('rule 4: special categories need explicit consent', () => {
  const GENETIC = fact('user.health_and_medical.genetic');
  const RELIGION = fact('user.demographic.religious_belief');

  it('when the consent is to "user", then a genetic fact needs explicit consent', () => {
    expectWithheld(decideOne(GENETIC, [consent({ categories: ['user'] })]), 'needs_explicit_consent');
  });

  it('when the consent is to "user", then a religious-belief fact needs explicit consent', () => {
    expectWithheld(decideOne(RELIGION, [consent({ categories: ['user'] })]), 'needs_explicit_consent');
  });

  it('when the consent is to "user.demographic", then a religious-belief fact needs explicit consent', () => {
    expectWithheld(decideOne(RELIGION, [consent({ categories: ['user.demographic'] })]), 'needs_explicit_consent');
  });

  it('when the consent is to "user.demographic", then a non-special demographic fact is permitted', () => {
    expectPermitted(decideOne(fact('user.demographic.language'), [consent({ categories: ['user.demographic'] })]), [
      'k1',
    ]);
  });

  it(
    'when the consent names the special root "user.health_and_medical", ' + 'then it covers a genetic fact below it',
    () => {
      expectPermitted(decideOne(GENETIC, [consent({ categories: ['user.health_and_medical'] })]), ['k1']);
    },
  );

  it('when the consent names the special category itself, then it covers it', () => {
    expectPermitted(decideOne(RELIGION, [consent({ categories: ['user.demographic.religious_belief'] })]), ['k1']);
  });

  it('when the consent lists "user" and the special root, then it permits via the explicit category', () => {
    expectPermitted(decideOne(GENETIC, [consent({ categories: ['user', 'user.health_and_medical'] })]), ['k1']);
  });

  it('when the consent names a different special root, then it does not cover the fact at all', () => {
    expectWithheld(decideOne(GENETIC, [consent({ categories: ['user.biometric'] })]), 'no_consent');
  });

  it('when a non-explicit consent would cover a special fact but is withdrawn, then the fact is still withheld', () => {
    const d = decideOne(GENETIC, [consent({ categories: ['user'], withdrawnAt: at(-1) })]);
    expect(d.permitted).toBe(false);
  });

  describe('with an organisation-added special root', () => {
    const rules = { ...RULES, specialRoots: [...DEFAULT_SPECIAL_ROOTS, 'user.behavior.purchase_history'] };

    it('when the consent is to an ancestor of the added root, then the fact needs explicit consent', () => {
      expectWithheld(
        decideOne(PURCHASE, [consent({ categories: ['user.behavior'] })], { rules }),
        'needs_explicit_consent',
      );
      expectWithheld(decideOne(PURCHASE, [consent({ categories: ['user'] })], { rules }), 'needs_explicit_consent');
    });

    it('when the consent names the added root, then it covers facts at and below it', () => {
      expectPermitted(decideOne(PURCHASE, [consent({ categories: ['user.behavior.purchase_history'] })], { rules }), [
        'k1',
      ]);
      const returns = fact('user.behavior.purchase_history.returns');
      expectPermitted(decideOne(returns, [consent({ categories: ['user.behavior.purchase_history'] })], { rules }), [
        'k1',
      ]);
    });

    it('when the added root is not in force, then the same ancestor consent permits the fact', () => {
      expectPermitted(decideOne(PURCHASE, [consent({ categories: ['user.behavior'] })]), ['k1']);
    });
  });

  describe('with an organisation-added special root nested below a default one', () => {
    // The organisation marks genetic data special in its own right. The fact then lies under a special
    // root, user.health_and_medical.genetic, so DESIGN.md rule 4 requires the covering category to lie
    // at or under that same root; the broader default root does not relax it.
    const rules = { ...RULES, specialRoots: [...DEFAULT_SPECIAL_ROOTS, 'user.health_and_medical.genetic'] };

    it('when the consent is to the broader default root only, then the genetic fact needs explicit consent', () => {
      expectWithheld(
        decideOne(GENETIC, [consent({ categories: ['user.health_and_medical'] })], { rules }),
        'needs_explicit_consent',
      );
    });

    it('when the consent names the nested root, then the genetic fact is permitted', () => {
      expectPermitted(decideOne(GENETIC, [consent({ categories: ['user.health_and_medical.genetic'] })], { rules }), [
        'k1',
      ]);
    });
  });
});

describe('rule 5 and never-shown facts: opt-out, GPC, erasure, credentials', () => {
  it('when the customer has opted out, then a covered fact is withheld as opted out', () => {
    expectWithheld(decideOne(PURCHASE, [consent()], { flags: { optedOut: true, gpc: false } }), 'opted_out');
  });

  it('when the customer sent a GPC signal, then a covered fact is withheld as opted out', () => {
    expectWithheld(decideOne(PURCHASE, [consent()], { flags: { optedOut: false, gpc: true } }), 'opted_out');
  });

  it('when the customer has opted out, then even an uncovered fact reports opted out', () => {
    expectWithheld(decideOne(PURCHASE, [], { flags: { optedOut: true, gpc: false } }), 'opted_out');
  });

  it('when a covered fact has been erased, then it is withheld as never shown', () => {
    expectWithheld(decideOne(fact('user.behavior.purchase_history', { erased: true }), [consent()]), 'never_shown');
  });

  it('when a fact is explicitly not erased, then it is decided normally', () => {
    expectPermitted(decideOne(fact('user.behavior.purchase_history', { erased: false }), [consent()]), ['k1']);
  });

  it('when a password fact has a consent to exactly user.authorization.password, then it is still never shown', () => {
    const k = consent({ categories: ['user.authorization.password'] });
    expectWithheld(decideOne(fact('user.authorization.password'), [k]), 'never_shown');
  });

  it('when a credentials fact has a consent to "user", then it is never shown', () => {
    expectWithheld(
      decideOne(fact('user.authorization.credentials'), [consent({ categories: ['user'] })]),
      'never_shown',
    );
  });

  it('when a fact sits directly at user.authorization, then it is never shown', () => {
    const k = consent({ categories: ['user.authorization'] });
    expectWithheld(decideOne(fact('user.authorization'), [k]), 'never_shown');
  });

  it('when a category only shares the prefix "user.authorization", then it is not treated as never shown', () => {
    const k = consent({ categories: ['user.authorization_hints'] });
    expectPermitted(decideOne(fact('user.authorization_hints'), [k]), ['k1']);
  });

  it('when there are no consents at all, then every fact is withheld for lack of consent', () => {
    const decisions = decide({
      facts: [PURCHASE, fact('user.contact.email', { id: 'f2' }), fact('user.health_and_medical', { id: 'f3' })],
      consents: [],
      flags: { optedOut: false, gpc: false },
      rules: RULES,
      now: NOW,
    });
    expect(decisions.map((d) => (d.permitted ? 'permitted' : d.reason))).toEqual([
      'no_consent',
      'no_consent',
      'no_consent',
    ]);
  });

  it('when a consent covers nothing relevant, then the fact is withheld for lack of consent', () => {
    expectWithheld(decideOne(PURCHASE, [consent({ categories: ['user.contact.email'] })]), 'no_consent');
  });
});

describe('reason precedence when several consents come close', () => {
  const GENETIC = fact('user.health_and_medical.genetic');
  const withdrawn = consent({ id: 'w', categories: ['user.health_and_medical'], withdrawnAt: at(-1) });
  const expired = consent({ id: 'e', categories: ['user.health_and_medical'], expiresAt: at(-1) });
  const notExplicit = consent({ id: 'n', categories: ['user'] });
  const unrelated = consent({ id: 'u', categories: ['user.contact'] });

  it('when a withdrawn, an expired and a non-explicit consent all come close, then withdrawn wins', () => {
    expectWithheld(decideOne(GENETIC, [unrelated, notExplicit, expired, withdrawn]), 'withdrawn');
    expectWithheld(decideOne(GENETIC, [withdrawn, expired, notExplicit, unrelated]), 'withdrawn');
  });

  it('when an expired and a non-explicit consent come close, then expired wins', () => {
    expectWithheld(decideOne(GENETIC, [notExplicit, expired]), 'expired');
    expectWithheld(decideOne(GENETIC, [expired, notExplicit]), 'expired');
  });

  it('when only a non-explicit consent comes close, then explicit consent is needed', () => {
    expectWithheld(decideOne(GENETIC, [unrelated, notExplicit]), 'needs_explicit_consent');
  });

  it('when a consent is both withdrawn and expired, then it reports withdrawn', () => {
    const both = consent({ categories: ['user.health_and_medical'], withdrawnAt: at(-2), expiresAt: at(-1) });
    expectWithheld(decideOne(GENETIC, [both]), 'withdrawn');
  });

  it('when a withdrawn consent is for a foreign purpose, then it does not count as withdrawn', () => {
    const foreign = consent({ purpose: 'marketing.communications', withdrawnAt: at(-1) });
    expectWithheld(decideOne(PURCHASE, [foreign]), 'no_consent');
  });

  it('when one consent is withdrawn but another live one covers the fact, then the fact is permitted', () => {
    const live = consent({ id: 'live', categories: ['user.health_and_medical.genetic'] });
    expectPermitted(decideOne(GENETIC, [withdrawn, expired, notExplicit, live]), ['live']);
  });
});

describe('consentIds lists every permitting consent', () => {
  it('when several live consents cover the fact, then all of them are listed', () => {
    const ks = [
      consent({ id: 'a', categories: ['user'] }),
      consent({ id: 'b', purpose: 'essential', categories: ['user.behavior'] }),
      consent({ id: 'c', categories: ['user.behavior.purchase_history'] }),
    ];
    expectPermitted(decideOne(PURCHASE, ks), ['a', 'b', 'c']);
  });

  it('when only some consents permit the fact, then only those are listed', () => {
    const ks = [
      consent({ id: 'a', categories: ['user'] }),
      consent({ id: 'withdrawn', withdrawnAt: at(-1) }),
      consent({ id: 'expired', expiresAt: at(-1) }),
      consent({ id: 'denied', status: 'denied' }),
      consent({ id: 'marketing', purpose: 'marketing.communications' }),
      consent({ id: 'other', categories: ['user.contact'] }),
      consent({ id: 'future', at: at(DAY) }),
      consent({ id: 'b', categories: ['user.behavior.purchase_history'] }),
    ];
    expectPermitted(decideOne(PURCHASE, ks), ['a', 'b']);
  });

  it('when one consent covers the fact through two categories, then it is listed once', () => {
    expectPermitted(decideOne(PURCHASE, [consent({ categories: ['user', 'user.behavior'] })]), ['k1']);
  });

  it('when several facts are decided together, then each gets its own decision in input order', () => {
    const decisions = decide({
      facts: [fact('user.contact.email', { id: 'e' }), fact('user.behavior.purchase_history', { id: 'p' })],
      consents: [consent({ id: 'k', categories: ['user.behavior'] })],
      flags: { optedOut: false, gpc: false },
      rules: RULES,
      now: NOW,
    });
    expect(decisions.map((d) => [d.fact.id, d.permitted])).toEqual([
      ['e', false],
      ['p', true],
    ]);
  });
});
