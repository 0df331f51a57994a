/**
 * One-click pause links: `<base>/portal/pause/<token>`. The token holds the customer's id and its expiry, sealed
 * with AES-256-GCM under a key derived from the portal secret for this purpose alone: nothing can be read from it
 * (a customer id may be an e-mail address), and its tag stops a changed token, one sealed with another key or one
 * made for another purpose, before any lookup. Nothing is stored per link.
 *
 * A pause link goes out in replies and e-mails and can only reduce the use of data, so it is long-lived and works
 * any number of times (a portal link, which shows data, works once and for minutes).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Id } from '../protocol/domain.js';
import type { PauseLinkAnswer } from '../protocol/portal.js';

/** How long a pause link works: about half a year, so that a link in an old e-mail still does what it says. */
export const PAUSE_LINK_DAYS = 180;

const IV = 12;
const TAG = 16;
const Payload = z.strictObject({ c: Id, e: z.number().int() });

/** A key of its own for each use of the secret, so a token or a form field made for one is nothing to another. */
export const keyFor = (secret: string, purpose: 'pause link' | 'pause form') =>
  Buffer.from(hkdfSync('sha256', secret, '', `candor ${purpose} v1`, 32));

export function sealPauseToken(secret: string, link: { customerId: string; expiresAt: Date }): string {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, 'pause link'), iv);
  const plain = JSON.stringify({ c: link.customerId, e: link.expiresAt.getTime() });
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

export type PauseCheck =
  | { ok: true; customerId: string }
  | { ok: false; why: 'tampered' }
  | { ok: false; why: 'expired' };

export function openPauseToken(secret: string, token: string, now: number): PauseCheck {
  const raw = Buffer.from(token, 'base64url');
  // Encoded again and compared: decoding skips foreign characters and the last one's spare bits, so a changed
  // token could decode to the same bytes.
  if (raw.length <= IV + TAG || raw.toString('base64url') !== token) return { ok: false, why: 'tampered' };
  const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, 'pause link'), raw.subarray(0, IV));
  decipher.setAuthTag(raw.subarray(-TAG));
  let plain: string;
  try {
    plain = Buffer.concat([decipher.update(raw.subarray(IV, -TAG)), decipher.final()]).toString('utf8');
  } catch {
    return { ok: false, why: 'tampered' };
  }
  const payload = Payload.safeParse(JSON.parse(plain));
  if (!payload.success) return { ok: false, why: 'tampered' };
  if (payload.data.e <= now) return { ok: false, why: 'expired' };
  return { ok: true, customerId: payload.data.c };
}

/** A pause link for the customer, at the address customers reach this server at (configuration, never a Host). */
export function pauseLink(
  deps: { secret: string; base: () => string; now?: (() => number) | undefined },
  customerId: string,
): PauseLinkAnswer {
  const expiresAt = new Date((deps.now?.() ?? Date.now()) + PAUSE_LINK_DAYS * 86_400_000);
  const token = sealPauseToken(deps.secret, { customerId, expiresAt });
  return { url: `${deps.base()}/portal/pause/${token}`, expiresAt: expiresAt.toISOString() };
}
