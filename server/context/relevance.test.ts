/** Relevance: word stems shared between what the customer wrote and a fact, plus category hint words. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryFrom, relevance, stems } from './relevance.js';

const PURCHASE = {
  text: 'Blender Pro 3000',
  category: 'user.behavior.purchase_history',
  categoryName: 'purchase history',
};
const LANGUAGE = { text: 'Prefers Esperanto', category: 'user.demographic.language', categoryName: 'language' };
const say = (...texts: string[]) => queryFrom(texts.map((text) => ({ role: 'customer' as const, text })));

describe('stems', () => {
  it('when a word is "delivered", then its stem is "deliver"', () => {
    expect([...stems('delivered')]).toEqual(['deliver']);
  });

  it('when a word is "Deliveries", then its stem is "delivery", the same as "delivery" (as documented)', () => {
    expect([...stems('Deliveries')]).toEqual([...stems('delivery')]);
    expect([...stems('Deliveries')]).toEqual(['delivery']);
  });

  it('when a word doubles its last consonant ("stopped"), then the stem drops the double ("stop")', () => {
    expect([...stems('stopped')]).toEqual(['stop']);
  });

  it('when plural and singular differ only by -s, then they share a stem', () => {
    expect(stems('parcels')).toEqual(stems('Parcel'));
  });

  it('when text holds stop words and one-letter words, then they are dropped', () => {
    expect([...stems('Hello, where is my order? I x')]).toEqual(['order']);
  });

  it('when text has capitals and punctuation, then stems are lower-case words only', () => {
    expect([...stems('BLENDER!!! broken...')].sort()).toEqual(['blender', 'broken']);
  });

  it('for any text, the stems are those of the three-replacement definition, in the same order', () => {
    // The definition the suffix tests implement: "-ies"/"-ied" → "-y", then "-ing|-ed|-es|-s", then a doubled
    // consonant.
    const STOP_WORDS = ['the', 'my', 'is', 'your', 'thanks'];
    const reference = (text: string) => {
      const out = new Set<string>();
      for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
        // A stop word (the list is not exported): dropped by both.
        if (raw.length < 2 || stems(raw).size === 0) continue;
        const stem = raw
          .replace(/(ies|ied)$/, 'y')
          .replace(/(ing|ed|es|s)$/, '')
          .replace(/([b-df-hj-np-tv-z])\1$/, '$1');
        out.add(stem.length >= 2 ? stem : raw);
      }
      return [...out];
    };
    const piece = fc.constantFrom(
      'ies',
      'ied',
      'ing',
      'ed',
      'es',
      's',
      'ss',
      'tt',
      'zz',
      'y',
      'a',
      'é',
      'İ',
      'ß',
      '4',
      ...STOP_WORDS,
    );
    const word = fc
      .array(fc.oneof(piece, fc.string({ minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 4 })
      .map((p) => p.join(''));
    const text = fc.array(word, { maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        expect([...stems(t)]).toEqual(reference(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('relevance', () => {
  it('when there is no customer message, then every fact scores 0', () => {
    expect(relevance(queryFrom([]), PURCHASE)).toBe(0);
  });

  it(
    'when the customer asks "where is my parcel", then a purchase-history ' + 'fact is related through the hint words',
    () => {
      expect(relevance(say('where is my parcel'), PURCHASE)).toBeGreaterThan(0);
    },
  );

  it('when the customer asks "where is my parcel", then a language fact is not related', () => {
    expect(relevance(say('where is my parcel'), LANGUAGE)).toBe(0);
  });

  it('when the message names the product, then the fact scores higher than on hint words alone', () => {
    expect(relevance(say('my blender is broken'), PURCHASE)).toBeGreaterThan(relevance(say('it is broken'), PURCHASE));
  });

  it('when the message names a structured value, then the fact is related', () => {
    const f = { text: 'An order', category: 'user.contact.email', categoryName: 'email', value: { ref: 'ZQ-4411' } };
    expect(relevance(say('about zq 4411'), f)).toBeGreaterThan(0);
  });

  it('when the same word is in an earlier and in the latest message, then the latest counts more', () => {
    expect(relevance(say('hello', 'my blender'), PURCHASE)).toBeGreaterThan(
      relevance(say('my blender', 'hello'), PURCHASE),
    );
  });

  it('when an agent says the word, then it does not count (only customer messages do)', () => {
    const q = queryFrom([{ role: 'agent', text: 'Is it the blender parcel order?' }]);
    expect(relevance(q, PURCHASE)).toBe(0);
  });
});
