import { describe, expect, it } from 'vitest';
import { found, foundOf } from './test-helpers.js';

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
  ])('when "%s" is given as an address, then all of it is one ADDRESS', (address) => {
    expect(found(`Please send it to ${address}.`)).toEqual([['ADDRESS', address]]);
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
