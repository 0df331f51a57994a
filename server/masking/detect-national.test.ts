import { describe, expect, it } from 'vitest';
import { found } from './test-helpers.js';

describe('European national identifiers in text', () => {
  it.each([
    ['Meine Steuer-ID ist 86095742719.', 'DE_TAX_ID', '86095742719'],
    ['Steuerliche IdNr: 86 095 742 719', 'DE_TAX_ID', '86 095 742 719'],
    ['Personalausweis T220001293 liegt vor', 'DE_ID_CARD', 'T220001293'],
    ['Ausweisnummer: LZ6311T47', 'DE_ID_CARD', 'LZ6311T47'],
    ['mon numéro de sécu 1 85 05 78 006 084 91', 'FR_NIR', '1 85 05 78 006 084 91'],
    ['NIR 285052A00608482 (Corse-du-Sud)', 'FR_NIR', '285052A00608482'],
    ['NIR 2 85 05 2A 006 084 82 (Corse-du-Sud)', 'FR_NIR', '2 85 05 2A 006 084 82'],
    ['mi DNI es 12345678Z', 'ES_DNI', '12345678Z'],
    ['DNI: 12.345.678-Z', 'ES_DNI', '12.345.678-Z'],
    ['NIE X1234567L', 'ES_NIE', 'X1234567L'],
    ['mijn BSN is 1234.56.782', 'NL_BSN', '1234.56.782'],
    ['burgerservicenummer: 111222333', 'NL_BSN', '111222333'],
    ['BSN 123 456 782', 'NL_BSN', '123 456 782'],
    ['BSN 1234 56 782', 'NL_BSN', '1234 56 782'],
    ['rijksregisternummer 850730-033-28', 'BE_NRN', '850730-033-28'],
    ['rijksregisternummer 85.07.30-033.28', 'BE_NRN', '85.07.30-033.28'],
    ['numéro national 85073003328', 'BE_NRN', '85073003328'],
    ['il mio codice fiscale è RSSMRA85T10A562S', 'IT_CF', 'RSSMRA85T10A562S'],
    ['CF rssmra85t10a56nh (omocodia)', 'IT_CF', 'rssmra85t10a56nh'],
  ])('when the text says "%s", then it is %s', (text, type, value) => {
    expect(found(text)).toEqual([[type, value]]);
  });

  it.each([
    ['a tax-ID-shaped number with a wrong check digit', 'Steuer-ID 86095742718'],
    ['an 11-digit order number', 'Bestellnummer 12345678901'],
    ['a valid tax ID written bare as an invoice number', 'Rechnung 86095742719'],
    ['a 9-digit number passing the 11-test without "BSN"', 'bestelling 123456782 is onderweg'],
    ['an ID card serial without its name or check digit', 'Artikel T22000129 ist ausverkauft'],
    ['a Belgian-shaped number without its name', 'referentie 85073003328'],
    ['a DNI with the wrong letter', 'DNI 12345678A'],
    ['a NIR with a wrong key', 'NIR 1 85 05 78 006 084 19'],
    ['a codice fiscale with a wrong check letter', 'CF RSSMRA85T10A562T'],
    ['a product code', 'Modell WH1000XM4 und KD55X85J'],
  ])('when the text holds %s, then nothing is found', (_what, text) => {
    expect(found(text)).toEqual([]);
  });

  it('when an ID card serial and a codice fiscale share a text, then each is found, in either order', () => {
    const both = [
      ['DE_ID_CARD', 'T220001293'],
      ['IT_CF', 'RSSMRA85T10A562S'],
    ];
    expect(found('Ausweis T220001293, codice fiscale RSSMRA85T10A562S')).toEqual(both);
    expect(found('codice fiscale RSSMRA85T10A562S, Ausweis T220001293')).toEqual([both[1], both[0]]);
  });

  it('when an 11-digit run follows a "+", then it is a phone, not a tax ID', () => {
    expect(found('Tel. +31658089240')).toEqual([['PHONE', '+31658089240']]);
  });
});
