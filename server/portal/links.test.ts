/** Portal links: what a signed link says is what opens, and nothing else does. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLink, signLink } from './links.js';

const SECRET = 'a-test-secret-of-more-than-32-characters';
const NOW = Date.parse('2026-11-23T10:00:00Z');
const link = signLink(SECRET, { customerId: 'c_dana', nonce: 'n-1', expiresAt: new Date(NOW + 15 * 60_000) });
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';

describe('portal links', () => {
  it('when a link is checked before it expires, then it names its customer and nonce', () => {
    expect(checkLink(SECRET, link, NOW)).toEqual({ ok: true, customerId: 'c_dana', nonce: 'n-1' });
  });

  it('when it is checked at or after its expiry, then it is expired, with the time', () => {
    expect(checkLink(SECRET, link, NOW + 15 * 60_000)).toEqual({
      ok: false,
      why: 'expired',
      expiredAt: new Date(NOW + 15 * 60_000),
    });
  });

  it('when it was signed with another secret, then it is tampered', () => {
    expect(checkLink(`${SECRET}x`, link, NOW)).toEqual({ ok: false, why: 'tampered' });
  });

  it(
    'for any one character changed anywhere (the last one too, whose spare ' +
      'bits decoding would ignore), the link is refused',
    () => {
      fc.assert(
        fc.property(fc.nat({ max: link.length - 1 }), fc.constantFrom(...ALPHABET), (at, c) => {
          fc.pre(link[at] !== c);
          expect(checkLink(SECRET, `${link.slice(0, at)}${c}${link.slice(at + 1)}`, NOW).ok).toBe(false);
        }),
        { numRuns: 500 },
      );
    },
  );

  it(
    'when its last character is any other (those differ from it in the ' +
      'spare bits alone among them), the link is refused',
    () => {
      for (const c of ALPHABET)
        if (c !== link.at(-1)) expect(checkLink(SECRET, `${link.slice(0, -1)}${c}`, NOW).ok).toBe(false);
    },
  );

  it('when the link is cut short or has a part too many, then it is tampered', () => {
    for (const bad of [link.split('.')[0]!, `${link}.x`, '', '.'])
      expect(checkLink(SECRET, bad, NOW)).toEqual({ ok: false, why: 'tampered' });
  });
});
