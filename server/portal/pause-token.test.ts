/** Pause links: a sealed token opens to its customer until it expires, and nothing else opens. */
import { createCipheriv, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLink, signLink } from './links.js';
import { keyFor, openPauseToken, PAUSE_LINK_DAYS, pauseLink, sealPauseToken } from './pause-token.js';

const SECRET = 'a-test-secret-of-more-than-32-characters';
const NOW = Date.parse('2026-11-23T10:00:00Z');
const DAY = 86_400_000;
const token = sealPauseToken(SECRET, { customerId: 'c_dana', expiresAt: new Date(NOW + DAY) });
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The token with each byte of its ciphertext XORed with `mask` (the stream cipher lets one change known text). */
function xorCiphertext(t: string, mask: Buffer, at: number): string {
  const raw = Buffer.from(t, 'base64url');
  for (let i = 0; i < mask.length; i++) raw[12 + at + i]! ^= mask[i]!;
  return raw.toString('base64url');
}

describe('pause tokens', () => {
  it('when a token is opened before it expires, then it names its customer', () => {
    expect(openPauseToken(SECRET, token, NOW)).toEqual({ ok: true, customerId: 'c_dana' });
    expect(openPauseToken(SECRET, token, NOW + DAY - 1)).toEqual({ ok: true, customerId: 'c_dana' });
  });

  it('when it is opened at or after its expiry, then it is expired', () => {
    expect(openPauseToken(SECRET, token, NOW + DAY)).toEqual({ ok: false, why: 'expired' });
  });

  it('when it was sealed with another secret, then it is tampered', () => {
    expect(openPauseToken(`${SECRET}x`, token, NOW)).toEqual({ ok: false, why: 'tampered' });
  });

  it('for any one character changed anywhere (the last one too), the token is refused', () => {
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...ALPHABET, '.', '=', ' '), (at, c) => {
        fc.pre(token[at] !== c);
        expect(openPauseToken(SECRET, `${token.slice(0, at)}${c}${token.slice(at + 1)}`, NOW).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
    for (const c of ALPHABET)
      if (c !== token.at(-1)) expect(openPauseToken(SECRET, `${token.slice(0, -1)}${c}`, NOW).ok).toBe(false);
  });

  it('when the token is cut short, lengthened, empty or not base64url, then it is tampered', () => {
    for (const bad of [token.slice(0, -4), `${token}AAAA`, '', 'A', '....', token.slice(0, 30), `${token}=`])
      expect(openPauseToken(SECRET, bad, NOW)).toEqual({ ok: false, why: 'tampered' });
  });

  it('when its ciphertext is changed to name another customer, then it is refused (the tag covers it)', () => {
    // The sealed text starts {"c":"c_dana"; XOR turns it into c_omar without the key, and only the tag notices.
    const mask = Buffer.from('c_dana').map((b, i) => b ^ 'c_omar'.charCodeAt(i));
    const other = xorCiphertext(token, Buffer.from(mask), '{"c":"'.length);
    expect(other).not.toBe(token);
    expect(openPauseToken(SECRET, other, NOW)).toEqual({ ok: false, why: 'tampered' });
  });

  it('when a token is made for another purpose, then it does not open here; a pause token opens nothing else', () => {
    const portal = signLink(SECRET, { customerId: 'c_dana', nonce: 'n-1', expiresAt: new Date(NOW + DAY) });
    expect(checkLink(SECRET, portal, NOW).ok).toBe(true);
    expect(openPauseToken(SECRET, portal, NOW)).toEqual({ ok: false, why: 'tampered' });
    expect(checkLink(SECRET, token, NOW)).toEqual({ ok: false, why: 'tampered' });
    // The same payload sealed under the secret's key for the pause form, not for pause links.
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyFor(SECRET, 'pause form'), iv);
    const body = Buffer.concat([cipher.update(JSON.stringify({ c: 'c_dana', e: NOW + DAY })), cipher.final()]);
    const formKeyed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    expect(openPauseToken(SECRET, formKeyed, NOW)).toEqual({ ok: false, why: 'tampered' });
  });

  it('when a link is made, then it shows nothing of the customer, differs each time and works 180 days', () => {
    const deps = { secret: SECRET, base: () => 'https://shop.test', now: () => NOW };
    const id = 'dana.kowalski@example.org';
    const a = pauseLink(deps, id);
    const b = pauseLink(deps, id);
    expect(a.url).toMatch(/^https:\/\/shop\.test\/portal\/pause\/[A-Za-z0-9_-]+$/);
    expect(a.url).not.toBe(b.url);
    expect(a.expiresAt).toBe(new Date(NOW + PAUSE_LINK_DAYS * DAY).toISOString());
    const t = a.url.slice(a.url.lastIndexOf('/') + 1);
    // Neither in the address nor in the token's bytes, as text or as base64 (how a portal link carries its customer).
    for (const shown of [a.url, Buffer.from(t, 'base64url').toString('latin1')])
      for (const part of ['dana.kowalski', 'example.org', Buffer.from(id).toString('base64url').slice(0, 12)])
        expect(shown).not.toContain(part);
    expect(openPauseToken(SECRET, t, NOW + PAUSE_LINK_DAYS * DAY - 1)).toEqual({ ok: true, customerId: id });
    expect(openPauseToken(SECRET, t, NOW + PAUSE_LINK_DAYS * DAY).ok).toBe(false);
  });
});
