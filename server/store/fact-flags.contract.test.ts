/**
 * Facts flagged as wrong, on SQLite always and on PostgreSQL when `CANDOR_TEST_DATABASE_URL` names a server: a flag
 * joins the customer's open rectification request from a ticket, is refused for an unknown fact, once flagged, or past
 * the day's limit, and is withdrawn once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './types.js';
import { META, PG_URL, postgresBackend, sqliteBackend, type Backend } from './test-backends.js';

const backends: [string, () => Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(PG_URL!)],
];

const AT = '2026-03-05T10:00:00.000Z';
const asked = { lang: 'en', receivedAt: AT, dueAt: '2026-04-05T10:00:00.000Z', rule: 'gdpr' } as const;
const fact = (id: string) => ({
  id,
  category: 'user.contact.address.street',
  text: `fact ${id}`,
  source: 'crm',
  collectedAt: '2026-01-01T00:00:00.000Z',
});

for (const [name, make] of backends) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`fact flags on ${name}`, () => {
    let h: Backend;
    let store: Store;
    beforeEach(async () => {
      h = make();
      store = await h.open();
      await store.customers.upsert({ id: 'c-1', displayName: 'C', email: 'c@example.org' }, META);
      await store.facts.upsertMany('c-1', [fact('f1'), fact('f2'), fact('f3')], META);
    });
    afterEach(() => h.drop());

    it('when a customer with a correction asked in a ticket flags facts, then they join that one request', async () => {
      const ticketAsked = await store.requests.receive(
        { ...asked, kind: 'rectification', ticketId: 't-1', customerId: 'c-1' },
        META,
      );
      const note = { wrong: 'old street', shouldSay: 'new street' };
      const first = await store.factFlags.raise('c-1', 'f1', note, asked, 5, META);
      expect(first).toMatchObject({ factId: 'f1', requestId: ticketAsked!.id, note });
      expect(await store.factFlags.raise('c-1', 'f2', null, asked, 5, META)).toMatchObject({
        requestId: ticketAsked!.id,
      });
      expect(await store.factFlags.raise('c-1', 'f1', null, asked, 5, META)).toBe('flagged_already');
      expect(await store.factFlags.raise('c-1', 'f9', null, asked, 5, META)).toBe('no_fact');
      expect(await store.factFlags.raise('c-2', 'f3', null, asked, 5, META)).toBe('no_fact');
      const open = await store.factFlags.open('c-1');
      expect(open.map((f) => [f.factId, f.note])).toEqual([
        ['f1', note],
        ['f2', null],
      ]);
      expect((await store.requests.list({ now: AT })).length).toBe(1);
    });

    it('when a flag is withdrawn, then it is withdrawn once, and the day limit counts withdrawn flags', async () => {
      await store.factFlags.raise('c-1', 'f1', null, asked, 2, META);
      expect(await store.factFlags.withdraw('c-1', 'f1', AT, META)).toMatchObject({ factId: 'f1' });
      expect(await store.factFlags.withdraw('c-1', 'f1', AT, META)).toBeNull();
      expect(await store.factFlags.open('c-1')).toEqual([]);
      await store.factFlags.raise('c-1', 'f1', null, asked, 2, META);
      expect(await store.factFlags.raise('c-1', 'f2', null, asked, 2, META)).toBe('too_many');
      // A portal flag with no ticket request opens one of its own.
      const [request] = await store.requests.list({ now: AT });
      expect(request).toMatchObject({ kind: 'rectification', ticketId: null, customerId: 'c-1', status: 'open' });
    });

    it('when the request is refused as a whole, then its flags are no longer open', async () => {
      const flag = await store.factFlags.raise('c-1', 'f1', null, asked, 5, META);
      if (typeof flag === 'string') throw new Error(flag);
      expect(await store.requests.refuse(flag.requestId, 'We hold no other address.', AT, META)).toMatchObject({
        status: 'refused',
      });
      expect(await store.factFlags.open('c-1')).toEqual([]);
      expect(await store.factFlags.list({ status: 'open' })).toEqual([]);
    });
  });
}
