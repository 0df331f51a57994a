import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasGroupOf, scanFacts, wordSearch } from './scan.js';
import { found, foundOf } from './test-helpers.js';

describe('scanFacts', () => {
  it('when digits are written with separators, then they count as one group; any other character ends it', () => {
    expect(scanFacts('call +44 (0)20-7946.0018/1 now').groupDigits).toBe(14);
    expect(scanFacts('12:34 and 5,678 or 9x99').groupDigits).toBe(3);
    expect(scanFacts('on 27.09.2026 at 10').groupDigits).toBe(8);
    expect(scanFacts('room 12 3').digits).toBe(3);
    expect(scanFacts('no digits here')).toMatchObject({ digits: 0, groupDigits: 0 });
  });

  it('when a letter stands before a digit, then each letter fact says so as its pattern reads letters', () => {
    expect(scanFacts('ab1')).toMatchObject({ letterDigit: true, wideLetterDigit: true, wideLetterNearDigit: true });
    expect(scanFacts('AB 12')).toMatchObject({ letterDigit: false, wideLetterDigit: false, wideLetterNearDigit: true });
    expect(scanFacts('AB  12')).toMatchObject({ wideLetterDigit: false, wideLetterNearDigit: false });
    // `/[A-Z]/iu` reads "ſ" as "s" and the Kelvin sign as "k": not ASCII letters, but letters to an IBAN or a NINO.
    expect(scanFacts('ſ1')).toMatchObject({ letterDigit: false, wideLetterDigit: true });
    expect(scanFacts('\u212A 1')).toMatchObject({
      letterDigit: false,
      wideLetterDigit: false,
      wideLetterNearDigit: true,
    });
    expect(scanFacts('1a -2')).toMatchObject({ letterDigit: false, wideLetterNearDigit: false });
  });

  it('when a lone letter follows digits, as a DNI, NIE or NINO ends, then loneLetterAfterDigit says so', () => {
    for (const t of ['12345678Z', '12.345.678-Z', 'X-1234567-L', 'AB 12 34 56 C.', 'ab 123456 c', '1 x_', '9 x€'])
      expect(scanFacts(t).loneLetterAfterDigit, t).toBe(true);
    for (const t of ['order 364185155 here', '5 and', '12ab', 'A1', '12 3 x4'])
      expect(scanFacts(t).loneLetterAfterDigit, t).toBe(false);
  });

  it('when groups of 3, 2 and 4 digits stand apart by one space or dash each, then ssnShape says so', () => {
    for (const t of ['536-90-4399', 'SSN 536 90 4399.', '536-90 4399', 'x 536-90-4399'])
      expect(scanFacts(t).ssnShape, t).toBe(true);
    for (const t of ['536-90-43990', '1536-90-4399', '536-904-399', '536--90-4399', '536-90-439', '12 536 90'])
      expect(scanFacts(t).ssnShape, t).toBe(false);
  });

  it('when three dots stand each between two digits in one run, then dottedQuad says so', () => {
    for (const t of ['81.2.69.160', 'from 1.2.3.4.', 'v10.0.19045.2965']) expect(scanFacts(t).dottedQuad, t).toBe(true);
    for (const t of ['27.09.2026', '1.2.3 4.5', '1.2.3.a', '1.2..3.4', '1. 2.3.4'])
      expect(scanFacts(t).dottedQuad, t).toBe(false);
  });

  it('when digits are joined by single spaces, dots, commas or dashes, then groupSizes counts them to each run end', () => {
    const sizes = (t: string) => [...Array(31).keys()].filter((n) => hasGroupOf(scanFacts(t), n));
    expect(sizes('BSN 1234.56.782')).toEqual([4, 6, 9]);
    expect(sizes('85.07.30-033.28 and 1,5')).toEqual([1, 2, 4, 6, 9, 11]);
    expect(sizes('12  34 5/6 7x8')).toEqual([1, 2, 3]);
  });

  it('when a short number stands before a word, as a house number does, then streetNumber says so', () => {
    for (const t of [
      '14 Elm',
      'Flat 3, 221B Baker',
      '12-14 Elm',
      '350 5th Ave',
      'at 12, Elm',
      '7 Ørsted',
      '(9 x',
      '12345 Elm',
    ])
      expect(scanFacts(t).streetNumber, t).toBe(true);
    for (const t of [
      '£12 x',
      '$5 off',
      'a 1.5 kg',
      '123456 x',
      'call 0207 (x',
      'no 12',
      '12:30 pm',
      'x12 y',
      '1-234567 x',
    ])
      expect(scanFacts(t).streetNumber, t).toBe(false);
  });

  it('when a capital stands before a small letter, then a name may start there; after a cue, from index 2', () => {
    expect(scanFacts('Hi there')).toMatchObject({ nameStart: true, nameStartAfterCue: false });
    expect(scanFacts('Hi Bo')).toMatchObject({ nameStart: true, nameStartAfterCue: true });
    expect(scanFacts('a Bo')).toMatchObject({ nameStartAfterCue: true });
    expect(scanFacts('aBo')).toMatchObject({ nameStart: true, nameStartAfterCue: false });
    expect(scanFacts('Hi, DR LI')).toMatchObject({ nameStart: true, nameStartAfterCue: false });
    expect(scanFacts('xx O’Neill')).toMatchObject({ nameStartAfterCue: true });
    expect(scanFacts('ok ŌĒ')).toMatchObject({ nameStartAfterCue: true }); // beyond ASCII, either may be
    expect(scanFacts('ALL CAPS, I AM')).toMatchObject({ nameStart: false, nameStartAfterCue: false });
  });
});

/**
 * Each fact as its definition reads, with regexes over the whole text: scanFacts walks from the first digit and jumps
 * over stretches where nothing can change, and these say what it must still find.
 */
function factsByRegex(text: string) {
  const all = (re: RegExp) => [...text.matchAll(re)].map((m) => m[0]);
  const digitsIn = (s: string) => s.replace(/\D/g, '').length;
  let groupSizes = 0;
  for (const group of all(/\d+(?:[ .,-]\d+)*/g)) {
    let n = 0;
    for (const run of group.split(/[ .,-]/)) {
      n += run.length;
      if (n < 31) groupSizes |= 1 << n;
    }
  }
  return {
    digits: digitsIn(text),
    groupDigits: Math.max(0, ...all(/[\d ()+./-]+/g).map(digitsIn)),
    letterDigit: /[A-Za-z]\d/.test(text),
    wideLetterDigit: /[A-Za-z\x80-\uffff]\d/.test(text),
    wideLetterNearDigit: /[A-Za-z\x80-\uffff] ?\d/.test(text),
    loneLetterAfterDigit: /\d[ -]?[A-Za-z](?![A-Za-z\d])/.test(text),
    ssnShape: /(?<!\d)\d{3}[ -]\d{2}[ -]\d{4}(?!\d)/.test(text),
    dottedQuad: all(/[\d.]+/g).some((run) => (run.match(/\d(?=\.\d)/g) ?? []).length >= 3),
    groupSizes,
    streetNumber: /(?<![A-Za-z\d$,./:£€-])\d{1,5}(?!\d)[A-Za-z]?(?:-\d{1,5}(?!\d))?,? [A-Za-z\d\x80-\uffff]/.test(text),
    nameStart: /[A-Z\x80-\uffff][a-z'\x80-\uffff]/.test(text),
    nameStartAfterCue: /[A-Z\x80-\uffff][a-z'\x80-\uffff]/.test(text.slice(2)),
  };
}

describe('scanFacts against each fact read by a regex', () => {
  it('when any text of digits, separators, letters and symbols is scanned, then every fact is what its regex says', () => {
    // Pieces that make each fact likely: digits apart by each separator, letters of both cases, beyond ASCII, symbols.
    const piece = fc.constantFrom(
      ...'0123456789'.split(''),
      '12',
      '345',
      '6789',
      ...' -.,/()+:$£€\n'.split(''),
      'a',
      'b',
      'Z',
      'Ab',
      'é',
      'Ō',
      "'",
      'Rd',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(scanFacts(text)).toEqual(factsByRegex(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the detectors behind these facts', () => {
  it('when a value is written with any of the separators, then its detector still runs and finds it', () => {
    expect(foundOf('PHONE', 'ring (415) 555-0132')).toEqual(['(415) 555-0132']);
    expect(foundOf('PHONE', 'ring 415.555.0132')).toEqual(['415.555.0132']);
    expect(foundOf('CARD', 'card 4539-1488-0343-6467')).toEqual(['4539-1488-0343-6467']);
    expect(foundOf('SSN', 'SSN 536 90 4399')).toEqual(['536 90 4399']);
    expect(foundOf('IP', 'from 81.2.69.160')).toEqual(['81.2.69.160']);
  });

  it('when a DNI, NIE, NINO or SSN is written in any of its forms, then the facts that gate its pattern let it run', () => {
    expect(foundOf('ES_DNI', 'DNI 12.345.678-Z y 12345678 Z')).toEqual(['12.345.678-Z', '12345678 Z']);
    expect(foundOf('ES_NIE', 'NIE X-1234567-L o x1234567l')).toEqual(['X-1234567-L', 'x1234567l']);
    expect(foundOf('NINO', 'NI AB 12 34 56 C_')).toEqual(['AB 12 34 56 C']);
    expect(foundOf('SSN', 'ssn 536-90-4399 or 536 90 4399')).toEqual(['536-90-4399', '536 90 4399']);
  });

  it('when a name after a cue starts at the earliest place a cue allows, then it is found', () => {
    expect(foundOf('PERSON', 'Hi Bo, all good?')).toEqual(['Bo']);
    expect(foundOf('PERSON', 'Ta,Yolanda')).toEqual(['Yolanda']);
    expect(foundOf('PERSON', 'my name is sarah')).toEqual(['sarah']);
  });

  it('when the digits are too few together, then no numeric type is found, however many there are apart', () => {
    expect(found('items 12, 34, 56 and 78: 90 or 11; 23')).toEqual([]);
  });
});

describe('wordSearch', () => {
  it('when words of different lists overlap or one starts another, then each list found has its bit', () => {
    const search = wordSearch([['cap', 'ab'], ['apt'], ['abc'], ['zz']]);
    expect(search('the captain')).toBe(0b11); // "cap" and "apt" overlap
    expect(search('abc')).toBe(0b101); // "ab" starts "abc"
    expect(search('ab abc')).toBe(0b101);
    expect(search('a b c')).toBe(0);
  });

  it('when a word holds another of its list ("deliver" holds "live"), then either one sets the bit', () => {
    const search = wordSearch([['deliver', 'live'], ['very']]);
    expect(search('the delivery')).toBe(0b11); // "very" starts inside "deliver"
    expect(search('i live here')).toBe(0b1);
  });
});
