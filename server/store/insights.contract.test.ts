/**
 * The rows the insights count, on SQLite always and on PostgreSQL when `CANDOR_TEST_DATABASE_URL` names a server:
 * ids, kinds and times only, in the asked range (consent records: all before its end, for the grants behind them).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './types.js';
import { ADA, META, PG_URL, postgresBackend, sqliteBackend, type Backend } from './test-backends.js';

const backends: [string, () => Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(PG_URL!)],
];
const NOW = new Date().toISOString();
const FROM = '2000-01-01T00:00:00.000Z';
const UNTIL = '2999-01-01T00:00:00.000Z';

for (const [name, make] of backends) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`insight events on ${name}`, () => {
    let h: Backend;
    let store: Store;
    beforeEach(async () => {
      h = make();
      store = await h.open();
    });
    afterEach(() => h.drop());

    it('when consents, flags, model calls, outcomes and an erasure are kept, then each is read back bare', async () => {
      await store.customers.upsert(ADA, META);
      const consent = {
        id: 'k1',
        purpose: 'essential.service.operations.support',
        categories: ['user.behavior.purchase_history'],
        status: 'granted' as const,
        at: '2026-01-05T10:00:00.000Z',
        source: 'chat',
      };
      await store.consents.append(ADA.id, [{ kind: 'granted', consent }], { ...META, by: 'admin' });
      await store.consents.append(ADA.id, [{ kind: 'withdrawn', consentId: 'k1', at: NOW }], { ...META, by: 'admin' });
      await store.customers.recordFlag(ADA.id, 'gpc', NOW, { actor: 'customer', channel: 'portal-gpc' });
      await store.customers.recordFlag(ADA.id, 'opted_out', NOW, META);
      await store.audit.append([{ kind: 'model.called', actor: META.actor, customerId: ADA.id, payload: {} }]);
      await store.outcomes.record({
        actor: META.actor,
        ticketId: 't1',
        customerId: ADA.id,
        suggestionId: 's1',
        template: { id: 'reply', version: 1 },
        engine: 'offline',
        action: 'rated',
        edit: null,
        rating: 'down',
        reason: null,
      });
      await store.customers.erase(ADA.id, NOW, META);

      const e = await store.insights.events(FROM, UNTIL);
      expect(e.consents.map((c) => c.record.kind)).toEqual(['granted', 'withdrawn']);
      expect(e.consents[0]).toMatchObject({
        customerId: ADA.id,
        record: { consent: { id: 'k1', categories: consent.categories } },
      });
      expect(e.flags.map(({ kind, byCustomer }) => ({ kind, byCustomer }))).toEqual([
        { kind: 'gpc', byCustomer: true },
        { kind: 'opted_out', byCustomer: false },
      ]);
      expect(e.erasures).toEqual([{ customerId: ADA.id, at: NOW }]);
      expect(e.modelCalls).toHaveLength(1);
      expect(e.outcomes).toEqual([expect.objectContaining({ customerId: ADA.id, action: 'rated', rating: 'down' })]);

      // Outside the range: nothing but the consent records before its end, which withdrawals and expiries need.
      const before = await store.insights.events('2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z');
      expect(before).toEqual({
        consents: [e.consents[0]],
        flags: [],
        erasures: [],
        modelCalls: [],
        outcomes: [],
      });
    });
  });
}
