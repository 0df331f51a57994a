import { describe, expect, it } from 'vitest';
import { scanFacts } from './scan.js';
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

describe('the detectors behind these facts', () => {
  it('when a value is written with any of the separators, then its detector still runs and finds it', () => {
    expect(foundOf('PHONE', 'ring (415) 555-0132')).toEqual(['(415) 555-0132']);
    expect(foundOf('PHONE', 'ring 415.555.0132')).toEqual(['415.555.0132']);
    expect(foundOf('CARD', 'card 4539-1488-0343-6467')).toEqual(['4539-1488-0343-6467']);
    expect(foundOf('SSN', 'SSN 536 90 4399')).toEqual(['536 90 4399']);
    expect(foundOf('IP', 'from 81.2.69.160')).toEqual(['81.2.69.160']);
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
