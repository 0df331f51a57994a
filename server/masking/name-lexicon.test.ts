import { describe, expect, it } from 'vitest';
import { GIVEN_NAME_LEXICON } from './given-name-lexicon.js';
import { SURNAME_LEXICON } from './surname-lexicon.js';
import { isLexiconGivenName, isLexiconSurname } from './name-lexicon.js';

const capitalised = (list: string) =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((n) => n[0]!.toUpperCase() + n.slice(1));

// name-lexicon.ts asks a bit array before each large set: it may only ever say "not in it" of a word that is not.
describe('the name lexicons behind their bit arrays', () => {
  it('when a word is in a lexicon, then the lookup finds it, every one of them', () => {
    const given = capitalised(GIVEN_NAME_LEXICON);
    const surnames = capitalised(SURNAME_LEXICON);
    expect(given.length).toBeGreaterThan(10_000);
    expect(given.filter((w) => !isLexiconGivenName(w))).toEqual([]);
    expect(surnames.filter((w) => !isLexiconSurname(w))).toEqual([]);
  });

  it('when a word is not in a lexicon, then the lookup says so, whatever its bits', () => {
    const given = new Set(capitalised(GIVEN_NAME_LEXICON));
    // Near misses of real entries: one letter more, one less, another case.
    const probes = [...given].slice(0, 20_000).flatMap((w) => [`${w}q`, w.slice(0, -1), w.toUpperCase()]);
    expect(probes.filter((w) => isLexiconGivenName(w) !== given.has(w))).toEqual([]);
    expect(isLexiconSurname('Zqxwv')).toBe(false);
  });

  it('when a surname has a capital inside, then its lexicon form is found', () => {
    const inner = capitalised(SURNAME_LEXICON).find((w) => /^Mc[a-z]/.test(w) || /^O[a-z]/.test(w))!;
    expect(isLexiconSurname(inner)).toBe(true);
    expect(isLexiconSurname(`${inner[0]}${inner[1]!.toUpperCase()}${inner.slice(2)}`)).toBe(true);
  });
});
