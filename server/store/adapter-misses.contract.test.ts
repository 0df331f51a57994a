/**
 * The adapter-miss counts, on SQLite always and on PostgreSQL when `CANDOR_TEST_DATABASE_URL` names a
 * server (beside `store.contract.test.ts`, with the same backends): per adapter, field and server day,
 * and nothing else kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './types.js';
import { PG_URL, postgresBackend, sqliteBackend, type Backend } from './test-backends.js';

const backends: [string, () => Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(PG_URL!)],
];

const at = (iso: string) => new Date(iso);

for (const [name, make] of backends) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`adapter misses on ${name}`, () => {
    let h: Backend;
    let store: Store;
    beforeEach(async () => {
      h = make();
      store = await h.open();
    });
    afterEach(() => h.drop());

    it('when nothing was missed, then the health lists no misses for the day', async () => {
      expect(await store.adapterMisses.health(at('2026-12-05T12:00:00Z'))).toEqual({ day: '2026-12-05', misses: [] });
    });

    it(
      'when misses are reported over several days, then each adapter and field counts today, the 7 days ' +
        'ending today, and when it was last missed; older days stay out of the counts',
      async () => {
        const miss = store.adapterMisses.record;
        await miss({ adapter: 'helpscout', field: 'conversation' }, at('2026-11-20T09:00:00Z')); // 15 days ago
        await miss({ adapter: 'helpscout', field: 'conversation' }, at('2026-11-29T10:00:00Z')); // day 1 of 7
        await miss({ adapter: 'helpscout', field: 'conversation' }, at('2026-12-05T08:00:00Z'));
        await miss({ adapter: 'helpscout', field: 'conversation' }, at('2026-12-05T07:00:00Z')); // late arrival
        await miss({ adapter: 'helpscout', field: 'requester' }, at('2026-12-04T23:59:59Z'));
        await miss({ adapter: 'zendesk', field: 'replyBox' }, at('2026-11-28T23:59:59Z')); // 8 days ago
        const health = await store.adapterMisses.health(at('2026-12-05T12:00:00Z'));
        expect(health).toEqual({
          day: '2026-12-05',
          misses: [
            {
              adapter: 'helpscout',
              name: 'Help Scout',
              field: 'conversation',
              lastMissingAt: '2026-12-05T08:00:00.000Z',
              today: 2,
              last7Days: 3,
            },
            {
              adapter: 'helpscout',
              name: 'Help Scout',
              field: 'requester',
              lastMissingAt: '2026-12-04T23:59:59.000Z',
              today: 0,
              last7Days: 1,
            },
            {
              adapter: 'zendesk',
              name: 'Zendesk Agent Workspace',
              field: 'replyBox',
              lastMissingAt: '2026-11-28T23:59:59.000Z',
              today: 0,
              last7Days: 0,
            },
          ],
        });
      },
    );

    it('when many panels report at once, then no report is lost', async () => {
      const now = at('2026-12-05T12:00:00Z');
      await Promise.all(
        Array.from({ length: 40 }, () => store.adapterMisses.record({ adapter: 'front', field: 'requester' }, now)),
      );
      expect((await store.adapterMisses.health(now)).misses[0]).toMatchObject({ today: 40, last7Days: 40 });
    });

    it(
      'when a miss is recorded, then its row holds the adapter, ' + 'the field, the day, a count and a time: no more',
      async () => {
        await store.adapterMisses.record({ adapter: 'intercom', field: 'conversation' }, at('2026-12-05T10:00:00Z'));
        expect(await h.all('SELECT * FROM adapter_misses')).toEqual([
          {
            adapter: 'intercom',
            field: 'conversation',
            day: '2026-12-05',
            misses: expect.anything(),
            last_at: '2026-12-05T10:00:00.000Z',
          },
        ]);
        expect(Number((await h.all<{ misses: unknown }>('SELECT misses FROM adapter_misses'))[0]!.misses)).toBe(1);
      },
    );
  });
}
