/**
 * The register of privacy requests, on SQLite always and on PostgreSQL when `CANDOR_TEST_DATABASE_URL` names a
 * server: received once per ticket and kind, listed by due date, fulfilled or refused once, each step audited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewPrivacyRequest, Store } from './types.js';
import { META, PG_URL, postgresBackend, sqliteBackend, type Backend } from './test-backends.js';

const backends: [string, () => Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(PG_URL!)],
];

const NOW = '2026-03-05T00:00:00.000Z';
const asked = (over: Partial<NewPrivacyRequest> = {}): NewPrivacyRequest => ({
  kind: 'erasure',
  lang: 'de',
  ticketId: 't-1',
  customerId: 'c-1',
  receivedAt: '2026-03-01T10:00:00.000Z',
  dueAt: '2026-04-01T10:00:00.000Z',
  rule: 'gdpr',
  ...over,
});

for (const [name, make] of backends) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`privacy requests on ${name}`, () => {
    let h: Backend;
    let store: Store;
    beforeEach(async () => {
      h = make();
      store = await h.open();
    });
    afterEach(() => h.drop());

    it('when a ticket is opened again, then its request of a kind is registered once, audited once', async () => {
      const first = await store.requests.receive(asked(), META);
      expect(first).toMatchObject({ kind: 'erasure', status: 'open', ticketId: 't-1', closedAt: null });
      expect(await store.requests.receive(asked(), META)).toBeNull();
      expect(await store.requests.receive(asked({ kind: 'access' }), META)).not.toBeNull();
      expect((await store.requests.ofTicket('t-1')).map((r) => r.kind).sort()).toEqual(['access', 'erasure']);
      const entries = await store.audit.list({ kind: 'privacy_request.received' });
      expect(entries.map((e) => e.payload.requestId).sort()).toEqual(
        (await store.requests.ofTicket('t-1')).map((r) => r.id).sort(),
      );
    });

    it('when listed, then soonest due comes first; overdue keeps only open ones due before now', async () => {
      await store.requests.receive(asked({ ticketId: 'late', dueAt: '2026-04-20T00:00:00.000Z' }), META);
      await store.requests.receive(asked({ ticketId: 'soon', dueAt: '2026-04-02T00:00:00.000Z' }), META);
      const refused = await store.requests.receive(
        asked({ ticketId: 'gone', dueAt: '2026-04-01T00:00:00.000Z' }),
        META,
      );
      await store.requests.refuse(refused!.id, 'Not a request: the customer asked about an order.', 'now', META);
      expect((await store.requests.list({ now: NOW })).map((r) => r.ticketId)).toEqual(['gone', 'soon', 'late']);
      expect((await store.requests.list({ status: 'open', now: NOW })).map((r) => r.ticketId)).toEqual([
        'soon',
        'late',
      ]);
      const overdue = await store.requests.list({ overdue: true, now: '2026-04-10T00:00:00.000Z' });
      expect(overdue.map((r) => r.ticketId)).toEqual(['soon']);
      const onTime = await store.requests.list({ overdue: false, now: '2026-04-10T00:00:00.000Z' });
      expect(onTime.map((r) => r.ticketId)).toEqual(['gone', 'late']);
    });

    it('when the customer erases in the portal, then their open erasure requests are fulfilled and lose the ticket id', async () => {
      const erasure = await store.requests.receive(asked(), META);
      const access = await store.requests.receive(asked({ kind: 'access' }), META);
      const other = await store.requests.receive(asked({ customerId: 'c-2', ticketId: 't-2' }), META);
      const at = '2026-03-02T10:00:00.000Z';
      const done = await store.requests.fulfil('c-1', ['erasure'], 'erasure confirmed in the portal', at, {
        actor: 'customer',
        channel: 'portal',
      });
      expect(done).toEqual([
        { ...erasure, ticketId: null, status: 'fulfilled', closedAt: at, outcome: 'erasure confirmed in the portal' },
      ]);
      expect(await store.requests.get(access!.id)).toMatchObject({ status: 'open', ticketId: null });
      expect(await store.requests.get(other!.id)).toMatchObject({ status: 'open', ticketId: 't-2' });
      const [entry] = await store.audit.list({ kind: 'privacy_request.fulfilled' });
      expect(entry).toMatchObject({ actor: 'customer', customerId: 'c-1', seal: null });
      expect(entry!.payload).toMatchObject({ requestId: erasure!.id, requestKind: 'erasure' });
      // Once done, doing it again fulfils nothing.
      expect(await store.requests.fulfil('c-1', ['erasure'], 'again', at, META)).toEqual([]);
    });

    it('when a request is refused, then it keeps the reason; a closed or unknown one cannot be refused', async () => {
      const r = await store.requests.receive(asked(), META);
      const refused = await store.requests.refuse(r!.id, 'We hold no data on this address.', 'at', META);
      expect(refused).toMatchObject({ status: 'refused', outcome: 'We hold no data on this address.', closedAt: 'at' });
      expect(await store.requests.refuse(r!.id, 'Twice over, to be sure.', 'at', META)).toBe('closed');
      expect(await store.requests.refuse('req_nope', 'No such request at all.', 'at', META)).toBeNull();
      expect((await store.audit.list({ kind: 'privacy_request.refused' })).length).toBe(1);
    });
  });
}
