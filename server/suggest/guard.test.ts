/**
 * The guard, checked on hand-made suggestions against a context built by the real `buildContext`
 * with the real settings, and, as a property, on everything `assist()` lets through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guard } from './guard.js';
import { sentences } from './disclosure.js';
import { buildContext, type AssistContext, type ContextInput } from '../context/view.js';
import type { StoredFact } from '../store/types.js';
import { assist } from '../assist/assist.js';
import { offlineEngine } from './engine.js';
import { loadAssistSettings } from '../assist/settings.js';
import { parseConfig } from '../config.js';
import type { ConsentState } from '../consent/ledger.js';
import type { Footnote, Suggestion } from '../protocol/assist.js';

const settings = loadAssistSettings(parseConfig({}));
const SUPPORT = 'essential.service.operations.support';
const NOW = Date.parse('2026-04-01T12:00:00.000Z');

function consent(over: Partial<ConsentState> & { id: string; categories: string[] }): ConsentState {
  return {
    purpose: SUPPORT,
    status: 'granted',
    at: '2026-03-01T00:00:00.000Z',
    expiresAt: null,
    source: 'privacy-portal',
    withdrawnAt: null,
    ...over,
  };
}

const ORDER: StoredFact = {
  id: 'f-order',
  category: 'user.behavior.purchase_history',
  text: 'Blender Pro 3000 on 14 November 2025',
  value: { sku: 'BLP-3000' },
  source: 'orders',
  collectedAt: '2025-11-14T10:00:00.000Z',
};
const ADDRESS: StoredFact = {
  id: 'f-address',
  category: 'user.contact.address.street',
  text: 'Home address: 12 Harbour Road, Portsmouth PO1 2AB',
  value: { street: '12 Harbour Road', city: 'Portsmouth', postcode: 'PO1 2AB', floor: '2' },
  source: 'crm',
  collectedAt: '2025-10-01T10:00:00.000Z',
};
const K_SUPPORT = consent({ id: 'k-support', categories: ['user.behavior.purchase_history'] });
const K_MARKETING = consent({
  id: 'k-marketing',
  purpose: 'marketing.communications',
  categories: ['user.behavior.purchase_history', 'user.contact'],
});

const input = (over: Partial<ContextInput> = {}): ContextInput => ({
  customer: { id: 'c-1', displayName: 'Ada Lovelace' },
  facts: [ORDER, ADDRESS],
  consents: [K_SUPPORT, K_MARKETING],
  flags: { optedOut: false, gpc: false },
  conversation: [{ role: 'customer', text: 'My blender stopped working' }],
  now: NOW,
  ...over,
});

const ctx: AssistContext = buildContext(input(), settings);

const fn = (over: Partial<Footnote> = {}): Footnote => ({
  marker: 1,
  factIds: ['f-order'],
  consentId: 'k-support',
  explanation:
    'Blender Pro 3000 on 14 November 2025 — from orders. Ada allowed purchase history for support on 1 March 2026.',
  ...over,
});
const sug = (text: string, footnotes: Footnote[] = []): Suggestion => ({
  id: 's',
  text,
  footnotes,
  template: { id: 'test', version: 1 },
  modelCall: null,
});
const codes = (s: Suggestion, c: AssistContext = ctx) => guard(s, c).map((v) => v.code);

const CLEAN =
  'I can see on your account that you ordered Blender Pro 3000 on 14 ' +
  "November 2025 [1] — is that the one you're writing about?";

describe('the test context', () => {
  it('shows the purchase under k-support and withholds the address', () => {
    expect(ctx.view.shown.map((f) => [f.factId, f.consentId])).toEqual([['f-order', 'k-support']]);
    expect(ctx.withheldFacts.map((f) => f.id)).toEqual(['f-address']);
  });
});

describe('guard: markers and footnotes', () => {
  it('when a suggestion cites a shown fact with a marker, a footnote and a disclosure, then it passes', () => {
    expect(guard(sug(CLEAN, [fn()]), ctx)).toEqual([]);
  });

  it('when a suggestion uses no fact and has no footnotes, then it passes', () => {
    expect(guard(sug('Thanks for getting in touch, Ada. Could you tell me more?'), ctx)).toEqual([]);
  });

  it('when the text has a marker with no footnote, then the guard reports marker_without_footnote', () => {
    const s = sug('Our records show Blender Pro 3000 on 14 November 2025 [1]. I can see one more thing [2].', [fn()]);
    const v = guard(s, ctx);
    expect(v.map((x) => x.code)).toEqual(['marker_without_footnote']);
    expect(v[0]!.message).toContain('[2]');
  });

  it('when a template drops the marker, then the guard reports footnote_without_marker', () => {
    const v = guard(sug('Thanks for getting in touch, Ada.', [fn()]), ctx);
    expect(v.map((x) => x.code)).toEqual(['footnote_without_marker']);
    expect(v[0]!.message).toContain('[1]');
  });

  it('when two footnotes share a marker, then the guard reports duplicate_footnote', () => {
    expect(codes(sug(CLEAN, [fn(), fn()]))).toEqual(['duplicate_footnote']);
  });

  it('when a footnote cites a withheld fact, then the guard reports footnote_cites_unshown_fact naming its id', () => {
    const s = sug('I can see something on your account [1].', [
      fn({ factIds: ['f-address'], explanation: 'From the CRM.' }),
    ]);
    const v = guard(s, ctx);
    expect(v.map((x) => x.code)).toEqual(['footnote_cites_unshown_fact']);
    expect(v[0]!.message).toContain('f-address');
  });

  it('when a footnote cites an unknown fact id, then the guard reports footnote_cites_unshown_fact', () => {
    const s = sug('I can see something on your account [1].', [
      fn({ factIds: ['f-nope'], explanation: 'From somewhere.' }),
    ]);
    expect(codes(s)).toEqual(['footnote_cites_unshown_fact']);
  });

  it(
    'when a footnote names a consent that does not permit the fact ' +
      '(another purpose), then the guard reports ' +
      'footnote_consent_not_permitting',
    () => {
      const v = guard(sug(CLEAN, [fn({ consentId: 'k-marketing' })]), ctx);
      expect(v.map((x) => x.code)).toEqual(['footnote_consent_not_permitting']);
      expect(v[0]!.message).toContain('k-marketing');
    },
  );

  it(
    'when a footnote names a consent id that does not exist, then the ' +
      'guard reports footnote_consent_not_permitting',
    () => {
      expect(codes(sug(CLEAN, [fn({ consentId: 'k-invented' })]))).toEqual(['footnote_consent_not_permitting']);
    },
  );
});

describe('guard: withheld values', () => {
  it(
    'when a withheld fact text appears in the suggestion text, then the ' +
      'guard reports withheld_value without the value',
    () => {
      const v = guard(sug('Is your Home address: 12 Harbour Road, Portsmouth PO1 2AB still right?'), ctx);
      expect(v.map((x) => x.code)).toContain('withheld_value');
      expect(v.find((x) => x.code === 'withheld_value')!.message).toContain('f-address');
      expect(JSON.stringify(v)).not.toMatch(/harbour/i);
    },
  );

  it('when a withheld fact text appears in a footnote explanation, then the guard reports withheld_value', () => {
    const s = sug(CLEAN, [
      fn({ explanation: 'Sent to Home address: 12 Harbour Road, Portsmouth PO1 2AB — from orders.' }),
    ]);
    expect(codes(s)).toEqual(['withheld_value']);
  });

  it(
    'when only a structured value leaf of a withheld fact (the street) ' +
      'appears, then the guard reports withheld_value',
    () => {
      expect(codes(sug('Shall we send it to 12 Harbour Road?'))).toEqual(['withheld_value']);
    },
  );

  it('when a withheld value leaf appears in different letter case, then the guard still reports withheld_value', () => {
    expect(codes(sug('Shall we send it to 12 HARBOUR ROAD?'))).toEqual(['withheld_value']);
  });

  it('when a withheld leaf is shorter than four characters ("2"), then it alone is not treated as a leak', () => {
    expect(codes(sug('Could you give me 2 minutes?'))).toEqual([]);
  });

  it('when only the withheld postcode (seven characters) appears, then the guard reports withheld_value', () => {
    expect(codes(sug('Is PO1 2AB still your postcode?'))).toEqual(['withheld_value']);
  });

  describe('leaves of exactly four characters', () => {
    const CARD: StoredFact = {
      id: 'f-card',
      category: 'user.financial',
      text: 'Visa ending 9931',
      value: { last4: '9931', pin: 4821 },
      source: 'billing',
      collectedAt: '2025-04-01T00:00:00.000Z',
    };
    const withCard = buildContext(input({ facts: [ORDER, CARD] }), settings);

    it('is withheld in the context (precondition)', () => {
      expect(withCard.withheldFacts.map((f) => f.id)).toContain('f-card');
    });

    it(
      'when a withheld string leaf of four characters (the last four digits) ' +
        'appears, then the guard reports withheld_value',
      () => {
        expect(codes(sug('Is it the card ending 9931?'), withCard)).toEqual(['withheld_value']);
      },
    );

    it('when a withheld number leaf of four digits appears, then the guard reports withheld_value', () => {
      expect(codes(sug('Your code would be 4821.'), withCard)).toEqual(['withheld_value']);
    });
  });

  describe('never-shown facts (credentials)', () => {
    const PASSWORD: StoredFact = {
      id: 'f-pass',
      category: 'user.authorization.credentials',
      text: 'Passphrase hunter2-gorilla',
      value: { passphrase: 'hunter2-gorilla' },
      source: 'auth',
      collectedAt: '2025-03-01T00:00:00.000Z',
    };
    // A consent to all of `user` covers the category, yet a credential is never shown.
    const withPassword = buildContext(
      input({
        facts: [ORDER, PASSWORD],
        consents: [K_SUPPORT, consent({ id: 'k-user', purpose: 'essential', categories: ['user'] })],
      }),
      settings,
    );

    it('is withheld as never_shown (precondition)', () => {
      expect(withPassword.view.withheld).toEqual([
        {
          category: 'user.authorization.credentials',
          categoryName: 'account password',
          reason: 'never_shown',
          count: 1,
        },
      ]);
    });

    it('when the value of a never-shown credential appears in the text, then the guard reports withheld_value', () => {
      const v = guard(sug('You could try logging in with hunter2-gorilla again.'), withPassword);
      expect(v.map((x) => x.code)).toEqual(['withheld_value']);
      expect(v[0]!.message).toContain('f-pass');
      expect(JSON.stringify(v)).not.toContain('hunter2');
    });

    it(
      'when the text of a never-shown credential appears in a footnote ' +
        'explanation, then the guard reports withheld_value',
      () => {
        const s = sug(CLEAN, [fn({ explanation: 'Passphrase hunter2-gorilla — from auth.' })]);
        expect(codes(s, withPassword)).toEqual(['withheld_value']);
      },
    );
  });
});

describe('guard: transparent phrasing', () => {
  it(
    'when a shown fact text appears in a sentence without a marker citing ' +
      'it, then the guard reports undisclosed_fact',
    () => {
      const v = guard(sug('Is this about the Blender Pro 3000 on 14 November 2025?'), ctx);
      expect(v.map((x) => x.code)).toEqual(['undisclosed_fact']);
      expect(v[0]!.message).toContain('f-order');
    },
  );

  it(
    'when the marker is in one sentence and the fact text in the next, ' +
      'then the second sentence is undisclosed_fact',
    () => {
      const s = sug('I can see an order on your account [1]. Is the Blender Pro 3000 on 14 November 2025 broken?', [
        fn(),
      ]);
      expect(codes(s)).toEqual(['undisclosed_fact']);
    },
  );

  it(
    'when a shown fact structured value leaf (the SKU) appears uncited, ' + 'then the guard reports undisclosed_fact',
    () => {
      expect(codes(sug('Is it the BLP-3000?'))).toEqual(['undisclosed_fact']);
    },
  );

  it(
    'when a citing sentence does not say where the data came from ("You ' +
      'ordered X [1]."), then the guard reports no_source_disclosure',
    () => {
      const v = guard(sug('You ordered Blender Pro 3000 on 14 November 2025 [1].', [fn()]), ctx);
      expect(v.map((x) => x.code)).toEqual(['no_source_disclosure']);
      expect(v[0]!.message).toContain('f-order');
      expect(v[0]!.message).not.toContain('Blender');
    },
  );

  it.each([
    'Your Blender Pro 3000 on 14 November 2025 [1] is covered by the warranty.',
    'The Blender Pro 3000 on 14 November 2025 [1] is covered by the warranty.',
    'We sent your Blender Pro 3000 on 14 November 2025 [1] by courier.',
  ])(
    'when a citing sentence names the fact without saying where it came ' +
      'from (%j), then the guard reports no_source_disclosure',
    (text) => {
      expect(codes(sug(text, [fn()]))).toEqual(['no_source_disclosure']);
    },
  );

  it('when "our records show" opens the citing sentence, then it counts as a disclosure', () => {
    expect(codes(sug('Our records show Blender Pro 3000 on 14 November 2025 [1]. Is that it?', [fn()]))).toEqual([]);
  });

  describe('a fact text holding "St."', () => {
    const STREET: StoredFact = {
      id: 'f-street',
      category: 'user.contact.address.street',
      text: "14 St. Mary's Road, Bath",
      source: 'crm',
      collectedAt: '2025-09-01T00:00:00.000Z',
    };
    const withStreet = buildContext(
      input({
        facts: [ORDER, STREET],
        consents: [K_SUPPORT, consent({ id: 'k-contact', categories: ['user.contact'] })],
      }),
      settings,
    );
    const street = fn({
      factIds: ['f-street'],
      consentId: 'k-contact',
      explanation: "14 St. Mary's Road, Bath — from crm.",
    });

    it('is shown in the context (precondition)', () => {
      expect(withStreet.view.shown.map((f) => f.factId)).toContain('f-street');
    });

    it(
      'when the fact text with "St." is followed by its marker, then the ' +
        'sentence is not split and the suggestion passes',
      () => {
        expect(
          guard(sug("Our records show 14 St. Mary's Road, Bath [1]. Is that still right?", [street]), withStreet),
        ).toEqual([]);
      },
    );

    it('when the sentences are split with the fact text kept, then "St." does not end a sentence', () => {
      const parts = sentences("Our records show 14 St. Mary's Road [1]. Anything else?", ["14 St. Mary's Road"]);
      expect(parts.map((p) => p.text.trim())).toEqual(["Our records show 14 St. Mary's Road [1].", 'Anything else?']);
    });

    it('when "St." is not inside a kept text, then it does end a sentence (so the keep list is what matters)', () => {
      expect(sentences("Our records show 14 St. Mary's Road [1]. Anything else?", [])).toHaveLength(3);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever subset of facts and consents, assist() lets through only guard-clean
// suggestions and its view never carries a withheld (or otherwise unshown) fact's text.
// ---------------------------------------------------------------------------------------------

const POOL_FACTS: StoredFact[] = [
  {
    id: 'p-blender',
    category: 'user.behavior.purchase_history',
    text: 'Blender Pro 3000 bought 14 November',
    value: { order: 'ORD-1042' },
    source: 'orders',
    collectedAt: '2025-11-14T00:00:00.000Z',
  },
  {
    id: 'p-kettle',
    category: 'user.behavior.purchase_history',
    text: 'Kettle Quickboil returned in January',
    source: 'orders',
    collectedAt: '2026-01-10T00:00:00.000Z',
  },
  {
    id: 'p-street',
    category: 'user.contact.address.street',
    text: 'Zanzibar Lane 77',
    value: { street: 'Zanzibar Lane 77', city: 'Quillington' },
    source: 'crm',
    collectedAt: '2025-08-01T00:00:00.000Z',
  },
  {
    id: 'p-email',
    category: 'user.contact.email',
    text: 'xylophone.fan@example.org',
    source: 'crm',
    collectedAt: '2025-07-01T00:00:00.000Z',
  },
  {
    id: 'p-allergy',
    category: 'user.health_and_medical',
    text: 'Severe walnut allergy',
    source: 'chat',
    collectedAt: '2025-06-01T00:00:00.000Z',
  },
  {
    id: 'p-lang',
    category: 'user.demographic.language',
    text: 'Prefers Esperanto',
    source: 'profile',
    collectedAt: '2025-05-01T00:00:00.000Z',
  },
  {
    id: 'p-card',
    category: 'user.financial',
    text: 'Visa ending 9931',
    value: { last4: '9931', brand: 'Visa' },
    source: 'billing',
    collectedAt: '2025-04-01T00:00:00.000Z',
  },
  {
    id: 'p-pass',
    category: 'user.authorization.credentials',
    text: 'Passphrase hunter2-gorilla',
    source: 'auth',
    collectedAt: '2025-03-01T00:00:00.000Z',
  },
  {
    id: 'p-erased',
    category: 'user.behavior.purchase_history',
    text: 'Toaster Deluxe returned',
    source: 'orders',
    collectedAt: '2025-02-01T00:00:00.000Z',
    erased: true,
  },
];

const POOL_CONSENTS: ConsentState[] = [
  consent({ id: 'c-ph', categories: ['user.behavior.purchase_history'] }),
  consent({ id: 'c-contact', categories: ['user.contact'], at: '2026-02-01T00:00:00.000Z' }),
  consent({ id: 'c-user', purpose: 'essential', categories: ['user'] }),
  consent({ id: 'c-health', categories: ['user.health_and_medical'] }),
  consent({ id: 'c-fin', categories: ['user.financial'], withdrawnAt: '2026-03-15T00:00:00.000Z' }),
  consent({ id: 'c-mkt', purpose: 'marketing.communications', categories: ['user'] }),
  consent({ id: 'c-expired', categories: ['user.demographic'], expiresAt: '2026-03-20T00:00:00.000Z' }),
  consent({ id: 'c-future', categories: ['user.contact'], at: '2026-05-01T00:00:00.000Z' }),
  consent({ id: 'c-denied', categories: ['user'], status: 'denied' }),
];

const MESSAGES = [
  'My blender stopped working',
  'Where is my parcel?',
  'Please send it to my home address',
  'I want a refund for the kettle',
  'Is this safe with my allergy?',
  'My card was charged twice',
  'hello',
];

const subset = <T>(pool: readonly T[]) => fc.subarray([...pool]);

describe('property: assist() never leaks', () => {
  const engine = offlineEngine(settings);
  const request = (ticketId: string) => ({ ticketId, conversation: [], names: [], recordModelCall: async () => null });

  it('the pool does reach the fact and pair templates (so the property exercises footnotes)', async () => {
    const result = await assist(
      input({
        facts: POOL_FACTS,
        consents: POOL_CONSENTS,
        conversation: [{ role: 'customer', text: 'I want a refund for the kettle' }],
      }),
      request('t-0'),
      settings,
      engine,
    );
    expect(result.view.suggestions.map((s) => s.footnotes.length)).toEqual([1, 2, 0]);
    expect(result.view.dropped).toBe(0);
  });

  it(
    'for any subset of facts and consents, every suggestion passes the ' +
      'guard and no unshown fact text reaches the view',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          subset(POOL_FACTS),
          subset(POOL_CONSENTS),
          fc.record({ optedOut: fc.boolean(), gpc: fc.boolean() }),
          fc.array(fc.constantFrom(...MESSAGES), { maxLength: 3 }),
          fc.integer({ min: 1, max: 8 }),
          async (facts, consents, flags, said, limit) => {
            const inp = input({
              facts,
              consents,
              flags,
              conversation: said.map((text) => ({ role: 'customer' as const, text })),
            });
            const s = { ...settings, limit };
            const result = await assist(inp, request('t-1'), s, offlineEngine(s));
            const ctx2 = buildContext(inp, s);
            for (const sg of result.view.suggestions) expect(guard(sg, ctx2)).toEqual([]);
            // The offline engine with the shipped templates and distinctive facts should never trip the guard.
            expect(result.view.dropped).toBe(0);

            const json = JSON.stringify(result.view).toLowerCase();
            const shown = new Set(result.view.context.shown.map((f) => f.factId));
            for (const f of facts) {
              if (shown.has(f.id)) continue;
              expect(json).not.toContain(f.text.toLowerCase());
              for (const leaf of Object.values(f.value ?? {})) expect(json).not.toContain(String(leaf).toLowerCase());
            }
            expect(result.withheldFactIds.sort()).toEqual(ctx2.withheldFacts.map((f) => f.id).sort());
            expect(result.withheldFactIds).not.toContain('p-erased');
          },
        ),
        { numRuns: 150 },
      );
    },
  );
});
