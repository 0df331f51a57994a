/** The context view with the real settings: what is shown, how it is explained, what is only counted. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContext, type ContextInput } from './view.js';
import type { StoredFact } from '../store/types.js';
import { loadAssistSettings } from '../assist/settings.js';
import { parseConfig } from '../config.js';
import type { ConsentState } from '../consent/ledger.js';
import { checkTemplateSet, readTemplateFiles } from '../templates/templates.js';
import { phrasingFrom } from '../templates/phrasing.js';
import { ROOT } from '../config.js';

const settings = loadAssistSettings(parseConfig({}));
const SUPPORT = 'essential.service.operations.support';
const NOW = Date.parse('2026-04-01T12:00:00.000Z');

const consent = (over: Partial<ConsentState> & { id: string; categories: string[] }): ConsentState => ({
  purpose: SUPPORT,
  status: 'granted',
  at: '2026-03-01T09:30:00.000Z',
  expiresAt: null,
  source: 'privacy-portal',
  withdrawnAt: null,
  ...over,
});
const fact = (over: Partial<StoredFact> & { id: string; category: string; text: string }): StoredFact => ({
  source: 'orders',
  collectedAt: '2025-11-14T00:00:00.000Z',
  ...over,
});

const input = (over: Partial<ContextInput>): ContextInput => ({
  customer: { id: 'c-1', displayName: 'Ada Lovelace' },
  facts: [],
  consents: [],
  flags: { optedOut: false, gpc: false },
  conversation: [],
  now: NOW,
  ...over,
});

const K_PH = consent({ id: 'k-ph', categories: ['user.behavior.purchase_history'] });
const BLENDER = fact({
  id: 'f-blender',
  category: 'user.behavior.purchase_history',
  text: 'Blender Pro 3000',
  value: { order: 'ORD-1042' },
});

describe('shown facts', () => {
  const { view } = buildContext(input({ facts: [BLENDER], consents: [K_PH] }), settings);
  const shown = view.shown[0]!;

  it('when a consent permits a fact, then it is shown with its text, value and source', () => {
    expect(view.shown).toHaveLength(1);
    expect(shown).toMatchObject({
      factId: 'f-blender',
      text: 'Blender Pro 3000',
      value: { order: 'ORD-1042' },
      source: 'orders',
      categoryName: 'purchase history',
    });
  });

  it('when a consent permits a fact, then it carries the consent id, the badge and every permitting consent', () => {
    expect(shown.consentId).toBe('k-ph');
    expect(shown.consent).toEqual({
      id: 'k-ph',
      purpose: SUPPORT,
      purposeName: 'Essential for Operations Support',
      category: 'user.behavior.purchase_history',
      at: '2026-03-01T09:30:00.000Z',
      source: 'privacy-portal',
    });
    expect(shown.consentIds).toEqual(['k-ph']);
  });

  it(
    'when a fact is shown, then its why line names the customer, the ' +
      'category, the purpose and the date the consent was given',
    () => {
      expect(shown.why).toContain('Ada Lovelace');
      expect(shown.why).toContain('purchase history');
      expect(shown.why).toContain('1 March 2026');
      expect(shown.why).toContain('Essential for Operations Support');
      expect(shown.why).toContain('privacy-portal');
    },
  );

  describe('the why line of several facts', () => {
    const K_CONTACT = consent({
      id: 'k-contact',
      categories: ['user.contact'],
      at: '2026-02-02T10:00:00.000Z',
      source: 'phone call',
    });
    const facts = [
      BLENDER,
      fact({ id: 'f-kettle', category: 'user.behavior.purchase_history', text: 'Kettle Mini' }),
      fact({ id: 'f-phone', category: 'user.contact.phone_number', text: '+44 20 7946 0000', source: 'crm' }),
    ];
    const whyOf = (s: typeof settings) => {
      const { shown } = buildContext(input({ facts, consents: [K_PH, K_CONTACT] }), s).view;
      return Object.fromEntries(shown.map((f) => [f.factId, f.why]));
    };

    it('when facts rest on different consents, then each line names its own consent', () => {
      const why = whyOf(settings);
      expect(why['f-blender']).toBe(why['f-kettle']);
      expect(why['f-phone']).toContain('2 February 2026');
      expect(why['f-phone']).toContain('phone call');
      expect(why['f-blender']).toContain('1 March 2026');
    });

    it("when a lead's why template names the fact, then each fact's line names that fact", () => {
      const entries = readTemplateFiles(path.join(ROOT, 'prompts')).map((e) =>
        e.file === 'offline/why.liquid'
          ? {
              ...e,
              source: e.source.replace('{{ customer.displayName }}', '{{ fact.text }}: {{ customer.displayName }}'),
            }
          : e,
      );
      const why = whyOf({ ...settings, phrasing: phrasingFrom(checkTemplateSet(entries, 'draft')) });
      expect(why['f-blender']).toMatch(/^Blender Pro 3000: Ada Lovelace allowed/);
      expect(why['f-kettle']).toMatch(/^Kettle Mini: Ada Lovelace allowed/);
    });
  });

  it('when the view is built, then it names the customer, the purpose and the time', () => {
    expect(view.customer).toEqual({ id: 'c-1', displayName: 'Ada Lovelace' });
    expect(view.purpose).toBe(SUPPORT);
    expect(view.at).toBe('2026-04-01T12:00:00.000Z');
  });

  it('when there is no consent at all, then nothing is shown (default deny)', () => {
    const ctx = buildContext(input({ facts: [BLENDER] }), settings);
    expect(ctx.view.shown).toEqual([]);
    expect(ctx.view.withheld).toEqual([
      { category: 'user.behavior.purchase_history', categoryName: 'purchase history', reason: 'no_consent', count: 1 },
    ]);
  });
});

describe('withheld facts', () => {
  const facts = [
    BLENDER,
    fact({
      id: 'f-street',
      category: 'user.contact.address.street',
      text: '12 Harbour Road',
      value: { street: '12 Harbour Road' },
      source: 'crm',
    }),
    fact({ id: 'f-street2', category: 'user.contact.address.street', text: '3 Quayside Mews', source: 'crm' }),
    fact({
      id: 'f-faith',
      category: 'user.demographic.religious_belief',
      text: 'Observes walnut fasting',
      source: 'chat',
    }),
    fact({ id: 'f-lang', category: 'user.demographic.language', text: 'Prefers Esperanto', source: 'profile' }),
    fact({ id: 'f-card', category: 'user.financial', text: 'Visa ending 9931', source: 'billing' }),
  ];
  const consents = [
    K_PH,
    consent({ id: 'k-demo', categories: ['user.demographic'] }),
    consent({ id: 'k-fin', categories: ['user.financial'], withdrawnAt: '2026-03-10T00:00:00.000Z' }),
  ];
  const ctx = buildContext(input({ facts, consents }), settings);

  it('when facts are withheld, then they are counted per category and reason', () => {
    expect(ctx.view.withheld).toEqual([
      { category: 'user.contact.address.street', categoryName: 'street address', reason: 'no_consent', count: 2 },
      {
        category: 'user.demographic.religious_belief',
        categoryName: 'religion',
        reason: 'needs_explicit_consent',
        count: 1,
      },
      { category: 'user.financial', categoryName: 'financial data', reason: 'withdrawn', count: 1 },
    ]);
    expect(ctx.view.shown.map((f) => f.factId).sort()).toEqual(['f-blender', 'f-lang']);
  });

  it('when facts are withheld, then each withheld entry holds only category (key and name), reason and count', () => {
    for (const w of ctx.view.withheld)
      expect(Object.keys(w).sort()).toEqual(['category', 'categoryName', 'count', 'reason']);
  });

  it('when facts are withheld, then no text, value or id of theirs is anywhere in the view', () => {
    const json = JSON.stringify(ctx.view);
    for (const secret of ['Harbour', 'Quayside', 'walnut', '9931', 'f-street', 'f-faith', 'f-card'])
      expect(json).not.toContain(secret);
  });

  it('when facts are withheld, then the server-side context keeps them for the guard', () => {
    expect(ctx.withheldFacts.map((f) => f.id).sort()).toEqual(['f-card', 'f-faith', 'f-street', 'f-street2']);
  });

  it(
    'when a fact is never shown (a credential, even under a consent to all ' +
      'of user), then the server-side context still keeps it for the guard',
    () => {
      const password = fact({
        id: 'f-pass',
        category: 'user.authorization.credentials',
        text: 'Passphrase hunter2-gorilla',
        source: 'auth',
      });
      const withPassword = buildContext(
        input({
          facts: [BLENDER, password],
          consents: [K_PH, consent({ id: 'k-user', purpose: 'essential', categories: ['user'] })],
        }),
        settings,
      );
      expect(withPassword.view.withheld).toEqual([
        {
          category: 'user.authorization.credentials',
          categoryName: 'account password',
          reason: 'never_shown',
          count: 1,
        },
      ]);
      expect(withPassword.withheldFacts.map((f) => f.id)).toEqual(['f-pass']);
    },
  );

  it('when the customer has opted out, then every fact is withheld as opted_out', () => {
    const out = buildContext(input({ facts, consents, flags: { optedOut: true, gpc: false } }), settings);
    expect(out.view.shown).toEqual([]);
    expect(out.view.withheld.every((w) => w.reason === 'opted_out')).toBe(true);
    expect(out.view.withheld.reduce((n, w) => n + w.count, 0)).toBe(facts.length);
  });
});

describe('erased facts', () => {
  const erased = fact({
    id: 'f-erased',
    category: 'user.behavior.purchase_history',
    text: 'Toaster Deluxe returned',
    erased: true,
  });
  const ctx = buildContext(input({ facts: [BLENDER, erased], consents: [K_PH] }), settings);

  it('when a fact is erased, then it is neither shown nor counted as withheld', () => {
    expect(ctx.view.shown.map((f) => f.factId)).toEqual(['f-blender']);
    expect(ctx.view.withheld).toEqual([]);
    expect(ctx.view.omitted).toBe(0);
    expect(ctx.withheldFacts).toEqual([]);
  });

  it('when a fact is erased, then its id and text appear nowhere in the view', () => {
    const json = JSON.stringify(ctx.view);
    expect(json).not.toContain('f-erased');
    expect(json).not.toContain('Toaster');
  });
});

describe('ranking and the cap', () => {
  const kettle = fact({
    id: 'f-kettle',
    category: 'user.behavior.purchase_history',
    text: 'Kettle Quickboil',
    collectedAt: '2026-01-10T00:00:00.000Z',
  });

  it('when there is no conversation, then newer facts come first', () => {
    const { view } = buildContext(input({ facts: [BLENDER, kettle], consents: [K_PH] }), settings);
    expect(view.shown.map((f) => f.factId)).toEqual(['f-kettle', 'f-blender']);
    expect(view.shown.every((f) => f.relevance === 0)).toBe(true);
  });

  it('when a fact shares words with the latest customer message, then it ranks first', () => {
    const conversation = [
      { role: 'customer' as const, text: 'My kettle leaks' },
      { role: 'agent' as const, text: 'Sorry to hear that, which blender or kettle?' },
      { role: 'customer' as const, text: 'No, the blender is the problem now' },
    ];
    const { view } = buildContext(input({ facts: [BLENDER, kettle], consents: [K_PH], conversation }), settings);
    expect(view.shown.map((f) => f.factId)).toEqual(['f-blender', 'f-kettle']);
    expect(view.shown[0]!.relevance).toBeGreaterThan(view.shown[1]!.relevance);
  });

  it(
    'when more facts are permitted than the limit, then shown is capped ' +
      'and omitted counts the rest (not withheld ones)',
    () => {
      const many = Array.from({ length: 5 }, (_, i) =>
        fact({
          id: `f-${i}`,
          category: 'user.behavior.purchase_history',
          text: `Order number ${i}`,
          collectedAt: `2025-0${i + 1}-01T00:00:00.000Z`,
        }),
      );
      const withheld = fact({ id: 'f-street', category: 'user.contact.address.street', text: '12 Harbour Road' });
      const { view } = buildContext(input({ facts: [...many, withheld], consents: [K_PH] }), { ...settings, limit: 2 });
      expect(view.shown.map((f) => f.factId)).toEqual(['f-4', 'f-3']);
      expect(view.omitted).toBe(3);
      expect(view.withheld).toEqual([
        { category: 'user.contact.address.street', categoryName: 'street address', reason: 'no_consent', count: 1 },
      ]);
    },
  );

  it('when the real settings are used, then the default limit is 8', () => {
    expect(settings.limit).toBe(8);
  });
});

describe('the primary consent', () => {
  const broad = consent({ id: 'k-broad', purpose: 'essential', categories: ['user'], at: '2026-03-20T00:00:00.000Z' });
  const middle = consent({ id: 'k-middle', categories: ['user.behavior'] });

  it(
    'when several consents permit a fact, then the most specific covering ' + 'one is primary, whatever their order',
    () => {
      for (const consents of [
        [broad, middle, K_PH],
        [K_PH, middle, broad],
      ]) {
        const shown = buildContext(input({ facts: [BLENDER], consents }), settings).view.shown[0]!;
        expect(shown.consentId).toBe('k-ph');
        expect(shown.consent.category).toBe('user.behavior.purchase_history');
        expect([...shown.consentIds].sort()).toEqual(['k-broad', 'k-middle', 'k-ph']);
      }
    },
  );

  it(
    'when the most specific one is missing, then the next most specific is ' +
      'primary and its covering category is on the badge',
    () => {
      const shown = buildContext(input({ facts: [BLENDER], consents: [broad, middle] }), settings).view.shown[0]!;
      expect(shown.consentId).toBe('k-middle');
      expect(shown.consent.category).toBe('user.behavior');
      expect(shown.why).toContain('observed behavior');
    },
  );

  it('when two consents are equally specific, then the more recent one is primary', () => {
    const older = consent({
      id: 'k-old',
      categories: ['user.behavior.purchase_history'],
      at: '2026-01-01T00:00:00.000Z',
    });
    const shown = buildContext(input({ facts: [BLENDER], consents: [K_PH, older] }), settings).view.shown[0]!;
    expect(shown.consentId).toBe('k-ph');
    expect(shown.why).toContain('1 March 2026');
  });
});
