/** Issuing a portal link: a fresh nonce kept by the store (so the link works once), signed, minutes long. */
import type { ChangeMeta, Store } from '../store/types.js';
import type { PortalLinkAnswer } from '../protocol/portal.js';
import { newNonce, signLink } from './links.js';

export async function issuePortalLink(store: Store, o: { secret: string; customerId: string; minutes: number; base: string; meta: ChangeMeta; now?: number }): Promise<PortalLinkAnswer> {
  const nonce = newNonce();
  const expiresAt = new Date((o.now ?? Date.now()) + o.minutes * 60_000);
  await store.portal.issueLink({ nonce, customerId: o.customerId, expiresAt: expiresAt.toISOString() }, o.meta);
  return { url: `${o.base}/portal/l/${signLink(o.secret, { customerId: o.customerId, nonce, expiresAt })}`, expiresAt: expiresAt.toISOString() };
}

/** Where customers reach this server: CANDOR_PUBLIC_URL when set, else the origin the request came to (`http://host:port`). */
export const publicBase = (configured: string | undefined, requestOrigin: string) => (configured ?? requestOrigin).replace(/\/+$/, '');
