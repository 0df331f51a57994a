/**
 * Property tests for the consent policy: `decide` is checked against a tiny reference model of the
 * rules in DESIGN.md ("The consent policy (normative)"), written here from the text, with its own
 * dot-boundary ancestor check. Only types are taken from policy.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decide,
  type Decision,
  type PolicyConsent,
  type PolicyFact,
  type PolicyInput,
  type PolicyRules,
} from './policy.js';
import { fold, type ConsentRecord } from '../consent/ledger.js';
import { WithheldReason, type Consent } from '../protocol/domain.js';

// ---------------------------------------------------------------------------------------------
// Reference model
// ---------------------------------------------------------------------------------------------

const SUPPORT = 'essential.service.operations.support';

/** The special roots of rule 4 and the never-shown root, copied from DESIGN.md. */
const SPEC_SPECIAL_ROOTS = [
  'user.health_and_medical',
  'user.biometric',
  'user.childrens',
  'user.criminal_history',
  'user.government_id',
  'user.financial',
  'user.location.precise',
  'user.demographic.race_ethnicity',
  'user.demographic.religious_belief',
  'user.demographic.sexual_orientation',
  'user.demographic.political_opinion',
];
const SPEC_NEVER_SHOWN = ['user.authorization'];

/** `key` equals `ancestor` or lies below it, compared segment by segment. */
function refAtOrUnder(key: string, ancestor: string): boolean {
  const k = key.split('.');
  const a = ancestor.split('.');
  if (a.length > k.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (k[i] !== a[i]) return false;
  }
  return true;
}

interface RefWorld {
  consents: readonly PolicyConsent[];
  optedOut: boolean;
  gpc: boolean;
  rules: PolicyRules;
  now: number;
}

function isNeverShown(fact: PolicyFact, rules: PolicyRules): boolean {
  if (fact.erased === true) return true;
  for (const root of rules.neverShownRoots) {
    if (refAtOrUnder(fact.category, root)) return true;
  }
  return false;
}

function granted(k: PolicyConsent, now: number): boolean {
  return k.status === 'granted' && Date.parse(k.at) <= now;
}
function withdrawnBy(k: PolicyConsent, now: number): boolean {
  return k.withdrawnAt !== undefined && k.withdrawnAt !== null && Date.parse(k.withdrawnAt) <= now;
}
function expiredBy(k: PolicyConsent, now: number): boolean {
  return k.expiresAt !== undefined && k.expiresAt !== null && Date.parse(k.expiresAt) <= now;
}
function purposeFits(k: PolicyConsent, rules: PolicyRules): boolean {
  return refAtOrUnder(rules.purpose, k.purpose);
}
/** Rule 3 only. */
function covers(k: PolicyConsent, category: string): boolean {
  for (const c of k.categories) {
    if (refAtOrUnder(category, c)) return true;
  }
  return false;
}
/** Rules 3 and 4: a category of k covers the fact and lies at or under every special root the fact lies under. */
function coversExplicitly(k: PolicyConsent, category: string, rules: PolicyRules): boolean {
  for (const c of k.categories) {
    if (!refAtOrUnder(category, c)) continue;
    let explicit = true;
    for (const root of rules.specialRoots) {
      if (refAtOrUnder(category, root) && !refAtOrUnder(c, root)) explicit = false;
    }
    if (explicit) return true;
  }
  return false;
}

/** The ids of the consents that permit `fact`, per DESIGN.md rules 1–5 and the never-shown rule. */
function refPermitting(fact: PolicyFact, w: RefWorld): string[] {
  if (isNeverShown(fact, w.rules) || w.optedOut || w.gpc) return [];
  const ids: string[] = [];
  for (const k of w.consents) {
    const live = granted(k, w.now) && !withdrawnBy(k, w.now) && !expiredBy(k, w.now);
    if (live && purposeFits(k, w.rules) && coversExplicitly(k, fact.category, w.rules)) ids.push(k.id);
  }
  return ids;
}

/**
 * The reason a fact is withheld: the most telling near miss, in the order
 * withdrawn > expired > needs_explicit_consent > no_consent.
 */
function refReason(fact: PolicyFact, w: RefWorld): string {
  if (isNeverShown(fact, w.rules)) return 'never_shown';
  if (w.optedOut || w.gpc) return 'opted_out';
  let butForWithdrawal = false;
  let butForExpiry = false;
  let butForExplicit = false;
  for (const k of w.consents) {
    if (!purposeFits(k, w.rules) || !granted(k, w.now)) continue;
    if (coversExplicitly(k, fact.category, w.rules)) {
      if (withdrawnBy(k, w.now)) butForWithdrawal = true;
      else if (expiredBy(k, w.now)) butForExpiry = true;
    } else if (covers(k, fact.category) && !withdrawnBy(k, w.now) && !expiredBy(k, w.now)) {
      butForExplicit = true;
    }
  }
  if (butForWithdrawal) return 'withdrawn';
  if (butForExpiry) return 'expired';
  if (butForExplicit) return 'needs_explicit_consent';
  return 'no_consent';
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const CATEGORY_POOL = [
  'user',
  'user.behavior',
  'user.behav',
  'user.behavior.purchase_history',
  'user.behavior.purchase_history.returns',
  'user.behavior.browsing_history',
  'user.contact',
  'user.contact.email',
  'user.contact.address',
  'user.contact.address.street',
  'user.demographic',
  'user.demographic.language',
  'user.demographic.religious_belief',
  'user.demographic.religious',
  'user.health',
  'user.health_and_medical',
  'user.health_and_medical.genetic',
  'user.health_and_medical.record_id',
  'user.biometric',
  'user.financial',
  'user.financial.bank_account',
  'user.location',
  'user.location.precise',
  'user.location.imprecise',
  'user.authorization',
  'user.authorization.password',
  'user.authorization.credentials',
  'user.authorizations',
];

const PURPOSE_POOL = [
  'essential',
  'essential.service',
  'essential.service.operations',
  SUPPORT,
  `${SUPPORT}.chat`,
  'essential.service.operations.support_tier',
  'essential.service.operations.improve',
  'essential.service.operation',
  'essential.serv',
  'essential.fraud_detection',
  'marketing',
  'marketing.communications',
  'personalize',
];

/** Extra organisation roots that neither nest in nor contain a default root, nor each other. */
const DISJOINT_EXTRA_ROOTS = ['user.behavior.purchase_history', 'user.contact.address', 'user.demographic.language'];
/** Extra roots that overlap the defaults or each other, and a category pool around them. */
const OVERLAPPING_EXTRA_ROOTS = [
  'user.health_and_medical.genetic',
  'user.demographic',
  'user.behavior',
  'user.location',
];
const OVERLAP_POOL = [
  'user',
  'user.demographic',
  'user.demographic.language',
  'user.demographic.religious_belief',
  'user.health_and_medical',
  'user.health_and_medical.genetic',
  'user.location',
  'user.location.precise',
  'user.behavior',
  'user.behavior.purchase_history',
];

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const HOUR = 3_600_000;
/** Times are whole hours in a small window, so equal times (the boundary cases) come up often. */
const TICKS = 8;
const iso = (tick: number) => new Date(T0 + tick * HOUR).toISOString();
const tickArb = fc.integer({ min: 0, max: TICKS });
const optionalTime = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 2 },
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: tickArb.map(iso), weight: 3 },
);
/** Purposes that reach the support purpose come up more often than the pool alone would give. */
const purposeArb = fc.oneof(
  { arbitrary: fc.constantFrom('essential', 'essential.service', 'essential.service.operations', SUPPORT), weight: 1 },
  { arbitrary: fc.constantFrom(...PURPOSE_POOL), weight: 1 },
);

function consentArb(pool: readonly string[]) {
  // Broad categories are over-represented so that consents often reach the facts.
  const broad = pool.filter((c) => c.split('.').length <= 2);
  const category = fc.oneof(fc.constantFrom(...pool), fc.constantFrom(...broad));
  return fc.record({
    purpose: purposeArb,
    categories: fc.array(category, { minLength: 1, maxLength: 3 }),
    status: fc.constantFrom<'granted' | 'denied'>('granted', 'granted', 'granted', 'denied'),
    // mostly given early in the window, sometimes after now
    at: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 3 }, { arbitrary: tickArb, weight: 1 }).map(iso),
    expiresAt: optionalTime,
    withdrawnAt: optionalTime,
  });
}

function factArb(pool: readonly string[]) {
  return fc.record({
    category: fc.constantFrom(...pool),
    erased: fc.constantFrom(undefined, undefined, undefined, false, false, false, false, true),
  });
}

function rulesArb(extraPool: readonly string[], shuffled: boolean): fc.Arbitrary<PolicyRules> {
  return fc
    .record({
      purpose: fc.constantFrom(SUPPORT, SUPPORT, SUPPORT, 'essential.service.operations.improve', 'personalize'),
      extra: fc.subarray([...extraPool]),
      order: fc.array(fc.nat(), {
        minLength: SPEC_SPECIAL_ROOTS.length + extraPool.length,
        maxLength: SPEC_SPECIAL_ROOTS.length + extraPool.length,
      }),
    })
    .map(({ purpose, extra, order }) => {
      let specialRoots = [...SPEC_SPECIAL_ROOTS, ...extra];
      if (shuffled) {
        specialRoots = specialRoots
          .map((r, i) => ({ r, o: order[i]! }))
          .sort((a, b) => a.o - b.o)
          .map((x) => x.r);
      }
      return { purpose, specialRoots, neverShownRoots: SPEC_NEVER_SHOWN };
    });
}

function inputArb(
  rules: fc.Arbitrary<PolicyRules>,
  pool: readonly string[] = CATEGORY_POOL,
): fc.Arbitrary<PolicyInput> {
  return fc
    .record({
      facts: fc.array(factArb(pool), { maxLength: 6 }),
      consents: fc.array(consentArb(pool), { maxLength: 6 }),
      // flags are mostly off so that most runs exercise the consent rules
      optedOut: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
      gpc: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
      rules,
      now: fc.integer({ min: 2, max: TICKS }).map((t) => T0 + t * HOUR),
    })
    .map(({ facts, consents, optedOut, gpc, rules, now }) => ({
      facts: facts.map((f, i) => ({ id: `f${i}`, ...f })),
      consents: consents.map((k, i) => ({ id: `k${i}`, ...k })),
      flags: { optedOut, gpc },
      rules,
      now,
    }));
}

const flatInput = inputArb(rulesArb(DISJOINT_EXTRA_ROOTS, false));

function world(input: PolicyInput): RefWorld {
  return {
    consents: input.consents,
    optedOut: input.flags.optedOut,
    gpc: input.flags.gpc,
    rules: input.rules,
    now: input.now,
  };
}

const sorted = (xs: readonly string[]) => [...xs].sort();

// ---------------------------------------------------------------------------------------------
// Properties over single inputs
// ---------------------------------------------------------------------------------------------

const RUNS = 4000;

describe('decide agrees with the reference model of DESIGN.md', () => {
  it('(a) a fact is permitted exactly when the reference says some consent permits it', () => {
    fc.assert(
      fc.property(flatInput, (input) => {
        const w = world(input);
        for (const d of decide(input)) {
          expect(d.permitted, `fact ${d.fact.category}`).toBe(refPermitting(d.fact, w).length > 0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) the consentIds of a permitted fact are exactly the consents the reference says permit it', () => {
    fc.assert(
      fc.property(flatInput, (input) => {
        const w = world(input);
        const byId = new Map(input.consents.map((k) => [k.id, k]));
        for (const d of decide(input)) {
          if (!d.permitted) continue;
          expect(new Set(d.consentIds).size).toBe(d.consentIds.length);
          const expected = refPermitting(d.fact, w);
          for (const id of d.consentIds) {
            expect(refPermitting(d.fact, { ...w, consents: [byId.get(id)!] })).toEqual([id]);
          }
          expect(sorted(d.consentIds)).toEqual(sorted(expected));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(c) no unpermitted fact is returned permitted and no permitted fact is reported withheld', () => {
    const REASONS = ['no_consent', 'withdrawn', 'expired', 'needs_explicit_consent', 'never_shown', 'opted_out'];
    fc.assert(
      fc.property(flatInput, (input) => {
        const w = world(input);
        const decisions: Decision[] = decide(input);
        expect(decisions.map((d) => d.fact)).toEqual(input.facts);
        decisions.forEach((d, i) => {
          expect(d.fact).toBe(input.facts[i]);
          const expected = refPermitting(d.fact, w);
          if (d.permitted) {
            expect(expected.length).toBeGreaterThan(0);
            expect(d.consentIds.length).toBeGreaterThan(0);
            expect(d).not.toHaveProperty('reason');
          } else {
            expect(expected).toEqual([]);
            expect(REASONS).toContain(d.reason);
            expect(d).not.toHaveProperty('consentIds');
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('(d) when the customer opted out or sent GPC, then nothing is permitted', () => {
    const optedOutInput = fc
      .tuple(
        flatInput,
        fc.constantFrom({ optedOut: true, gpc: false }, { optedOut: false, gpc: true }, { optedOut: true, gpc: true }),
      )
      .map(([input, flags]) => ({ ...input, flags }));
    fc.assert(
      fc.property(optedOutInput, (input) => {
        for (const d of decide(input)) {
          expect(d.permitted).toBe(false);
          if (!d.permitted) expect(d.reason).toBe(isNeverShown(d.fact, input.rules) ? 'never_shown' : 'opted_out');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it(
    '(e) a withheld fact carries the most telling reason: withdrawn > ' +
      'expired > needs_explicit_consent > no_consent',
    () => {
      fc.assert(
        fc.property(flatInput, (input) => {
          const w = world(input);
          for (const d of decide(input)) {
            if (!d.permitted) expect(d.reason, `fact ${d.fact.category}`).toBe(refReason(d.fact, w));
          }
        }),
        { numRuns: RUNS },
      );
    },
  );

  it(
    '(f) with organisation special roots that overlap the defaults, in any ' +
      'order, decide still agrees with the reference',
    () => {
      // Rule 4 applies to every special root a fact lies under; listing order must not matter.
      fc.assert(
        fc.property(inputArb(rulesArb(OVERLAPPING_EXTRA_ROOTS, true), OVERLAP_POOL), (input) => {
          const w = world(input);
          for (const d of decide(input)) {
            const expected = refPermitting(d.fact, w);
            expect(
              d.permitted ? sorted(d.consentIds) : [],
              `fact ${d.fact.category} under ${input.rules.specialRoots.join(',')}`,
            ).toEqual(sorted(expected));
          }
        }),
        { numRuns: RUNS },
      );
    },
  );
});

describe('the generated inputs', () => {
  it('reach every outcome often enough to make the properties meaningful', () => {
    const seen: Record<string, number> = {};
    fc.sample(flatInput, { numRuns: RUNS, seed: 1 }).forEach((input) => {
      for (const d of decide(input)) {
        const key = d.permitted ? 'permitted' : d.reason;
        seen[key] = (seen[key] ?? 0) + 1;
      }
    });
    // Every reason the protocol names, so a new reason the generators never reach fails here.
    for (const outcome of ['permitted', ...WithheldReason.options]) {
      expect(seen[outcome] ?? 0, outcome).toBeGreaterThanOrEqual(100);
    }
  });
});

describe('the reference model itself', () => {
  it('treats ancestors only at dot boundaries', () => {
    expect(refAtOrUnder('user.behavior.purchase_history', 'user.behavior')).toBe(true);
    expect(refAtOrUnder('user.behavior', 'user.behavior')).toBe(true);
    expect(refAtOrUnder('user.behavior.purchase_history', 'user.behav')).toBe(false);
    expect(refAtOrUnder('user.behavior', 'user.behavior.purchase_history')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Stateful: events applied to a model and to the real ledger -> fold -> decide
// ---------------------------------------------------------------------------------------------

const STATE_RULES: PolicyRules = {
  purpose: SUPPORT,
  specialRoots: SPEC_SPECIAL_ROOTS,
  neverShownRoots: SPEC_NEVER_SHOWN,
};
const CONSENT_IDS = ['c0', 'c1', 'c2', 'c3'];

interface ModelConsent {
  purpose: string;
  categories: string[];
  status: 'granted' | 'denied';
  atTick: number;
  expiresTick: number | null;
  /** Withdrawals take effect at once and time only moves forward, so a flag is enough. */
  withdrawn: boolean;
}

interface Model {
  tick: number;
  consents: Map<string, ModelConsent>;
  facts: { id: string; category: string; erased: boolean }[];
  optedOut: boolean;
  gpc: boolean;
}

interface Real {
  tick: number;
  records: ConsentRecord[];
  facts: PolicyFact[];
  flags: { optedOut: boolean; gpc: boolean };
}

/** What the model says: fact id -> sorted ids of the consents permitting it. */
function modelView(m: Model): Record<string, string[]> {
  const view: Record<string, string[]> = {};
  for (const f of m.facts) {
    const ids: string[] = [];
    const hidden = f.erased || m.optedOut || m.gpc || refAtOrUnder(f.category, 'user.authorization');
    for (const [id, k] of m.consents) {
      if (hidden || k.withdrawn || k.status !== 'granted') continue;
      if (k.atTick > m.tick) continue;
      if (k.expiresTick !== null && k.expiresTick <= m.tick) continue;
      if (!refAtOrUnder(SUPPORT, k.purpose)) continue;
      const asConsent = { id, purpose: k.purpose, categories: k.categories, status: k.status, at: iso(0) };
      if (coversExplicitly(asConsent, f.category, STATE_RULES)) ids.push(id);
    }
    view[f.id] = ids.sort();
  }
  return view;
}

/** What the real system says, built the way the server builds it: records -> fold -> decide. */
function realView(r: Real): Record<string, string[]> {
  const view: Record<string, string[]> = {};
  const decisions = decide({
    facts: r.facts,
    consents: fold(r.records),
    flags: r.flags,
    rules: STATE_RULES,
    now: T0 + r.tick * HOUR,
  });
  for (const d of decisions) view[d.fact.id] = d.permitted ? sorted(d.consentIds) : [];
  return view;
}

const STATS = { checks: 0, permitted: 0 };
function agree(m: Model, r: Real) {
  const mv = modelView(m);
  expect(realView(r)).toEqual(mv);
  STATS.checks++;
  STATS.permitted += Object.values(mv).filter((ids) => ids.length > 0).length;
}

class GrantCommand implements fc.Command<Model, Real> {
  constructor(
    readonly id: string,
    readonly purpose: string,
    readonly categories: string[],
    readonly status: 'granted' | 'denied',
    readonly atOffset: number,
    readonly expiresOffset: number | null,
  ) {}
  check = () => true;
  run(m: Model, r: Real) {
    const atTick = m.tick + this.atOffset;
    const expiresTick = this.expiresOffset === null ? null : m.tick + this.expiresOffset;
    const consent: Consent = {
      id: this.id,
      purpose: this.purpose,
      categories: this.categories,
      status: this.status,
      at: iso(atTick),
      expiresAt: expiresTick === null ? null : iso(expiresTick),
      source: 'test',
    };
    r.records.push({ kind: 'granted', consent });
    m.consents.set(this.id, {
      purpose: this.purpose,
      categories: this.categories,
      status: this.status,
      atTick,
      expiresTick,
      withdrawn: false,
    });
    agree(m, r);
  }
  toString = () =>
    `grant(${this.id}, ${this.purpose}, [${this.categories.join(',')}], ${this.status}, ` +
    `at+${this.atOffset}, exp ${this.expiresOffset})`;
}

class WithdrawCommand implements fc.Command<Model, Real> {
  constructor(readonly id: string) {}
  check = () => true;
  run(m: Model, r: Real) {
    r.records.push({ kind: 'withdrawn', consentId: this.id, at: iso(r.tick) });
    const k = m.consents.get(this.id);
    if (k) k.withdrawn = true;
    agree(m, r);
  }
  toString = () => `withdraw(${this.id})`;
}

class FlagCommand implements fc.Command<Model, Real> {
  constructor(
    readonly flag: 'optedOut' | 'gpc',
    readonly value: boolean,
  ) {}
  check = () => true;
  run(m: Model, r: Real) {
    m[this.flag] = this.value;
    r.flags = { ...r.flags, [this.flag]: this.value };
    agree(m, r);
  }
  toString = () => `${this.flag}=${this.value}`;
}

class AddFactCommand implements fc.Command<Model, Real> {
  constructor(readonly category: string) {}
  check = () => true;
  run(m: Model, r: Real) {
    const id = `f${m.facts.length}`;
    m.facts.push({ id, category: this.category, erased: false });
    r.facts.push({ id, category: this.category });
    agree(m, r);
  }
  toString = () => `addFact(${this.category})`;
}

class EraseFactCommand implements fc.Command<Model, Real> {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.facts.length > 0;
  run(m: Model, r: Real) {
    const i = this.index % m.facts.length;
    m.facts[i]!.erased = true;
    r.facts[i] = { ...r.facts[i]!, erased: true };
    agree(m, r);
  }
  toString = () => `erase(#${this.index})`;
}

class AdvanceCommand implements fc.Command<Model, Real> {
  constructor(readonly ticks: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    m.tick += this.ticks;
    r.tick += this.ticks;
    agree(m, r);
  }
  toString = () => `advance(${this.ticks}h)`;
}

const STATE_CATEGORIES = [
  'user',
  'user.behavior',
  'user.behavior.purchase_history',
  'user.behav',
  'user.contact.email',
  'user.demographic',
  'user.demographic.religious_belief',
  'user.health_and_medical',
  'user.health_and_medical.genetic',
  'user.authorization.password',
];

const commandArbs = [
  {
    weight: 4,
    arbitrary: fc
      .record({
        id: fc.constantFrom(...CONSENT_IDS),
        purpose: fc.constantFrom(
          SUPPORT,
          SUPPORT,
          'essential',
          'essential.service',
          'marketing.communications',
          'essential.service.operations.improve',
        ),
        categories: fc.array(fc.constantFrom(...STATE_CATEGORIES), { minLength: 1, maxLength: 2 }),
        status: fc.constantFrom<'granted' | 'denied'>('granted', 'granted', 'granted', 'denied'),
        atOffset: fc.integer({ min: -2, max: 1 }),
        expiresOffset: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
      })
      .map(
        (g): fc.Command<Model, Real> =>
          new GrantCommand(g.id, g.purpose, g.categories, g.status, g.atOffset, g.expiresOffset),
      ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...CONSENT_IDS, 'unknown').map((id): fc.Command<Model, Real> => new WithdrawCommand(id)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom<'optedOut' | 'gpc'>('optedOut', 'gpc'), fc.boolean())
      .map(([flag, value]): fc.Command<Model, Real> => new FlagCommand(flag, value)),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(...STATE_CATEGORIES).map((c): fc.Command<Model, Real> => new AddFactCommand(c)),
  },
  { weight: 1, arbitrary: fc.nat({ max: 20 }).map((i): fc.Command<Model, Real> => new EraseFactCommand(i)) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 2 }).map((t): fc.Command<Model, Real> => new AdvanceCommand(t)) },
].flatMap(({ weight, arbitrary }) => Array.from({ length: weight }, () => arbitrary));

describe('ledger -> fold -> decide follows a model through sequences of events', () => {
  it(
    'after every grant, withdrawal, opt-out, GPC, fact added, erasure or ' +
      'time step, the permitted facts agree with the model',
    () => {
      fc.assert(
        fc.property(fc.commands(commandArbs, { maxCommands: 40, size: 'max' }), (cmds) => {
          const model: Model = { tick: 0, consents: new Map(), facts: [], optedOut: false, gpc: false };
          const real: Real = { tick: 0, records: [], facts: [], flags: { optedOut: false, gpc: false } };
          fc.modelRun(() => ({ model, real }), cmds);
        }),
        { numRuns: 1000 },
      );
      // The sequences must actually reach permitted facts, or agreement would be trivial.
      expect(STATS.permitted).toBeGreaterThan(STATS.checks / 10);
    },
  );
});
