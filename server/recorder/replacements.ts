/**
 * The fake each real value gets, one table per session: the same value (as the masking module
 * normalises it) always gets the same fake. Names and addresses are replaced part by part, so
 * "Dana" alone gets the first name "Dana K." got, and "12 Harbour Road" the street of
 * "12 Harbour Road, Portlow".
 */
import { normalise } from '../masking/masker.js';
import { PARTICLES } from '../masking/detect-names.js';
import type { Fakes } from './fakes.js';
import type { Kind } from './hints.js';

export const NAME_SPLIT = /(\s+|-)/;
export const ADDRESS_SPLIT = /(\s*[,\n]\s*)/;
/** Words with a digit, and the spaces between them: the postcode or ZIP in "Portlow PL4 8QR", "IL 62704". */
const DIGIT_RUN = /(\S*\d\S*(?:\s+\S*\d\S*)*)/;

function key(kind: Kind | 'NAME' | 'INITIAL' | 'STREET', value: string): string {
  if (kind === 'ID' || kind === 'POSTCODE') return `${kind}:${value.replace(/[^0-9A-Za-z]/g, '').toUpperCase()}`;
  if (kind === 'PLACE' || kind === 'NAME' || kind === 'INITIAL' || kind === 'STREET')
    return `${kind}:${value.toLowerCase().replace(/\s+/g, ' ').trim()}`;
  return `${kind}:${normalise(kind, value)}`;
}

export function createReplacements(generate: Fakes): (kind: Kind, value: string) => string {
  const fakes = new Map<string, string>();

  function memo(k: string, make: () => string): string {
    let fake = fakes.get(k);
    if (fake === undefined) {
      fake = make();
      fakes.set(k, fake);
    }
    return fake;
  }

  /** Each part of a name on its own, so "Dana" alone later gets the first name of "Dana K.". */
  function person(value: string): string {
    let first = true;
    return value
      .split(NAME_SPLIT)
      .map((part) => {
        if (!/\p{L}/u.test(part) || PARTICLES.has(part.toLowerCase())) return part;
        const initial = /^(\p{L})(\.?)$/u.exec(part);
        if (initial) return memo(key('INITIAL', initial[1]!), () => generate.initial(initial[1]!)) + initial[2];
        const fake = memo(key('NAME', part), first ? generate.firstName : generate.lastName);
        first = false;
        return part === part.toUpperCase()
          ? fake.toUpperCase()
          : part === part.toLowerCase()
            ? fake.toLowerCase()
            : fake;
      })
      .join('');
  }

  /**
   * Street, then town and postcode, each on its own: "12 Harbour Road" alone gets the street of
   * "12 Harbour Road, Portlow".
   */
  function address(value: string): string {
    return value
      .split(ADDRESS_SPLIT)
      .map((part, i) => {
        if (i % 2 === 1 || !part) return part;
        if (/^\d{1,5}[A-Za-z]?\s/.test(part)) return memo(key('STREET', part), generate.street);
        return part.split(DIGIT_RUN).map(placeOrCode).join('');
      })
      .join('');
  }

  /** "Portlow PL4 8QR" is a town and a postcode: each gets the fake it gets on its own. */
  function placeOrCode(piece: string, i: number): string {
    if (i % 2 === 1) return memo(key('POSTCODE', piece), () => generate.shaped(piece));
    const name = piece.trim();
    return name ? piece.replace(name, memo(key('PLACE', name), generate.place)) : piece;
  }

  return function fakeFor(kind: Kind, value: string): string {
    if (kind === 'PERSON') return person(value);
    if (kind === 'ADDRESS') return address(value);
    return memo(key(kind, value), () => {
      switch (kind) {
        case 'EMAIL':
          return generate.email();
        case 'PHONE':
          return generate.phone();
        case 'CARD':
          return generate.card();
        case 'IP':
          return value.includes(':') ? generate.ipv6() : generate.ipv4();
        case 'DOB':
          return generate.dob();
        case 'PLACE':
          return generate.place();
        default:
          return generate.shaped(value); // IBAN, SSN, NINO, ID, POSTCODE
      }
    });
  };
}
