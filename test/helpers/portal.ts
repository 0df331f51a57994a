/** The customer's own act in the privacy portal, as a test makes it: a verified session, then a form post. */
import type { TestServer } from '../../harness/server.js';
import { openPortalSession } from '../security/portal-session.js';

/** The customer's portal page as they see it now, in a new verified session. */
export async function portalPageOf(s: TestServer, customer: { id: string; email: string }): Promise<string> {
  const cookie = await openPortalSession(await s.portalLink(customer.id, customer.email));
  return (await fetch(`${s.url}/portal`, { headers: { cookie } })).text();
}

/** Flags one of the customer's facts as wrong ("This is wrong"); answers a way to take the flag back. */
export async function flagInPortal(
  s: TestServer,
  customer: { id: string; email: string },
  factId: string,
  fields: Record<string, string> = {},
) {
  const cookie = await openPortalSession(await s.portalLink(customer.id, customer.email));
  const page = await (await fetch(`${s.url}/portal`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
  const post = (action: 'flag' | 'unflag') =>
    fetch(`${s.url}/portal/facts/${factId}/${action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, ...fields }),
    });
  const flagged = await post('flag');
  if (flagged.status !== 303) throw new Error(`flagging ${factId} in the portal answered ${flagged.status}`);
  return { unflag: () => post('unflag') };
}
