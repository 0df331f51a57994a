/**
 * A ticket's privacy requests in the panel, on a real server and socket: the card's requests for a ticket open in
 * this panel only, and the opt-out an agent records at once with the ticket as evidence — through the one opt-out
 * path, fulfilling the request, audited; access and erasure are never done on an agent's word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivacyRequest } from '../server/protocol/requests.js';
import { seedDana, startServer, type PanelClient, type TestServer } from '../harness/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
});
afterAll(() => s.close());

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
const emit = <T>(panel: PanelClient, event: string, payload: object) =>
  new Promise<Answer<T>>((resolve) => (panel.emit as (...a: unknown[]) => void)(event, payload, resolve));

const ticket = {
  ticketId: 'T-NL',
  customerId: 'c_dana',
  conversation: [
    {
      role: 'customer',
      at: '2026-11-02T08:00:00.000Z',
      text: 'Stuur mij een kopie van mijn gegevens. Ik trek mijn toestemming in voor het gebruik van mijn gegevens voor reclame.',
    },
  ],
};

describe('privacy requests in the panel', () => {
  it('when a ticket holding two requests is open, then the panel gets both with their dates, and none before', async () => {
    const panel = await s.panel();
    expect(await emit(panel, 'ticket:requests', { ticketId: 'T-NL' })).toMatchObject({
      ok: false,
      error: { code: 'ticket_not_open' },
    });
    await emit(panel, 'ticket:open', ticket);
    const answer = await emit<PrivacyRequest[]>(panel, 'ticket:requests', { ticketId: 'T-NL' });
    expect(answer.ok && answer.data.map((r) => [r.kind, r.lang, r.status, r.receivedAt, r.dueAt])).toEqual([
      ['access', 'nl', 'open', '2026-11-02T08:00:00.000Z', '2026-12-02T08:00:00.000Z'],
      ['opt_out', 'nl', 'open', '2026-11-02T08:00:00.000Z', '2026-12-02T08:00:00.000Z'],
    ]);
  });

  it(
    'when an agent records the opt-out, then the customer is opted out with the ticket as evidence, the request ' +
      'is fulfilled and both are audited; the access request cannot be done that way, nor the opt-out twice',
    async () => {
      const panel = await s.panel();
      await emit(panel, 'ticket:open', ticket);
      const listed = await emit<PrivacyRequest[]>(panel, 'ticket:requests', { ticketId: 'T-NL' });
      const [access, optOut] = listed.ok ? listed.data : [];
      const record = (requestId: string) =>
        emit<PrivacyRequest>(panel, 'request:opt-out', { ticketId: 'T-NL', requestId });
      expect(await record(access!.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await record('req_unknown')).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect((await s.api('GET', '/customers/c_dana')).body.flags).toEqual({ optedOut: false, gpc: false });

      expect(await record(optOut!.id)).toMatchObject({
        ok: true,
        data: {
          id: optOut!.id,
          status: 'fulfilled',
          outcome: 'An agent recorded the opt-out the customer asked for in the ticket.',
        },
      });
      expect((await s.api('GET', '/customers/c_dana')).body.flags).toEqual({ optedOut: true, gpc: false });
      const audit = async (kind: string) =>
        (await s.api('GET', `/audit?kind=${kind}`, undefined, s.tokens.admin)).body.entries as {
          ticketId: string | null;
          payload: Record<string, unknown>;
        }[];
      expect((await audit('customer.opted_out')).map((e) => [e.ticketId, e.payload.channel])).toEqual([
        ['T-NL', 'panel'],
      ]);
      expect((await audit('privacy_request.fulfilled')).map((e) => [e.ticketId, e.payload.requestId])).toEqual([
        ['T-NL', optOut!.id],
      ]);
      expect(await record(optOut!.id)).toMatchObject({ ok: false, error: { code: 'request_closed' } });
      const after = await emit<PrivacyRequest[]>(panel, 'ticket:requests', { ticketId: 'T-NL' });
      expect(after.ok && after.data.map((r) => r.status)).toEqual(['open', 'fulfilled']);
    },
  );

  it('when the customer is opted out already, then the request is fulfilled and no second opt-out is recorded', async () => {
    const panel = await s.panel();
    await emit(panel, 'ticket:open', { ...ticket, ticketId: 'T-NL2' });
    const listed = await emit<PrivacyRequest[]>(panel, 'ticket:requests', { ticketId: 'T-NL2' });
    const optOut = listed.ok ? listed.data.find((r) => r.kind === 'opt_out') : undefined;
    const answer = await emit<PrivacyRequest>(panel, 'request:opt-out', { ticketId: 'T-NL2', requestId: optOut!.id });
    expect(answer).toMatchObject({ ok: true, data: { status: 'fulfilled' } });
    const entries = (await s.api('GET', '/audit?kind=customer.opted_out', undefined, s.tokens.admin)).body.entries;
    expect(entries).toHaveLength(1);
  });

  it('when a lead asks to record an opt-out, then it is refused as over REST', async () => {
    const lead = await s.panel(s.tokens.lead);
    await emit(lead, 'ticket:open', ticket);
    expect(await emit(lead, 'request:opt-out', { ticketId: 'T-NL', requestId: 'req_x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
