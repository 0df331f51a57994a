/**
 * Privacy-portal links: `<base>/portal/l/<token>`, where the token is the link's customer, nonce
 * and expiry, signed with HMAC-SHA256. The signature stops a changed link before any lookup; the
 * nonce (kept by the store) makes the link work once; the expiry is minutes away.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { ownerOnlyDir } from '../files/private.js';
import path from 'node:path';
import { z } from 'zod';

const Payload = z.strictObject({ c: z.string().min(1), n: z.string().min(1), e: z.number().int() });

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest();

export function signLink(secret: string, link: { customerId: string; nonce: string; expiresAt: Date }): string {
  const body = b64(JSON.stringify({ c: link.customerId, n: link.nonce, e: link.expiresAt.getTime() }));
  return `${body}.${b64(sign(secret, body))}`;
}

export type LinkCheck =
  | { ok: true; customerId: string; nonce: string }
  | { ok: false; why: 'tampered' }
  | { ok: false; why: 'expired'; expiredAt: Date };

export function checkLink(secret: string, token: string, now: number): LinkCheck {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return { ok: false, why: 'tampered' };
  // Compared as text: decoding would ignore the last character's spare bits, so a changed link could still pass.
  const expected = Buffer.from(b64(sign(secret, body)));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'tampered' };
  const payload = Payload.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  if (!payload.success) return { ok: false, why: 'tampered' };
  if (payload.data.e <= now) return { ok: false, why: 'expired', expiredAt: new Date(payload.data.e) };
  return { ok: true, customerId: payload.data.c, nonce: payload.data.n };
}

export const newNonce = () => randomBytes(16).toString('base64url');

/**
 * The configured secret, or the one kept in `<dataDir>/portal.key` (made on first start, readable by the owner only).
 */
export function portalSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'portal.key');
  ownerOnlyDir(dataDir);
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}
