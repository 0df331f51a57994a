/**
 * The register of privacy requests end to end, on a real server: a request in a ticket opened in a panel is
 * registered with its due date, listed for leads, admins and the privacy officer (not agents), refused only with a
 * reason, and fulfilled when the customer does the act in the portal — audited at each step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivacyRequest } from '../server/protocol/requests.js';
import { openPortalSession } from './security/portal-session.js';
import { seedDana, startServer, type PanelClient, type TestServer } from '../harness/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
});
afterAll(() => s.close());

const open = (panel: PanelClient, ticket: object) =>
  new Promise<void>((resolve, reject) =>
    panel.emit('ticket:open', ticket as never, (a) => (a.ok ? resolve() : reject(new Error(a.error.message)))),
  );

const list = async (query = '', token = s.tokens.privacy) => {
  const res = await s.api('GET', `/privacy-requests${query}`, undefined, token);
  return { status: res.status, requests: res.body.requests as PrivacyRequest[] };
};

describe('privacy requests', () => {
  it(
    'when a German customer asks in a ticket for a copy and the erasure of their data, then both are registered ' +
      'once, due one month after the message, and listed by due date for the privacy officer but not an agent',
    async () => {
      const ticket = {
        ticketId: 'T-DE',
        customerId: 'c_dana',
        conversation: [
          {
            role: 'customer',
            at: '2026-03-14T09:30:00.000Z',
            text: 'Guten Tag, bitte schicken Sie mir zuerst eine Kopie meiner Daten und löschen Sie danach mein Konto.',
          },
        ],
      };
      const panel = await s.panel();
      await open(panel, ticket);
      await open(panel, ticket); // opened again: still one request of each kind
      const { status, requests } = await list();
      expect(status).toBe(200);
      expect(requests.map((r) => [r.kind, r.lang, r.ticketId, r.status, r.dueAt])).toEqual([
        ['access', 'de', 'T-DE', 'open', '2026-04-14T09:30:00.000Z'],
        ['erasure', 'de', 'T-DE', 'open', '2026-04-14T09:30:00.000Z'],
      ]);
      expect((await list('?overdue=true')).requests.length).toBe(2); // 2026-04-14 has passed on this clock
      expect((await list('', s.tokens.agent)).status).toBe(403);
      expect((await list('?status=maybe')).status).toBe(400);
    },
  );

  it('when a lead refuses a request, then a reason is required and a closed request cannot be refused again', async () => {
    const [access] = (await list('?status=open')).requests.filter((r) => r.kind === 'access');
    const route = `/privacy-requests/${access!.id}/refusal`;
    expect((await s.api('POST', route, { reason: 'no' }, s.tokens.lead)).status).toBe(400);
    expect((await s.api('POST', route, { reason: 'A reason from an agent.' }, s.tokens.agent)).status).toBe(403);
    const refused = await s.api('POST', route, { reason: 'We sent the copy by post on request.' }, s.tokens.lead);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', outcome: 'We sent the copy by post on request.' });
    expect((await s.api('POST', route, { reason: 'Refused a second time.' }, s.tokens.lead)).status).toBe(409);
  });

  it('when the customer confirms the erasure in the portal, then the erasure request is fulfilled and audited', async () => {
    const cookie = await openPortalSession(await s.portalLink('c_dana', 'dana@example.org'));
    const page = await (await fetch(`${s.url}/portal/erase`, { headers: { cookie } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const erased = await fetch(`${s.url}/portal/erase`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, confirm: 'yes' }),
    });
    expect(erased.status).toBe(200);
    const { requests } = await list();
    const erasure = requests.find((r) => r.kind === 'erasure')!;
    expect(erasure).toMatchObject({
      status: 'fulfilled',
      ticketId: null,
      outcome: 'The customer confirmed the erasure in the privacy portal.',
    });
    const audit = await s.api('GET', '/audit?kind=privacy_request.fulfilled', undefined, s.tokens.admin);
    expect(audit.body.entries.map((e: { payload: { requestId: string } }) => e.payload.requestId)).toEqual([
      erasure.id,
    ]);
  });
});
