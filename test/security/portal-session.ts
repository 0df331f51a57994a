/**
 * A customer's portal session for plain HTTP tests: a link mailed to them (here, into the demo's outbox) exchanged for
 * the cookie.
 */
import type { TestServer } from '../../harness/server.js';

/** Has a link sent to the customer and reads it from the demo outbox page, newest first. */
export async function outboxLink(s: TestServer, customerId: string): Promise<string> {
  const sent = await s.api('POST', `/customers/${customerId}/portal-links`, {}, s.tokens.admin);
  if (sent.status !== 201) throw new Error(`portal link: ${sent.status} ${JSON.stringify(sent.body)}`);
  const page = await (await fetch(`${s.url}/demo/outbox`)).text();
  return /href="(http[^"]+\/portal\/l\/[^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
}

/** The `Cookie` header value of the session the link opens. */
export async function openPortalSession(link: string): Promise<string> {
  const res = await fetch(link, { redirect: 'manual' });
  if (res.status !== 303) throw new Error(`the link answered ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
