import { describe, expect, it } from 'vitest';
import { found, foundOf } from './test-helpers.js';

describe('payment cards', () => {
  it('when a Luhn-valid card is written spaced, dashed or run together, then it is a CARD', () => {
    expect(foundOf('CARD', 'card 4539 1488 0343 6467 please')).toEqual(['4539 1488 0343 6467']);
    expect(foundOf('CARD', 'card 4539-1488-0343-6467.')).toEqual(['4539-1488-0343-6467']);
    expect(foundOf('CARD', 'card 4539148803436467')).toEqual(['4539148803436467']);
    expect(foundOf('CARD', 'amex 3782 822463 10005, diners 3056 930902 5904')).toEqual([
      '3782 822463 10005',
      '3056 930902 5904',
    ]);
    expect(foundOf('CARD', 'card 4539 1488 0343 6467 2 times')).toEqual(['4539 1488 0343 6467']);
    expect(foundOf('CARD', 'maestro 6759 6498 2643 8453 128, or 501864667909')).toEqual([
      '6759 6498 2643 8453 128',
      '501864667909',
    ]);
  });

  it('when up to two short figures follow a card, then the card stops before them; after three, no card is tried', () => {
    expect(foundOf('CARD', 'card 4539 1488 0343 6467 1 2')).toEqual(['4539 1488 0343 6467']);
    expect(foundOf('CARD', 'card 4539-1488-0343-6467-2')).toEqual(['4539-1488-0343-6467']);
    expect(foundOf('CARD', 'card 5018 6466 7909 12')).toEqual(['5018 6466 7909']);
    expect(foundOf('CARD', 'card 501864667909 1 2')).toEqual(['501864667909']);
    expect(foundOf('CARD', 'card 501864667909 1 2 3')).toEqual([]);
  });

  it('when a card is written in groups shorter than 3 digits, then it is not a card', () => {
    expect(foundOf('CARD', 'card 45 39 14 88 03 43 64 67')).toEqual([]);
    expect(foundOf('CARD', 'card 4539 1488 0343 64 67')).toEqual([]);
    expect(foundOf('CARD', 'card 4539 14 88 0343 6467')).toEqual([]);
  });

  it('when fewer than 12 digits are left once a following figure is dropped, then no card is tried', () => {
    // Maestro's ranges pass the issuer test at any length, and 50186466798 passes Luhn.
    expect(foundOf('CARD', 'card 5018 6466 798 2')).toEqual([]);
  });

  it('when a 16-digit order reference fails Luhn, then it is not a card (nor a phone)', () => {
    expect(found('Order ref 4539 1488 0343 6468')).toEqual([]);
    expect(found('Order ref 1234-5678-9012-3456')).toEqual([]);
  });

  it('when Luhn-valid digits sit inside a longer number or mix separators, then they are not a card', () => {
    expect(foundOf('CARD', 'tracking 9400 4539 1488 0343 6467 22')).toEqual([]);
    expect(foundOf('CARD', '4539 1488-0343 6467')).toEqual([]);
    expect(foundOf('CARD', 'ref 7539148803436464')).toEqual([]); // no card network starts with 7
  });
});

describe('IBANs', () => {
  it('when an IBAN has a valid mod-97 checksum, with or without spaces, then it is an IBAN', () => {
    expect(foundOf('IBAN', 'IBAN GB82 WEST 1234 5698 7654 32 thanks')).toEqual(['GB82 WEST 1234 5698 7654 32']);
    expect(foundOf('IBAN', 'to DE89370400440532013000.')).toEqual(['DE89370400440532013000']);
    expect(foundOf('IBAN', 'FR14 2004 1010 0505 0001 3M02 606 and more')).toEqual([
      'FR14 2004 1010 0505 0001 3M02 606',
    ]);
    expect(foundOf('IBAN', 'lower case gb82west12345698765432')).toEqual(['gb82west12345698765432']);
  });

  it('when the checksum is wrong, then it is not an IBAN, and its digits are not a phone either', () => {
    expect(found('IBAN GB82 WEST 1234 5698 7654 33')).toEqual([]);
    expect(found('paid to IE71 HRZZ 0319 6851 9946 20 as invoiced')).toEqual([]);
  });
});

describe('US social security numbers', () => {
  it('when an SSN follows the SSA rules, with dashes or spaces, then it is an SSN', () => {
    expect(foundOf('SSN', 'my SSN is 536-90-4399')).toEqual(['536-90-4399']);
    expect(foundOf('SSN', 'number 536 90 4399.')).toEqual(['536 90 4399']);
  });

  it('when the area, group or serial is impossible, then it is not an SSN (nor a phone)', () => {
    for (const s of ['000-12-3456', '666-12-3456', '912-12-3456', '123-00-4567', '123-45-0000'])
      expect(found(`SSN ${s}`)).toEqual([]);
  });

  it('when nine bare digits are labelled SSN, then they are one; unlabelled, they are an order number', () => {
    expect(foundOf('SSN', 'SSN: 536904399')).toEqual(['536904399']);
    expect(foundOf('SSN', 'social security number 536904399')).toEqual(['536904399']);
    expect(found('order number 536904399')).toEqual([]);
  });
});

describe('UK National Insurance numbers', () => {
  it('when a NINO has a valid prefix and suffix, with or without spaces, then it is a NINO', () => {
    expect(foundOf('NINO', 'NI AB 12 34 56 C.')).toEqual(['AB 12 34 56 C']);
    expect(foundOf('NINO', 'NI AB123456C')).toEqual(['AB123456C']);
    expect(foundOf('NINO', 'NI ab 123456 c')).toEqual(['ab 123456 c']);
  });

  it('when the prefix is never allocated or the suffix is not A–D, then it is not a NINO', () => {
    for (const s of ['QQ123456C', 'GB123456A', 'DA123456A', 'AO123456A', 'AB123456E'])
      expect(foundOf('NINO', `NI ${s}`)).toEqual([]);
  });
});
