/**
 * Property: for generated people, e-mails, phones, street addresses, postcodes and order numbers
 * planted in the conversation, the facts' texts and values, the display name and a consent's
 * source, no original value survives anywhere in the pseudonymised file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pseudonymiseSession, type SessionDraft } from './pseudonymise.js';

const AT = '2026-11-23T09:00:00.000Z';
const d = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

const first = fc.constantFrom(
  'Sarah',
  'Chinedu',
  'Lucía',
  'Wei',
  'Priya',
  'Tomasz',
  'Ingrid',
  'Kwame',
  'Alex',
  'Jordan',
);
const last = fc.constantFrom('Okafor', 'Müller', 'Tanaka', 'Kowalski', 'Fernández', 'Achterberg', 'Morgan', 'Reed');
const person = fc.tuple(first, last).map(([f, l]) => `${f} ${l}`);
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._]{1,10}[a-z0-9]$/), fc.constantFrom('example.org', 'mail.co.uk', 'web.de'))
  .map(([l, dom]) => `${l}@${dom}`);
const phone = fc.oneof(
  fc.tuple(d(4), d(4)).map(([a, b]) => `+44 20 ${a} ${b}`),
  fc.tuple(d(3), d(6)).map(([a, b]) => `07${a} ${b}`),
  fc
    .tuple(fc.integer({ min: 201, max: 989 }), fc.integer({ min: 200, max: 999 }), d(4))
    .map(([a, b, c]) => `(${a}) ${b}-${c}`),
);
const postcode = fc
  .tuple(
    fc.constantFrom('LS', 'PL', 'M', 'SW', 'EH'),
    fc.integer({ min: 1, max: 19 }),
    fc.integer({ min: 1, max: 9 }),
    fc.constantFrom('AB', 'QR', 'XD', 'NU'),
  )
  .map(([a, n, m, b]) => `${a}${n} ${m}${b}`);
const street = fc
  .tuple(
    fc.integer({ min: 2, max: 999 }),
    fc.constantFrom('Harbour', 'Station', 'Orchard', 'Mill'),
    fc.constantFrom('Road', 'Lane', 'Close', 'Street'),
  )
  .map(([n, s, t]) => `${n} ${s} ${t}`);
const town = fc.constantFrom('Portlow', 'Kingsbridge', 'Ashworth', 'Leeds');
const order = d(6).filter((o) => o[0] !== '0');

const planted = fc.record({
  customer: person,
  agent: person,
  relative: person,
  email,
  phone,
  postcode,
  street,
  town,
  order,
});
type Planted = typeof planted extends fc.Arbitrary<infer T> ? T : never;

function sessionOf(p: Planted): SessionDraft {
  const address = `${p.street}, ${p.town} ${p.postcode}`;
  return {
    format: 'candor.session/v1',
    id: 'rec-20261123-0a1b2c',
    recordedAt: AT,
    customer: { id: 'customer-0a1b2c', displayName: p.customer },
    facts: [
      {
        id: 'f1',
        category: 'user.behavior.purchase_history',
        text: `Kettle, order #${p.order}, delivered`,
        value: { order: p.order },
        source: 'orders',
        collectedAt: AT,
      },
      {
        id: 'f2',
        category: 'user.contact.address',
        text: address,
        value: { street: p.street, town: p.town, postcode: p.postcode },
        source: 'crm',
        collectedAt: AT,
      },
      {
        id: 'f3',
        category: 'user.contact',
        text: `E-mail ${p.email}, phone ${p.phone}`,
        value: { email: p.email, phone: p.phone },
        source: 'crm',
        collectedAt: AT,
      },
    ],
    consents: [
      {
        id: 'k1',
        purpose: 'essential',
        categories: ['user'],
        status: 'granted',
        at: AT,
        source: `call with ${p.customer}`,
      },
    ],
    turns: [
      { role: 'customer', text: `Hi, this is ${p.customer}. My order ${p.order} has not come. I'm at ${address}.` },
      {
        role: 'agent',
        text: `Sorry to hear that, ${p.customer.split(' ')[0]}! ${p.agent} here. Which e-mail should I use?`,
      },
      {
        role: 'customer',
        text: `${p.email}, or call ${p.phone}. My husband ${p.relative} can take it. Postcode ${p.postcode}.`,
      },
    ],
  };
}

/** Every value as written, and each part of a name or address that could identify on its own. */
function originals(p: Planted): string[] {
  const names = [p.customer, p.agent, p.relative].flatMap((n) => [n, ...n.split(' ')]);
  return [...names, p.email, p.phone, p.postcode, p.street, p.street.replace(/^\d+ /, ''), p.town, p.order];
}

/** Whole words only: "Reed" survives in "Reed's" but not in "Reeding". */
const words = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (typeof x === 'number') return [String(x)];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe('pseudonymising sessions with planted PII', () => {
  it('when a session is pseudonymised, then no planted value survives anywhere in the file', () => {
    fc.assert(
      fc.property(planted, (p) => {
        const out = pseudonymiseSession(sessionOf(p), { seed: 'rec-20261123-0a1b2c', names: [p.customer, p.agent] });
        const file = strings(JSON.parse(JSON.stringify(out)))
          .map(words)
          .join('|');
        for (const o of originals(p)) expect(file, o).not.toContain(words(o));
      }),
      { numRuns: 300 },
    );
  });
});
