import { describe, expect, it } from 'vitest';
import {
  beNrnValid,
  deIdCardValid,
  deTaxIdValid,
  esIdValid,
  frNirValid,
  ibanValid,
  itCfValid,
  luhnValid,
  ninoValid,
  nlBsnValid,
  ssnValid,
} from './checksums.js';
import { beNrn, deIdCard, deTaxId, esDni, esNie, frNir, itCf, nlBsn } from '../../bench/corpus-eu-values.js';
import { seeded } from '../../harness/seeded.js';

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

/** Every single-digit change, and every swap of two adjacent different digits, of a number. */
function typos(id: string): { changes: string[]; swaps: string[] } {
  const changes: string[] = [];
  const swaps: string[] = [];
  for (let i = 0; i < id.length; i++) {
    if (!/\d/.test(id[i]!)) continue;
    for (let d = 0; d < 10; d++) if (String(d) !== id[i]) changes.push(id.slice(0, i) + d + id.slice(i + 1));
    if (/\d/.test(id[i + 1] ?? '') && id[i] !== id[i + 1])
      swaps.push(id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2));
  }
  return { changes, swaps };
}

const compact = (s: string) => s.replace(/[ .-]/g, '').toUpperCase();
type Kind = [string, (r: () => number) => string, (s: string) => boolean, number, number];

describe('European national identifiers', () => {
  // Generated from the published rules by bench/corpus-eu-values.ts, written apart from checksums.ts.
  // The last two numbers: the share of changed digits and of swapped neighbours that may still pass.
  // Mod 97, mod 23, the 11-test and the codice fiscale's odd/even tables catch every one; MOD 11,10
  // misses about 2 % of swaps, ICAO's 7-3-1 about 11 %; a Belgian number, read under the other
  // century's rule (a 2 in front from 2000), lets about 1 in 1,000 changes through.
  const kinds: Kind[] = [
    ['German tax ID', deTaxId, deTaxIdValid, 0, 0.03],
    ['German ID card', (r) => deIdCard(r, true), deIdCardValid, 0, 0.12],
    ['French NIR', frNir, frNirValid, 0, 0],
    ['Spanish DNI', esDni, esIdValid, 0, 0],
    ['Spanish NIE', esNie, esIdValid, 0, 0],
    ['Dutch BSN', nlBsn, nlBsnValid, 0, 0],
    ['Belgian national number', beNrn, beNrnValid, 0.002, 0.002],
    ['Italian codice fiscale', itCf, itCfValid, 0, 0],
  ];
  for (const [name, make, valid, changesPassing, swapsPassing] of kinds) {
    it(`when 500 generated ${name}s are checked, then all pass, and typos fail (but ${changesPassing} of changes, ${swapsPassing} of swaps)`, () => {
      const r = seeded(23);
      const passed = { changes: 0, swaps: 0 };
      const tried = { changes: 0, swaps: 0 };
      for (let n = 0; n < 500; n++) {
        const id = compact(make(r));
        expect(valid(id), id).toBe(true);
        const t = typos(id);
        for (const k of ['changes', 'swaps'] as const) {
          tried[k] += t[k].length;
          passed[k] += t[k].filter(valid).length;
        }
      }
      expect(passed.changes / tried.changes).toBeLessThanOrEqual(changesPassing);
      expect(passed.swaps / tried.swaps).toBeLessThanOrEqual(swapsPassing);
      expect(tried.swaps).toBeGreaterThan(500);
    });
  }

  it('when published examples are checked (check digits computed by hand), then they pass and their typos fail', () => {
    // Steuer-IdNr: the BZSt's test numbers; 65929970489 has its 9 three times, never three in a row.
    for (const id of ['86095742719', '47036892816', '65929970489', '12345678995']) expect(deTaxIdValid(id)).toBe(true);
    expect(deTaxIdValid('86095742718')).toBe(false); // check digit
    expect(deTaxIdValid('68095742719')).toBe(false); // swapped
    expect(deTaxIdValid('11123456786')).toBe(false); // a digit three times in a row
    expect(deTaxIdValid('01234567891')).toBe(false); // leading 0
    // Personalausweis specimens (Erika Mustermann): T22000129 → 7·29+3·2+2+7·1+3·2+9 = 233 → 3; LZ6311T47 → 5.
    expect(deIdCardValid('T220001293')).toBe(true);
    expect(deIdCardValid('LZ6311T475')).toBe(true);
    expect(deIdCardValid('T22000129')).toBe(true); // the serial alone, as printed on the front
    expect(deIdCardValid('T220001294')).toBe(false);
    expect(deIdCardValid('A220001293')).toBe(false); // A is not in the alphabet (no vowels)
    expect(deIdCardValid('TZZZZZZZZ')).toBe(false); // a word, not a number
    // NIR 1 85 05 78 006 084: 97 − (1850578006084 mod 97) = 91; Corsica 2A counts as 19, 2B as 18.
    expect(frNirValid('185057800608491')).toBe(true);
    expect(frNirValid('285052A00608482')).toBe(true);
    expect(frNirValid('285052B00608412')).toBe(true);
    expect(frNirValid('285052A00608412')).toBe(false); // 2B's key on a 2A number
    expect(frNirValid('185057800608419')).toBe(false);
    expect(frNirValid('185137800608491')).toBe(false); // month 13
    // DNI 12345678 mod 23 = 14 → Z; NIE X1234567 → 01234567 mod 23 = 19 → L.
    expect(esIdValid('12345678Z')).toBe(true);
    expect(esIdValid('X1234567L')).toBe(true);
    expect(esIdValid('12345678A')).toBe(false);
    expect(esIdValid('Y1234567L')).toBe(false);
    expect(esIdValid('1234567Z')).toBe(false); // a DNI has 8 digits
    // BSN: 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8 − 2 = 154 = 14·11.
    expect(nlBsnValid('123456782')).toBe(true);
    expect(nlBsnValid('111222333')).toBe(true);
    expect(nlBsnValid('123456783')).toBe(false);
    expect(nlBsnValid('000000000')).toBe(false);
    // Rijksregisternummer 85.07.30-033.28: 97 − (850730033 mod 97) = 28; born 2001: prefix 2.
    expect(beNrnValid('85073003328')).toBe(true);
    expect(beNrnValid('01010100122')).toBe(false);
    expect(beNrnValid(`010101001${97 - (2010101001 % 97)}`)).toBe(true);
    expect(beNrnValid('85073003382')).toBe(false);
    expect(beNrnValid('85133003328')).toBe(false); // month 13
    // Codice fiscale RSSMRA85T10A562 → S; omocodic RSSMRA85T10A56N (2 → N) → H.
    expect(itCfValid('RSSMRA85T10A562S')).toBe(true);
    expect(itCfValid('RSSMRA85T10A56NH')).toBe(true);
    expect(itCfValid('RSSMRA85T10A562T')).toBe(false);
    expect(itCfValid('RSSMRA85T10A526S')).toBe(false); // swapped
    expect(itCfValid('RSSMRA85X10A562S')).toBe(false); // X is no month
  });
});
