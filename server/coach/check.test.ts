/**
 * The reply coach's check, on an agent's replies against a context built by the real `buildContext` with the real
 * settings: the disclosure rule applied to the agent's words, withheld values named by category only, raw
 * identifiers masked; and, as a property, no withheld value ever in an answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReply } from './check.js';
import { buildContext, type ContextInput } from '../context/view.js';
import type { StoredFact } from '../store/types.js';
import { loadAssistSettings } from '../assist/settings.js';
import { parseConfig } from '../config.js';
import { DISCLOSURE } from '../suggest/disclosure.js';

const settings = loadAssistSettings(parseConfig({}));
const NOW = Date.parse('2026-04-01T12:00:00.000Z');

const ORDER: StoredFact = {
  id: 'f-order',
  category: 'user.behavior.purchase_history',
  text: 'Blender Pro 3000, order #1042, delivered 14 Nov 2025',
  value: { order: '1042', product: 'Blender Pro 3000' },
  source: 'orders',
  collectedAt: '2025-11-14T10:00:00.000Z',
};
const ADDRESS: StoredFact = {
  id: 'f-address',
  category: 'user.contact.address.street',
  text: '12 Harbour Road, Portlow PL4 7QT',
  value: { street: '12 Harbour Road', town: 'Portlow', postcode: 'PL4 7QT' },
  source: 'crm',
  collectedAt: '2025-10-01T10:00:00.000Z',
};

const input = (facts: StoredFact[]): ContextInput => ({
  customer: { id: 'c-1', displayName: 'Dana Kowalski' },
  facts,
  consents: [
    {
      id: 'k-orders',
      purpose: 'essential.service.operations.support',
      categories: ['user.behavior.purchase_history'],
      status: 'granted',
      at: '2026-03-01T00:00:00.000Z',
      expiresAt: null,
      source: 'checkout',
      withdrawnAt: null,
    },
  ],
  flags: { optedOut: false, gpc: false },
  conversation: [{ role: 'customer', text: 'My blender broke' }],
  now: NOW,
});
const ctx = buildContext(input([ORDER, ADDRESS]), settings);
const check = (text: string) => checkReply(text, ctx);

describe('the reply check', () => {
  it(
    'when a sentence names the order without saying where it ' +
      'came from, then it is flagged with a rephrasing that does',
    () => {
      const text = 'Hi Dana,\nYour Blender Pro 3000 should be replaced. Sorry for the trouble!';
      const { flags, sentences } = check(text);
      expect(sentences).toBe(3);
      expect(flags).toHaveLength(1);
      const [flag] = flags;
      expect(flag).toMatchObject({
        kind: 'undisclosed_fact',
        sentence: 'Your Blender Pro 3000 should be replaced.',
        rephrasing: 'I can see on your account that your Blender Pro 3000 should be replaced.',
        categoryName: 'purchase history',
      });
      expect(text.slice(flag!.start, flag!.end)).toBe(flag!.sentence);
      expect(DISCLOSURE.test(flag!.rephrasing!)).toBe(true);
      expect(checkReply(text.replace(flag!.sentence!, flag!.rephrasing!), ctx).flags).toEqual([]);
    },
  );

  it('when a sentence names the order number alone, as a question, then the rephrasing keeps the question', () => {
    const [flag] = check('Is order #1042 the one that broke?').flags;
    expect(flag).toMatchObject({
      kind: 'undisclosed_fact',
      rephrasing: 'Going by what I can see on your account, is order #1042 the one that broke?',
    });
  });

  it('when the sentence says where the data came from, or uses no fact, then nothing is flagged', () => {
    expect(check('I can see on your account that you ordered the Blender Pro 3000.').flags).toEqual([]);
    expect(check('Our records show order 1042 was delivered.').flags).toEqual([]);
    expect(check('Thanks for writing in. We will sort this out today.').flags).toEqual([]);
  });

  it('when only part of a value is typed, then it does not count (no partial matching)', () => {
    expect(check('Is that the Blender Pro?').flags).toEqual([]);
    expect(check('Do you live on Harbour Road?').flags).toEqual([]);
    expect(check('Is it 104?').flags).toEqual([]);
  });

  it('when a sentence holds a withheld value, then it is flagged by category and reason and never quoted', () => {
    const text = 'Thanks Dana. We will send the new one to 12 harbour road. Anything else?';
    const result = check(text);
    expect(result.flags).toEqual([
      {
        id: expect.any(String),
        kind: 'withheld_value',
        start: text.indexOf('We will'),
        end: text.indexOf(' Anything'),
        sentence: null,
        rephrasing: null,
        categoryName: 'street address',
        reason: 'no_consent',
      },
    ]);
    expect(JSON.stringify(result).toLowerCase()).not.toContain('harbour');
  });

  it(
    'when a withheld sentence also names a shown fact, then ' + 'it is flagged once, as withheld, without a rephrasing',
    () => {
      const { flags } = check('Your Blender Pro 3000 goes to Portlow PL4 7QT.');
      expect(flags.map((f) => [f.kind, f.sentence, f.rephrasing])).toEqual([['withheld_value', null, null]]);
    },
  );

  it('when a full card number is typed, then it is flagged and the rephrasing masks it', () => {
    const { flags } = check('The refund goes to your card 4242 4242 4242 4242 within 5 days.');
    expect(flags).toMatchObject([
      {
        kind: 'raw_identifier',
        identifier: 'CARD',
        rephrasing: 'The refund goes to your card ending 4242 within 5 days.',
      },
    ]);
  });

  it('when an IBAN is typed without naming it, then the rephrasing names the account by its last four', () => {
    const { flags } = check('We paid GB82 WEST 1234 5698 7654 32 yesterday.');
    expect(flags).toMatchObject([
      { kind: 'raw_identifier', identifier: 'IBAN', rephrasing: 'We paid the account ending 5432 yesterday.' },
    ]);
  });

  it('when numbers fail their check digits (an order reference), then they are not identifiers', () => {
    expect(check('Your reference is 4242 4242 4242 4241.').flags).toEqual([]);
  });

  it(
    'when a sentence both uses a fact silently and holds a card, ' +
      'then both flags share one rephrasing that fixes both',
    () => {
      const { flags } = check('Your Blender Pro 3000 was paid with 4242424242424242.');
      expect(flags.map((f) => f.kind)).toEqual(['undisclosed_fact', 'raw_identifier']);
      expect(new Set(flags.map((f) => f.rephrasing))).toEqual(
        new Set(['I can see on your account that your Blender Pro 3000 was paid with the card ending 4242.']),
      );
    },
  );
});

describe('the reply check, as a property', () => {
  const value = fc.stringMatching(/^[A-Z][a-z]{3,7} [0-9]{1,3}[A-Z]{2}[0-9]?$/);
  const words = fc.array(fc.constantFrom('Thanks', 'for', 'your', 'order', 'we', 'will', 'check', '.', '\n', '?'), {
    maxLength: 12,
  });

  it('for random withheld values typed anywhere in any case, the answer never contains them', () => {
    fc.assert(
      fc.property(value, words, words, fc.boolean(), (v, before, after, lower) => {
        const secret: StoredFact = { ...ADDRESS, text: `Home: ${v}`, value: { street: v } };
        const context = buildContext(input([ORDER, secret]), settings);
        const typed = lower ? v.toLowerCase() : v;
        const answer = JSON.stringify(checkReply(`${before.join(' ')} ${typed} ${after.join(' ')}`, context));
        expect(answer.toLowerCase()).not.toContain(v.toLowerCase());
        expect(answer.toLowerCase()).not.toContain(v.toLowerCase().replace(/ /g, ''));
      }),
      { numRuns: 300 },
    );
  });
});
