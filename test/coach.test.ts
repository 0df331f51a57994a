/**
 * The reply coach over the real socket and REST API: an agent checks a reply for a ticket open in their panel,
 * reports what they did with a flag, meets the hourly cap; a lead reads the counts per team, an agent may not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents } from '../server/protocol/events.js';
import type { ReplyCheck } from '../server/protocol/coach.js';
import { REPLY_CHECKS } from '../server/realtime/coach.js';
import { danaTicket, seedDana, startServer, type PanelClient, type TestServer } from '../harness/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
});
afterAll(() => s.close());

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; path: unknown[] } };

function ask<E extends 'ticket:open' | 'reply:check' | 'reply:flag', T = unknown>(
  panel: PanelClient,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Answer<T>> {
  return new Promise((resolve) => (panel.emit as (...a: unknown[]) => void)(event, payload, resolve));
}

const REPLY =
  'Hi Dana,\nYour Blender Pro 3000 will be replaced. We will send it to 12 Harbour Road. ' +
  'The refund goes to 4242 4242 4242 4242.';

describe('the reply coach over the panel socket', () => {
  it(
    'when an agent checks a reply for an open ticket, then ' + 'each flag comes back and no withheld value does',
    async () => {
      const panel = await s.panel();
      expect((await ask(panel, 'ticket:open', danaTicket)).ok).toBe(true);
      const answer = await ask<'reply:check', ReplyCheck>(panel, 'reply:check', { ticketId: 'T-1', text: REPLY });
      if (!answer.ok) throw new Error(answer.error.message);
      expect(answer.data.flags.map((f) => f.kind)).toEqual(['undisclosed_fact', 'withheld_value', 'raw_identifier']);
      expect(answer.data.flags[0]).toMatchObject({
        sentence: 'Your Blender Pro 3000 will be replaced.',
        rephrasing: 'I can see on your account that your Blender Pro 3000 will be replaced.',
      });
      expect(answer.data.flags[1]).toMatchObject({
        sentence: null,
        categoryName: 'street address',
        reason: 'no_consent',
      });
      expect(answer.data.checksLeft).toBe(REPLY_CHECKS.points - 1);
      expect(JSON.stringify(answer).toLowerCase()).not.toContain('harbour');

      const [undisclosed, withheld] = answer.data.flags;
      expect((await ask(panel, 'reply:flag', { ticketId: 'T-1', flagId: undisclosed!.id, action: 'applied' })).ok).toBe(
        true,
      );
      expect((await ask(panel, 'reply:flag', { ticketId: 'T-1', flagId: withheld!.id, action: 'ignored' })).ok).toBe(
        true,
      );
      // A flag is followed or ignored once; one this panel was never given does not count.
      const again = await ask(panel, 'reply:flag', { ticketId: 'T-1', flagId: undisclosed!.id, action: 'ignored' });
      expect(again).toMatchObject({ ok: false, error: { code: 'flag_not_found', path: ['flagId'] } });

      // Audited as counts only.
      const audit = await s.api('GET', '/audit?kind=reply.checked', undefined, s.tokens.lead);
      expect(audit.body.entries[0].payload).toEqual({
        sentences: 4,
        flags: { undisclosed_fact: 1, withheld_value: 1, raw_identifier: 1 },
      });
      expect(JSON.stringify(audit.body)).not.toMatch(/harbour|blender|4242/i);
    },
  );

  it('when the ticket is not open in this panel, then the check is refused naming ticketId', async () => {
    const panel = await s.panel();
    const answer = await ask(panel, 'reply:check', { ticketId: 'T-1', text: 'Hello' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'ticket_not_open', path: ['ticketId'] } });
  });

  it(
    'when an agent checks one ticket more than the hourly ' + 'cap allows, then the check answers a clear error',
    async () => {
      // A customer of its own: the cap is per token and customer, and the tests above checked Dana's replies.
      await s.api('PUT', '/customers/c_cap', { displayName: 'Cap Test', email: 'cap@example.org' });
      const panel = await s.panel();
      const ticket = { ticketId: 'T-CAP', customerId: 'c_cap', conversation: [] };
      await ask(panel, 'ticket:open', ticket);
      const answers = [];
      for (let i = 0; i <= REPLY_CHECKS.points; i++)
        answers.push(await ask(panel, 'reply:check', { ticketId: 'T-CAP', text: `Is it ${i}?` }));
      expect(answers.slice(0, -1).every((a) => a.ok)).toBe(true);
      expect(answers.at(-1)).toMatchObject({
        ok: false,
        error: { code: 'too_many_checks', message: expect.stringContaining('30 reply checks per ticket per hour') },
      });
      // A second panel of the same agent does not start the count afresh.
      const other = await s.panel();
      await ask(other, 'ticket:open', ticket);
      expect(await ask(other, 'reply:check', { ticketId: 'T-CAP', text: 'Hello' })).toMatchObject({
        ok: false,
        error: { code: 'too_many_checks' },
      });
      // Nor does a ticket id of the panel's own making for the same customer.
      await ask(other, 'ticket:open', { ...ticket, ticketId: 'T-CAP-2' });
      expect(await ask(other, 'reply:check', { ticketId: 'T-CAP-2', text: 'Hello' })).toMatchObject({
        ok: false,
        error: { code: 'too_many_checks' },
      });
    },
  );

  it('when a lead asks for the summary, then the agent without a team, alone in "No team", is not shown', async () => {
    const res = await s.api('GET', '/coach/summary?period=all', undefined, s.tokens.lead);
    expect(res.status).toBe(200);
    const hidden = { value: null, suppressed: true };
    expect(res.body.teams).toHaveLength(1);
    expect(res.body.teams[0]).toMatchObject({ team: null, label: 'No team', checks: hidden });
    // Every figure this one agent made is hidden; only what none of the kinds counted reads 0.
    expect(res.body.teams[0].all).toEqual({ flagged: hidden, followed: hidden, ignored: hidden });
    expect(JSON.stringify(res.body)).not.toContain('test agent');
  });

  it('when an agent asks for the summary, then it is refused with 403', async () => {
    const res = await s.api('GET', '/coach/summary', undefined, s.tokens.agent);
    expect(res.status).toBe(403);
  });
});
