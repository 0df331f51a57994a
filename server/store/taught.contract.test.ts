/**
 * The store contract for taught adapters (issue 17), on SQLite always and on PostgreSQL when
 * `CANDOR_TEST_DATABASE_URL` names a server: drafts, approval (refused while internal notes are not
 * left out), versions per site, rollback as a new version, audit entries, and nothing but selectors kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './types.js';
import type { TaughtAdapterBody } from '../protocol/taught.js';
import { PG_URL, postgresBackend, sqliteBackend, type Backend } from './test-backends.js';

const AGENT = { actor: 'agent:tok_a', channel: 'api' };
const ADMIN = { actor: 'admin:tok_b', channel: 'api' };
const SITE = 'https://desk.example.com';

const taught = (over: Partial<TaughtAdapterBody['selectors']> = {}, noInternalNotes = false): TaughtAdapterBody => ({
  site: SITE,
  name: 'Our desk',
  selectors: {
    app: 'body',
    ticket: '#ticket',
    requesterEmail: '[data-field="email"]',
    message: '#thread > li',
    messageText: '.text',
    fromCustomer: '[data-from="customer"]',
    notConversation: '.note',
    editor: 'textarea#reply',
    ...over,
  },
  noInternalNotes,
});

const backends: [string, () => Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(PG_URL!)],
];

for (const [name, make] of backends) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`taught adapters in the store on ${name}`, () => {
    let h: Backend;
    let store: Store;
    beforeEach(async () => {
      h = make();
      store = await h.open();
    });
    afterEach(() => h.drop());

    it('when an agent submits a draft, then it is listed with its teacher and no version exists yet', async () => {
      const d = await store.taught.submit(taught(), AGENT);
      expect(d).toMatchObject({ site: SITE, taughtBy: AGENT.actor, approvedAs: null, noInternalNotes: false });
      expect(d.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect((await store.taught.drafts()).map((x) => x.id)).toEqual([d.id]);
      expect(await store.taught.live()).toEqual([]);
      expect((await store.audit.list({ kind: 'adapter.submitted' }))[0]).toMatchObject({
        actor: AGENT.actor,
        payload: { site: SITE, draftId: d.id },
      });
    });

    it(
      'when a draft is approved, then it is the site’s ' + 'version 1, live, audited, and cannot be approved twice',
      async () => {
        const d = await store.taught.submit(taught(), AGENT);
        const v = await store.taught.approve(d.id, ADMIN);
        expect(v).toMatchObject({
          site: SITE,
          version: 1,
          draftId: d.id,
          approvedBy: ADMIN.actor,
          rolledBackFrom: null,
        });
        expect(v).toMatchObject({ selectors: taught().selectors, taughtBy: AGENT.actor });
        expect(await store.taught.live(SITE)).toEqual([v]);
        expect((await store.taught.drafts())[0]!.approvedAs).toBe(1);
        expect(await store.taught.approve(d.id, ADMIN)).toBe('already_approved');
        expect(await store.taught.approve(9999, ADMIN)).toBe('unknown');
        expect((await store.audit.list({ kind: 'adapter.approved' })).map((e) => e.payload)).toEqual([
          { site: SITE, version: 1, draftId: d.id, rolledBackFrom: null },
        ]);
        expect((await store.audit.verify()).ok).toBe(true);
      },
    );

    it(
      'when internal notes are neither marked nor declared absent, then ' +
        'approval is refused naming the field and nothing is written',
      async () => {
        const d = await store.taught.submit(taught({ notConversation: undefined }), AGENT);
        expect(await store.taught.approve(d.id, ADMIN)).toEqual({ refused: 'selectors.notConversation' });
        expect(await store.taught.versions()).toEqual([]);
        expect(await store.audit.list({ kind: 'adapter.approved' })).toEqual([]);
        const declared = await store.taught.submit(taught({ notConversation: undefined }, true), AGENT);
        expect(await store.taught.approve(declared.id, ADMIN)).toMatchObject({ version: 1, noInternalNotes: true });
      },
    );

    it('when a site is rolled back, then a new version restores the earlier selectors and becomes live', async () => {
      const first = await store.taught.submit(taught(), AGENT);
      await store.taught.approve(first.id, ADMIN);
      const second = await store.taught.submit(taught({ editor: 'div[contenteditable="true"]' }), AGENT);
      await store.taught.approve(second.id, ADMIN);
      const other = await store.taught.submit({ ...taught(), site: 'http://127.0.0.1:8080' }, AGENT);
      await store.taught.approve(other.id, ADMIN);
      expect((await store.taught.live(SITE))[0]!.selectors.editor).toBe('div[contenteditable="true"]');

      const back = await store.taught.rollback(SITE, 1, ADMIN);
      expect(back).toMatchObject({ version: 3, rolledBackFrom: 1, draftId: first.id, approvedBy: ADMIN.actor });
      expect((await store.taught.live(SITE))[0]).toEqual(back);
      expect((await store.taught.live()).map((v) => [v.site, v.version])).toEqual([
        ['http://127.0.0.1:8080', 1],
        [SITE, 3],
      ]);
      expect((await store.taught.versions(SITE)).map((v) => v.version)).toEqual([3, 2, 1]);
      expect(await store.taught.rollback(SITE, 7, ADMIN)).toBeNull();
      expect((await store.audit.list({ kind: 'adapter.rolled_back' }))[0]).toMatchObject({
        actor: ADMIN.actor,
        payload: { site: SITE, version: 3, rolledBackFrom: 1 },
      });
    });

    it(
      'when two stores approve drafts for one site at once, ' + 'then versions 1 and 2 are written, never one twice',
      async () => {
        const other = await h.another(); // closed with the backend
        const a = await store.taught.submit(taught(), AGENT);
        const b = await store.taught.submit(taught(), AGENT);
        const results = await Promise.all([store.taught.approve(a.id, ADMIN), other.taught.approve(b.id, ADMIN)]);
        const versions = results.filter((r) => typeof r === 'object' && 'version' in r).map((r) => r.version);
        const conflicts = results.filter((r) => r === 'conflict');
        expect(versions.length + conflicts.length).toBe(2);
        expect(new Set(versions).size).toBe(versions.length);
        expect((await store.taught.versions(SITE)).map((v) => v.version)).toEqual([...versions].sort((x, y) => y - x));
      },
    );
  });
}
