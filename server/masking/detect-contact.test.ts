import { describe, expect, it } from 'vitest';
import { found, foundOf } from './test-helpers.js';

describe('e-mail addresses', () => {
  it('when an address appears in text, then exactly the address is an EMAIL', () => {
    expect(foundOf('EMAIL', 'mail sarah.okafor+shop@example.co.uk, thanks')).toEqual([
      'sarah.okafor+shop@example.co.uk',
    ]);
    expect(foundOf('EMAIL', '<Jürgen.Müller@web.de>')).toEqual(['Jürgen.Müller@web.de']);
  });

  it('when addresses follow one another, then each starts where no letter, digit or "._%+-" stands before it', () => {
    expect(foundOf('EMAIL', 'mail a@b.com,c@d.org')).toEqual(['a@b.com', 'c@d.org']);
    expect(foundOf('EMAIL', 'a@b@c.com')).toEqual(['b@c.com']);
    // The second "@" would make "b.com.x" a local part, inside the first address.
    expect(foundOf('EMAIL', 'mail a@b.com.x@y.com now')).toEqual(['a@b.com']);
    expect(foundOf('EMAIL', 'mail .abc@x.com, a.@x.com and b_@x.com, 𝒜bc@x.com')).toEqual(['b_@x.com', '𝒜bc@x.com']);
  });

  it('when an @ is not part of an address, then nothing is found', () => {
    expect(foundOf('EMAIL', 'meet @ 5pm, @support, a@b')).toEqual([]);
  });
});

describe('phone numbers', () => {
  const international = [
    '+44 20 7946 0018',
    '+44 (0)20 7946 0018',
    '+447700900123',
    '+1 (415) 555-0132',
    '+1-415-555-0132',
    '+49 30 901820',
    '+33 1 42 68 53 00',
    '+91 98765 43210',
    '+61 2 9374 4000',
    '+34 612 345 678',
    '0044 20 7946 0018',
  ];
  const national = [
    '020 7946 0018',
    '07700 900123',
    '07700900123',
    '0161 496 0000',
    '(415) 555-0132',
    '415-555-0132',
    '415.555.0132',
    '1-800-555-0199',
    '030 901820',
    '030/901820',
    '0151 23456789',
    '01 42 68 53 00',
    '01.42.68.53.00',
    '(02) 9374 4000',
    '0412 345 678',
    '98765 43210',
    '612 345 678',
    '(71) 4233-6306',
  ];

  it.each([...international, ...national])('when %s is written in a sentence, then it is one PHONE', (n) => {
    expect(found(`Call me on ${n} after 5pm.`)).toEqual([['PHONE', n]]);
  });

  it('when a bare run of digits follows a phone cue, then it is a phone; without a cue it is not', () => {
    expect(foundOf('PHONE', 'my number is 4155550132')).toEqual(['4155550132']);
    expect(foundOf('PHONE', 'Tel: 467 3395')).toEqual(['467 3395']);
    expect(found('Order 4155550132 shipped')).toEqual([]);
  });

  it.each([
    ['a date', 'ordered on 14/03/2024, 05/11/2023 10:30 and 2024-03-14'],
    ['a dotted date', 'delivered 01.03.2024 at 10:30'],
    ['a version', 'app version 10.0.19045.2965, v2.14.3'],
    ['a price', 'it cost £1,299.99 or $45.00'],
    ['a 9-digit order number', 'order 482910375'],
    ['a tracking number', 'Tracking says 0522 0136 5098, 1Z999AA10123456784, AB123456789GB'],
    ['an invalid SSN', 'part 000-12-3456'],
    ['a quantity and a time', '2 x 500ml at 10:30'],
  ])('when the text holds %s, then no phone is found', (_what, text) => {
    expect(foundOf('PHONE', text)).toEqual([]);
  });

  it('when a number is followed by another figure, then the phone stops where the number does', () => {
    expect(foundOf('PHONE', 'ring 020 7946 0018 2 times')).toEqual(['020 7946 0018']);
    // Whatever joins the figure on: a spaced dash, a dash on either side, a slash, brackets.
    for (const joined of [' - 22', ' -22', '- 22', '/22', ' (22)'])
      expect(foundOf('PHONE', `ring 020 7946 0018${joined} times`)).toEqual(['020 7946 0018']);
  });

  it('when a number has a "+" or "00" and a "(0)", then those are not counted among its 8–15 digits', () => {
    expect(foundOf('PHONE', 'at +44 (0)20 7946 now')).toEqual(['+44 (0)20 7946']);
    expect(foundOf('PHONE', 'at +44 (0)20 794 now')).toEqual([]);
    expect(foundOf('PHONE', 'at 0044 2079 46 now')).toEqual(['0044 2079 46']);
    expect(foundOf('PHONE', 'at 0044 2079 4 now')).toEqual([]);
  });

  it.each([
    ['in groups of 2–5 digits, one separator style', 'at 0161 496 0000 now', ['0161 496 0000']],
    ['a German mobile written solid', 'at 015112345678 now', ['015112345678']],
    ["12 digits written solid, without a German mobile's prefix", 'at 013112345678 now', []],
    ['spaced and dashed', 'at 0161 496-0000 now', []],
    ['in the SSN shape', 'at 012-00-3456 now', []],
    ['in a first group of 6', 'at 012345 6789 now', []],
    ['in a group of one digit', 'at 0161 4 960000 now', []],
    ['dotted, not in the French pairs', 'at 0142.68.53.00 now', []],
    ['in six groups, of which five fit', 'at 01 23 45 67 89 01 now', ['01 23 45 67 89']],
  ])('when a trunk-0 number is %s ("%s"), then the phones found are %j', (_how, text, phones) => {
    expect(foundOf('PHONE', text)).toEqual(phones);
  });

  it('when a trunk number starts with a bracketed area code, then it is a phone', () => {
    expect(foundOf('PHONE', 'at (030) 12 34 56 78 now')).toEqual(['(030) 12 34 56 78']);
  });

  it('when a NANP number has its leading 1, 11 digits, then it is a phone without a cue', () => {
    expect(foundOf('PHONE', 'at 1-800-555-0199 now')).toEqual(['1-800-555-0199']);
    expect(foundOf('PHONE', 'at 1 (415) 555-0132 now')).toEqual(['1 (415) 555-0132']);
  });

  it('when a bracketed area code starts a number of 8 or 13 digits, then it is a phone', () => {
    expect(foundOf('PHONE', 'at (71) 423-306 now')).toEqual(['(71) 423-306']);
    expect(foundOf('PHONE', 'at (0221) 12345-6789 now')).toEqual(['(0221) 12345-6789']);
  });

  it('when digits follow the tail of an IBAN-shaped token, then they are not a phone', () => {
    expect(foundOf('PHONE', 'see AB12 CDEF 020 7946 0018')).toEqual([]);
    expect(foundOf('PHONE', 'see AB12 CDEF12 020 7946 0018')).toEqual([]);
    // Two spaces end the token.
    expect(foundOf('PHONE', 'see AB12 CDEF  020 7946 0018')).toEqual(['020 7946 0018']);
  });

  it('when a run after a phone cue holds more than 15 digits, then it is no phone', () => {
    expect(foundOf('PHONE', 'call 1234 5678 9012 345')).toEqual(['1234 5678 9012 345']);
    expect(foundOf('PHONE', 'call 1234 5678 9012 3456')).toEqual([]);
  });
});

describe('IP addresses', () => {
  it('when an IPv4 address has four octets of 0–255, then it is an IP', () => {
    expect(foundOf('IP', 'from 81.2.69.160 and 192.168.1.24.')).toEqual(['81.2.69.160', '192.168.1.24']);
  });

  it('when any octet is over 255, then it is not an IP', () => {
    expect(foundOf('IP', 'from 1.2.3.255 and 1.2.3.256, 10.20.256.1')).toEqual(['1.2.3.255']);
  });

  it('when a version word ends just before, spaces of any kind between, then it is not an IP', () => {
    for (const cue of ['Ver. ', 'release\t', 'update   ', 'build\u00a0', 'fw v ', 'FIRMWARE '])
      expect(foundOf('IP', `${cue}1.2.3.4`)).toEqual([]);
    expect(foundOf('IP', 'on 1.2.3.4, firmware: 1.2.3.5, my version is 1.2.3.6')).toEqual([
      '1.2.3.4',
      '1.2.3.5',
      '1.2.3.6',
    ]);
  });

  it('when IPv6 is full or compressed, then it is an IP', () => {
    const full = '2001:0db8:85a3:0000:0000:8a2e:0370:7334';
    expect(foundOf('IP', `router ${full}, or 2001:db8::8a2e:370:7334 and fe80::1ff:fe23:4567:890a.`)).toEqual([
      full,
      '2001:db8::8a2e:370:7334',
      'fe80::1ff:fe23:4567:890a',
    ]);
  });

  it('when the groups between the colons are hex letters alone, then it is still an IP', () => {
    expect(foundOf('IP', 'Hi: from a:b:c:d:e:f:a:bad at 10:30')).toEqual(['a:b:c:d:e:f:a:bad']);
  });

  it('when every group holds four hex digits, with no "::", then it is still an IP', () => {
    expect(foundOf('IP', 'at 2001:0db8:85a3:0000:0000:8a2e:0370:7334')).toEqual([
      '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    ]);
  });

  it.each([
    ['a prefixed version', 'update to v1.2.3.4'],
    ['a labelled version', 'version 1.2.3.4, build 10.0.19045.2965, firmware 4.1.2.7'],
    ['three parts', 'version 1.2.3'],
    ['a dotted date', 'on 12.03.2024'],
    ['an octet over 255', '300.1.2.3'],
    ['five parts', '1.2.3.4.5'],
    ['a time', 'at 10:30:45'],
    ['a MAC address', '00:1A:2B:3C:4D:5E'],
    ['loopback', '::1'],
    ['C++', 'std::vector'],
  ])('when the text holds %s, then it is not an IP', (_what, text) => {
    expect(foundOf('IP', text)).toEqual([]);
  });
});

describe('European national phone formats', () => {
  it.each([
    ['Ruf mich an: 030 12345678', '030 12345678'],
    ['Handy 0151 23456789', '0151 23456789'],
    ['Tel. 030/1234567', '030/1234567'],
    ['+49 (0)30 12345678', '+49 (0)30 12345678'],
    ['mon portable : 06 12 34 56 78', '06 12 34 56 78'],
    ['06.12.34.56.78', '06.12.34.56.78'],
    ['+33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['mi móvil es 612 345 678', '612 345 678'],
    ['fijo 91 123 45 67', '91 123 45 67'],
    ['llámame al 612345678', '612345678'],
    ['+34 612 345 678', '+34 612 345 678'],
    ['bel me op 06-12345678', '06-12345678'],
    ['020 123 4567', '020 123 4567'],
    ['+31 6 12345678', '+31 6 12345678'],
    ['GSM 0470 12 34 56', '0470 12 34 56'],
    ['0470/123456', '0470/123456'],
    ['+32 470 12 34 56', '+32 470 12 34 56'],
    ['il mio numero è 333 123 4567', '333 123 4567'],
    ['cellulare 333 1234567', '333 1234567'],
    ['+39 06 12345678', '+39 06 12345678'],
  ])('when the text says "%s", then the number is a PHONE', (text, phone) => {
    expect(foundOf('PHONE', text)).toEqual([phone]);
  });

  it.each([
    ['an order number', 'Bestellnummer 123456789, commande 987654321'],
    ['an invoice number with a trunk 0', 'Rechnungsnummer 0123456789'],
    ['a French order reference', 'numéro de commande 0612345678'],
    ['a Dutch order number', 'ordernummer 0612345678'],
    ['an Italian order number', "numero d'ordine 0612345678"],
    ['dates', 'am 12.03.2024, le 03/12/2024, el 2024-03-12, op 03-12-2024'],
    ['postcodes', '10115 Berlin, 75002 Paris, 28013 Madrid, 1017 AB Amsterdam, 1000 Bruxelles, 00184 Roma'],
    ['amounts', '1.234,56 €, 12 345,67 €, 1 234 567 €, € 1.299,00'],
    ['a parcel number', 'Sendungsnummer 00340434161234567890'],
    ['a bare 9-digit number without a cue', 'el pedido 612345678 llegó'],
  ])('when the text holds %s, then no PHONE is found', (_what, text) => {
    expect(foundOf('PHONE', text)).toEqual([]);
  });
});
