/**
 * The reply coach's counts, on SQLite always and on PostgreSQL when `CANDOR_TEST_DATABASE_URL` names a server: per
 * token, kind and server day, read back per token with the token's team from a day on; a token keeps its team.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './types.js';
import { META, PG_URL, postgresBackend, sqliteBackend, type Backend } from './test-backends.js';

const backends: [string, () => Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(PG_URL!)],
];
const at = (iso: string) => new Date(iso);
const AUDIT = { kind: 'reply.checked' as const, actor: 'agent:x', customerId: null, payload: {} };
const NONE = { undisclosed_fact: 0, withheld_value: 0, raw_identifier: 0 };

for (const [name, make] of backends) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`coach counts on ${name}`, () => {
    let h: Backend;
    let store: Store;
    beforeEach(async () => {
      h = make();
      store = await h.open();
    });
    afterEach(() => h.drop());

    it('when a token is made with a team, then it keeps it; without one, its team is null', async () => {
      const billing = await store.tokens.create('Sam', 'agent', META, 'Billing');
      const plain = await store.tokens.create('Kim', 'agent', META);
      expect(billing.record.team).toBe('Billing');
      expect((await store.tokens.authenticate(billing.token))!.team).toBe('Billing');
      await store.tokens.revoke(billing.record.id, META);
      expect((await store.tokens.list()).map((t) => [t.name, t.team])).toEqual([
        ['Sam', 'Billing'],
        ['Kim', null],
      ]);
      expect(plain.record.team).toBeNull();
    });

    it(
      'when checks and outcomes are recorded over several days, then each token counts per kind from the ' +
        'asked day on, with its team, and all days when none is asked',
      async () => {
        const sam = (await store.tokens.create('Sam', 'agent', META, 'Billing')).record.id;
        const kim = (await store.tokens.create('Kim', 'agent', META)).record.id;
        await store.coach.recordCheck(sam, { ...NONE, withheld_value: 2 }, AUDIT, at('2026-03-01T10:00:00Z'));
        await store.coach.recordCheck(sam, { ...NONE, undisclosed_fact: 1 }, AUDIT, at('2026-03-10T10:00:00Z'));
        await store.coach.recordCheck(sam, NONE, AUDIT, at('2026-03-10T11:00:00Z'));
        await store.coach.recordOutcome(sam, 'undisclosed_fact', 'applied', at('2026-03-11T00:00:01Z'));
        await store.coach.recordCheck(kim, { ...NONE, raw_identifier: 1 }, AUDIT, at('2026-03-10T12:00:00Z'));
        await store.coach.recordOutcome(kim, 'raw_identifier', 'ignored', at('2026-03-10T12:01:00Z'));

        const since = await store.coach.counts('2026-03-10');
        expect(since).toEqual(
          expect.arrayContaining([
            { tokenId: sam, team: 'Billing', kind: 'undisclosed_fact', checks: 2, flagged: 1, followed: 1, ignored: 0 },
            { tokenId: sam, team: 'Billing', kind: 'withheld_value', checks: 2, flagged: 0, followed: 0, ignored: 0 },
            { tokenId: kim, team: null, kind: 'raw_identifier', checks: 1, flagged: 1, followed: 0, ignored: 1 },
          ]),
        );
        expect(since).toHaveLength(6);
        const all = await store.coach.counts(null);
        expect(all.find((c) => c.tokenId === sam && c.kind === 'withheld_value')).toMatchObject({
          checks: 3,
          flagged: 2,
        });
        expect(await store.coach.counts('2026-03-12')).toEqual([]);
        // Audited with each check, counts only.
        expect((await store.audit.list({ kind: 'reply.checked' })).length).toBe(4);
      },
    );

    it('when counts were kept before days were, then they count in all days only', async () => {
      const sam = (await store.tokens.create('Sam', 'agent', META, 'Billing')).record.id;
      await h.all(
        `INSERT INTO coach_day_counts (day, token_id, kind, checks, flagged, followed, ignored)
         VALUES ('', ?, 'undisclosed_fact', 4, 3, 2, 1)`,
        [sam],
      );
      expect(await store.coach.counts('2000-01-01')).toEqual([]);
      expect(await store.coach.counts(null)).toEqual([
        { tokenId: sam, team: 'Billing', kind: 'undisclosed_fact', checks: 4, flagged: 3, followed: 2, ignored: 1 },
      ]);
    });
  });
}
