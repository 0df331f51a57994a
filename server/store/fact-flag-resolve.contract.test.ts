/**
 * An admin resolves flagged facts, on SQLite always and on PostgreSQL when `CANDOR_TEST_DATABASE_URL` names a server:
 * corrected, removed through the one erasure, or kept with a reason; the flag closes once, the request closes with its
 * last flag, audit payloads carry no values, and the customer's erasure blanks notes and closes open flags.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './types.js';
import { ADA, META, PG_URL, fact, postgresBackend, sqliteBackend, type Backend } from './test-backends.js';

const backends: [string, () => Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(PG_URL!)],
];

const AT = '2026-03-05T10:00:00.000Z';
const LATER = '2026-03-06T09:00:00.000Z';
const asked = { lang: 'en', receivedAt: AT, dueAt: '2026-04-05T10:00:00.000Z', rule: 'gdpr' } as const;
const note = { wrong: 'Order ORD-f1 was never mine', shouldSay: 'Order ORD-f9' };

for (const [name, make] of backends) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`resolving flagged facts on ${name}`, () => {
    let h: Backend;
    let store: Store;
    const flag = async (factId: string) => {
      const f = await store.factFlags.raise('c-1', factId, factId === 'f1' ? note : null, asked, 5, META);
      if (typeof f === 'string') throw new Error(f);
      return f;
    };
    const factOf = async (id: string) =>
      (await store.customers.snapshot('c-1'))!.facts.find((f) => f.id === id) ?? null;
    beforeEach(async () => {
      h = make();
      store = await h.open();
      await store.customers.upsert(ADA, META);
      await store.facts.upsertMany('c-1', [fact('f1'), fact('f2'), fact('f3')], META);
    });
    afterEach(() => h.drop());

    it('when an admin corrects, removes and keeps the flagged facts, then the request is fulfilled with the last', async () => {
      const [f1, f2, f3] = [await flag('f1'), await flag('f2'), await flag('f3')];
      const admins = await store.factFlags.list({ status: 'open' });
      expect(admins.map((v) => [v.customerName, v.fact.text, v.note])).toEqual([
        ['Ada Lovelace', 'Order f1', note],
        ['Ada Lovelace', 'Order f2', null],
        ['Ada Lovelace', 'Order f3', null],
      ]);

      const corrected = await store.factFlags.resolve(
        'c-1',
        f1.id,
        { resolution: 'corrected', text: 'Order ORD-f9, 14 November' },
        LATER,
        META,
      );
      expect(corrected).toMatchObject({ resolution: 'corrected', erased: null, request: { status: 'open' } });
      expect(await factOf('f1')).toMatchObject({ text: 'Order ORD-f9, 14 November', value: { order: 'ORD-f1' } });
      expect(await factOf('f1')).toMatchObject({ source: 'orders', collectedAt: LATER });
      // A sync from a source still holding the old value may not undo the correction; one collected after may.
      await expect(store.facts.upsertMany('c-1', [fact('f2'), fact('f1')], META)).rejects.toMatchObject({
        code: 'fact_corrected',
        status: 409,
        path: ['facts', 1, 'collectedAt'],
      });
      expect(await factOf('f1')).toMatchObject({ text: 'Order ORD-f9, 14 November' });
      const fixedAtSource = fact('f1', { text: 'Order ORD-f9', collectedAt: '2026-03-07T00:00:00.000Z' });
      await store.facts.upsertMany('c-1', [fixedAtSource], META);
      expect(await factOf('f1')).toMatchObject({ text: 'Order ORD-f9' });

      expect(await store.factFlags.resolve('c-1', f2.id, { resolution: 'removed' }, LATER, META)).toMatchObject({
        erased: { category: 'user.behavior.purchase_history' },
      });
      expect(await factOf('f2')).toMatchObject({ erased: true, text: '' });

      const last = await store.factFlags.resolve(
        'c-1',
        f3.id,
        { resolution: 'kept', reason: 'Our records are right' },
        LATER,
        META,
      );
      expect(last).toMatchObject({ request: { status: 'fulfilled', closedAt: LATER } });
      if (typeof last !== 'object') throw new Error(last);
      expect(last.request.outcome).toBe(
        'An admin corrected 1 fact and removed 1 fact the customer flagged as wrong, and kept 1 as it was, ' +
          'with the reason told to the customer.',
      );
      expect(await store.factFlags.list({ status: 'open' })).toEqual([]);
      const closed = await store.factFlags.list({ status: 'closed', requestId: last.request.id });
      expect(closed.map((v) => [v.fact.id, v.resolution, v.reason, v.fact.erased])).toEqual([
        ['f1', 'corrected', null, false],
        ['f2', 'removed', null, true],
        ['f3', 'kept', 'Our records are right', false],
      ]);
      expect((await store.factFlags.recent('c-1')).map((r) => [r.factId, r.resolution, r.reason])).toEqual([
        ['f1', 'corrected', null],
        ['f2', 'removed', null],
        ['f3', 'kept', 'Our records are right'],
      ]);

      const kinds = ['fact.corrected', 'fact.erased', 'fact.flag_resolved', 'privacy_request.fulfilled'] as const;
      const entries = (await Promise.all(kinds.map((kind) => store.audit.list({ kind })))).flat();
      expect(entries.map((e) => e.kind).sort()).toEqual([...kinds, 'fact.flag_resolved', 'fact.flag_resolved'].sort());
      const written = JSON.stringify(entries.map((e) => e.payload));
      for (const value of ['ORD-f9', 'Order f', 'Our records', 'never mine']) expect(written).not.toContain(value);
      expect((await store.audit.verify()).ok).toBe(true);
    });

    it('when a flag is resolved twice or was withdrawn, then it is closed; an unknown one is not found', async () => {
      const f1 = await flag('f1');
      await flag('f2');
      await store.factFlags.withdraw('c-1', 'f2', AT, META);
      const withdrawn = (await h.all<{ id: string }>("SELECT id FROM fact_flags WHERE fact_id = 'f2'"))[0]!.id;
      expect(await store.factFlags.resolve('c-1', withdrawn, { resolution: 'removed' }, LATER, META)).toBe('closed');
      expect(await store.factFlags.resolve('c-1', 'flag_nope', { resolution: 'removed' }, LATER, META)).toBe(
        'not_found',
      );
      expect(await store.factFlags.resolve('c-2', f1.id, { resolution: 'removed' }, LATER, META)).toBe('not_found');
      await store.factFlags.resolve('c-1', f1.id, { resolution: 'kept', reason: 'It is right' }, LATER, META);
      expect(await store.factFlags.resolve('c-1', f1.id, { resolution: 'removed' }, LATER, META)).toBe('closed');
      expect(await factOf('f1')).toMatchObject({ text: 'Order f1' });
      // Every flag kept: the request is refused, in words.
      const [request] = await store.requests.list({ now: LATER });
      expect(request).toMatchObject({
        status: 'refused',
        outcome:
          'An admin kept the fact the customer flagged as wrong as it was, with the reason told to the customer.',
      });
    });

    it('when the flag came with a correction asked in a ticket, then the request stays open unless the admin closes it', async () => {
      await store.requests.receive({ ...asked, kind: 'rectification', ticketId: 't-1', customerId: 'c-1' }, META);
      const [f1, f2] = [await flag('f1'), await flag('f2')];
      const one = await store.factFlags.resolve('c-1', f1.id, { resolution: 'removed' }, LATER, META);
      expect(one).toMatchObject({ request: { status: 'open', ticketId: 't-1' } });
      const two = await store.factFlags.resolve(
        'c-1',
        f2.id,
        { resolution: 'corrected', value: { order: 'ORD-f2b' }, closeRequest: true },
        LATER,
        META,
      );
      expect(two).toMatchObject({ request: { status: 'fulfilled' } });
      expect(await factOf('f2')).toMatchObject({ text: 'Order f2', value: { order: 'ORD-f2b' } });
    });

    it('when a fact was erased after it was flagged, then it cannot be corrected, only removed or kept', async () => {
      const f1 = await flag('f1');
      await store.facts.erase('c-1', 'f1', LATER, META);
      const fix = { resolution: 'corrected', text: 'New' } as const;
      expect(await store.factFlags.resolve('c-1', f1.id, fix, LATER, META)).toBe('fact_erased');
      expect(await store.factFlags.resolve('c-1', f1.id, { resolution: 'removed' }, LATER, META)).toMatchObject({
        resolution: 'removed',
      });
    });

    it("when the customer is erased, then their flags' notes and reasons go and open flags close", async () => {
      const f1 = await flag('f1');
      await flag('f2');
      await store.factFlags.resolve('c-1', f1.id, { resolution: 'kept', reason: 'It is right' }, LATER, META);
      await store.customers.erase('c-1', LATER, META);
      const rows = await h.all<{ note: unknown; reason: unknown; closed_at: unknown }>(
        'SELECT note, reason, closed_at FROM fact_flags ORDER BY fact_id',
      );
      expect(rows).toEqual([
        { note: null, reason: null, closed_at: LATER },
        { note: null, reason: null, closed_at: LATER },
      ]);
      expect(await store.factFlags.list({ status: 'open' })).toEqual([]);
      expect(await store.factFlags.open('c-1')).toEqual([]);
    });
  });
}
