import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid, ninoValid, ssnValid } from './checksums.js';

describe('checksums', () => {
  it('when a card number is Luhn-valid, then it passes, and one changed digit fails', () => {
    expect(luhnValid('4539148803436467')).toBe(true);
    expect(luhnValid('4539148803436468')).toBe(false);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('')).toBe(false);
  });

  it('when an IBAN has the right length and mod-97 remainder, then it is valid', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('FR1420041010050500013M02606')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false); // checksum
    expect(ibanValid('GB82WEST1234569876543')).toBe(false); // length
    expect(ibanValid('XX82WEST12345698765432')).toBe(false); // country
  });

  it('when an SSN breaks the SSA rules (000, 666, 9xx area; 00 group; 0000 serial), then it is invalid', () => {
    expect(ssnValid('536', '90', '4399')).toBe(true);
    for (const [a, g, s] of [
      ['000', '12', '3456'],
      ['666', '12', '3456'],
      ['912', '12', '3456'],
      ['123', '00', '3456'],
      ['123', '45', '0000'],
    ]) {
      expect(ssnValid(a!, g!, s!)).toBe(false);
    }
  });

  it('when a NINO prefix or suffix breaks the HMRC rules, then it is invalid', () => {
    expect(ninoValid('AB', 'C')).toBe(true);
    for (const [p, s] of [
      ['DA', 'A'],
      ['QQ', 'A'],
      ['AO', 'A'],
      ['GB', 'A'],
      ['ZZ', 'A'],
      ['NK', 'B'],
      ['AB', 'E'],
    ])
      expect(ninoValid(p!, s!)).toBe(false);
  });
});
