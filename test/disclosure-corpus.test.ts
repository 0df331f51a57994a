/**
 * The guard's disclosure decisions pinned on the corpus in test/fixtures/disclosure/: every transparent
 * sentence is accepted and no silent one gets through, in each language; and, as properties, a fact's value
 * never passes in a sentence that does not say where it came from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_LANGS, contextWithFact, corpusDecisions, guardCodes } from '../bench/disclosure.js';

const decisions = corpusDecisions();

/**
 * Transparent sentences the guard does not recognise, pinned so a change is seen. Missing one is the safe side:
 * the suggestion is dropped, never sent silently. Each names its source only by a place and a verb that a
 * silent sentence also uses ("…apparaît dans votre compte" is also how a refund is announced).
 */
const MISSED: Record<string, string[]> = {
  en: ['On your profile the e-mail is jo@example.com [1].', 'On your order the Halcyon grinder [1] is listed.'],
  de: [],
  fr: ['Dans votre compte, le moulin Halcyon [1] apparaît comme livré.'],
  es: ['En su cuenta aparece el molinillo Halcyon [1].'],
  nl: ['Ik heb de Halcyon-molen [1] in uw bestelgeschiedenis gevonden.'],
};

describe('the disclosure corpus', () => {
  it('holds at least 30 transparent and 30 silent sentences in each language', () => {
    expect(decisions.map((d) => d.lang)).toEqual([...CORPUS_LANGS]);
    for (const d of decisions) {
      expect(d.transparent.length, d.lang).toBeGreaterThanOrEqual(30);
      expect(d.silent.length, d.lang).toBeGreaterThanOrEqual(30);
    }
  });

  for (const d of decisions) {
    it(`when a ${d.lang} sentence uses a fact without saying where it came from, then the guard stops it`, () => {
      expect(d.silent.filter((s) => s.accepted).map((s) => s.text)).toEqual([]);
    });
    it(`when a ${d.lang} sentence says where the fact came from, then the guard accepts all but the pinned misses`, () => {
      expect(d.transparent.filter((s) => !s.accepted).map((s) => s.text)).toEqual(MISSED[d.lang]);
    });
  }
});

const silent = decisions.flatMap((d) => d.silent.map((s) => s.text));
const transparent = decisions.flatMap((d) => d.transparent.map((s) => s.text));
/** A fact value shaped like an order reference: it cannot itself hold a disclosure opening. */
const value = fc.stringMatching(/^[A-Z]{2}-[0-9]{4,6}$/);

describe('sneaking a fact value past the guard', () => {
  it('when a silent sentence carries the value with its marker, then the guard reports no_source_disclosure', () => {
    fc.assert(
      fc.property(fc.constantFrom(...silent), value, (sentence, v) => {
        const text = sentence.replace('[1]', `${v} [1]`);
        expect(guardCodes(text, contextWithFact(v))).toContain('no_source_disclosure');
      }),
    );
  });

  it('when a silent sentence carries the value without a marker, then the guard reports undisclosed_fact', () => {
    fc.assert(
      fc.property(fc.constantFrom(...silent), value, (sentence, v) => {
        const text = sentence.replace('[1]', v);
        expect(guardCodes(text, contextWithFact(v))).toContain('undisclosed_fact');
      }),
    );
  });

  it('when a transparent sentence comes first, then a silent one after it is still stopped', () => {
    fc.assert(
      fc.property(fc.constantFrom(...transparent), fc.constantFrom(...silent), value, (open, sentence, v) => {
        const text = `${open.replace(' [1]', '')} ${sentence.replace('[1]', `${v} [1]`)}`;
        expect(guardCodes(text, contextWithFact(v))).toContain('no_source_disclosure');
      }),
    );
  });
});
