import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDRESS_WORDS, detectAddresses } from './detect-address.js';
import { wordSearch } from './scan.js';
import { found, foundOf } from './test-helpers.js';
import type { Entity } from './types.js';

describe('street addresses', () => {
  it.each([
    ['221B Baker Street, London NW1 6XE'],
    ['Flat 3, 27 Victoria Road, Bristol BS8 1TH'],
    ['14 Elm Close, Leeds'],
    ['1600 Amphitheatre Parkway, Mountain View, CA 94043'],
    ['350 5th Ave, Apt 4B, New York, NY 10118'],
    ['742 Evergreen Terrace'],
    ['12 George Street, Sydney NSW 2000'],
    ['Goethestraße 12, 10115 Berlin'],
    ['Friedrich-Ebert-Straße 5, 60311 Frankfurt am Main'],
    ['Berliner Straße 7'],
    ['12 rue de la Paix, 75002 Paris'],
    ['Via Roma 5, 00184 Roma'],
    ['PO Box 1234'],
    ['14 elm close, leeds ls6 2ab'],
    ['59 king way, cardiff cf10 1aa'],
    // House numbers as the scan's streetNumber must let through: a range, a letter and comma, a capital beyond ASCII.
    ['12-14 Elm Road'],
    ['12b, Elm Road'],
    ['7 Ørsted Road'],
    ['12 bis, rue de la Paix'],
    ['2a Via Roma'],
  ])('when "%s" is given as an address, then all of it is one ADDRESS', (address) => {
    expect(found(`Please send it to ${address}.`)).toEqual([['ADDRESS', address]]);
  });

  it('when a street type stands alone after the name ("Nørre Gade"), then it is found without a cue before it', () => {
    expect(found('The shop: Nørre Gade 5, 1165 København')).toEqual([['ADDRESS', 'Nørre Gade 5, 1165 København']]);
  });

  it('when an address is pasted over several lines, then the town and postcode lines belong to it', () => {
    expect(foundOf('ADDRESS', 'Deliver to:\n12 High Street\nLeeds\nLS6 2AB\n\nThanks')).toEqual([
      '12 High Street\nLeeds\nLS6 2AB',
    ]);
  });

  it('when a postcode or ZIP is labelled, then it is an ADDRESS; unlabelled ZIP-like numbers are not', () => {
    expect(foundOf('ADDRESS', 'postcode is LS6 2AB')).toEqual(['LS6 2AB']);
    expect(foundOf('ADDRESS', 'zip code: 94043')).toEqual(['94043']);
    expect(found('order 94043 arrived')).toEqual([]);
  });

  it.each([
    ['a number and words without a street type', 'I have 3 more things to say'],
    ['an everyday "way" in lower case', 'there is 1 more way to fix it, 2 hours on the way'],
    ['"place" in lower case', 'we need 5 place settings'],
    ['a street name without a number', 'our Victoria Road store'],
  ])('when the text holds %s, then it is not an address', (_what, text) => {
    expect(foundOf('ADDRESS', text)).toEqual([]);
  });
});

describe('addresses in German, French, Spanish, Dutch, Belgian and Italian shapes', () => {
  it.each([
    ['Hauptstr. 5, 80331 München'],
    ['Am Ring 5a'],
    ['8 avenue Victor Hugo, 69002 Lyon'],
    ['3 boulevard Haussmann'],
    ['Calle Mayor 7, 28013 Madrid'],
    ['C/ Mayor 7, 3º B, 28013 Madrid'],
    ['Avenida de la Constitución 12, 41004 Sevilla'],
    ['Kerkstraat 12, 1017 GB Amsterdam'],
    ['Parklaan 8'],
    ['Rue de la Loi 16, 1000 Bruxelles'],
    ['Kerkplein 4, 2000 Antwerpen'],
    ['Piazza di Spagna 10, 00187 Roma'],
  ])('when "%s" is given as an address, then all of it is one ADDRESS', (address) => {
    expect(found(`Bitte an ${address}.`)).toEqual([['ADDRESS', address]]);
  });

  it('when a postcode is labelled in these languages, then it is an ADDRESS', () => {
    expect(foundOf('ADDRESS', 'PLZ 10115')).toEqual(['10115']);
    expect(foundOf('ADDRESS', 'code postal : 75002')).toEqual(['75002']);
    expect(foundOf('ADDRESS', 'mijn postcode is 1017 GB')).toEqual(['1017 GB']);
    expect(foundOf('ADDRESS', 'código postal 28013')).toEqual(['28013']);
  });

  it.each([
    ['a date and a count', 'Die Lieferung kam am 12.03.2024, 3 Stück fehlen.'],
    ['"plaza" as a word', 'la plaza está cerrada, 5 plazas libres'],
    ['a postcode with its town but no street', 'Ich wohne in 10115 Berlin.'],
  ])('when the text holds %s, then it is not an address', (_what, text) => {
    expect(foundOf('ADDRESS', text)).toEqual([]);
  });
});

describe('streets without a street-type word', () => {
  it.each([
    [
      'before a unit, over its lines to the postcode',
      'Ship to:\n4844 Søndergade 52\n Apt. 656\n Brønderslev\n\n Denmark 35018',
    ],
    ['before a unit on the same line', 'Kálmán Imre u. 12. Suite 282'],
    ['after "lives at", with its town', 'Tosh lives at 172 Maneeži 75, Saareküla'],
    ['after "my address is", with its town on the next line', 'my address is Puruntie 82\nLAPPEENRANTA'],
    // The cheap word test before the cue pattern must pass whatever that case-insensitive pattern reads as "s".
    ['after "address" spelled with a long s', 'my ADDREſS is Puruntie 82\nLAPPEENRANTA'],
  ])('when one comes %s, then it is an ADDRESS', (_what, text) => {
    const street = text.slice(text.search(/\d{3,}|Kálmán|Puruntie/));
    expect(foundOf('ADDRESS', text)).toEqual([street]);
  });

  it.each([
    ['a product and a model number', 'The Blender Pro 3000 arrived broken.'],
    ['a count after an address cue', 'I sent it to 3 people 2 days ago.'],
    ['a product after an address cue, with no town after it', 'Please send the Blender Pro 3000 to me.'],
    ['a version number before a unit word', 'Version 12 unit tests are failing'],
  ])('when the text holds %s, then it is not an address', (_what, text) => {
    expect(foundOf('ADDRESS', text)).toEqual([]);
  });
});

describe('the word search before the address and date-of-birth patterns', () => {
  it('when given any text, then it sets the bit of each list that some word of the text is in, and no other', () => {
    const words = ADDRESS_WORDS.flat();
    const search = wordSearch(ADDRESS_WORDS);
    const piece = fc.oneof(
      fc.constantFrom(...words).chain((w) => fc.nat(w.length).map((n) => w.slice(n))),
      fc.constantFrom(...words).chain((w) => fc.nat(w.length).map((n) => w.slice(0, n))),
      fc.constantFrom('a', 'p', 't', ' ', '.', 'ſ', 'ä'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const expected = ADDRESS_WORDS.reduce(
          (bits, list, i) => (list.some((w) => text.includes(w)) ? bits | (1 << i) : bits),
          0,
        );
        expect(search(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ...['Rue', 'rue', 'Avenue', 'avenue', 'Boulevard', 'boulevard', 'Bd', 'bd', 'Place', 'place', 'Allée', 'allée'],
    ...['Chemin', 'chemin', 'Impasse', 'impasse', 'Quai', 'quai', 'Cours', 'cours', 'Route', 'route', 'Via', 'Viale'],
    ...['Vicolo', 'Piazza', 'Piazzale', 'Corso', 'Largo', 'Calle', 'Avenida', 'Avda', 'Avda.', 'Rua', 'Travessa'],
    ...['Plaza', 'Paseo', 'Carrer', 'Strada', 'Ulica', 'ul.', 'Plac', 'Aleja', 'Am', 'C/', 'Camino', 'Ronda'],
    ...['Travesía', 'Avinguda', 'Plein'],
  ])('when a street has the type word "%s" before its name, then the word search lets its pattern run', (type) => {
    const text = `at ${type} Mayor 7`;
    const out: Entity[] = [];
    detectAddresses(text, out);
    expect(out).toContainEqual({ type: 'ADDRESS', start: 3, end: text.length });
  });
});
