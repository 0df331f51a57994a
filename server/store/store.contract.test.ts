/**
 * The store contract: every behaviour the rest of Candor relies on, run against SQLite always and
 * against PostgreSQL when `CANDOR_TEST_DATABASE_URL` names a server (otherwise reported skipped;
 * with `CANDOR_REQUIRE_PG=1`, as in CI, a missing server is a failure, never a silent pass).
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { Store } from './types.js';
import type { Consent } from '../protocol/domain.js';
import { ADA, fact, META, PG_URL, postgresBackend, sqliteBackend, type Backend } from './test-backends.js';

const TABLES = [
  'customers',
  'facts',
  'consent_records',
  'flag_events',
  'tokens',
  'audit',
  'audit_head',
  'outcomes',
  'template_versions',
  'settings',
];

const consent = (over: Partial<Consent> = {}): Consent => ({
  id: 'k-1',
  purpose: 'essential.service.operations.support',
  categories: ['user.behavior.purchase_history'],
  status: 'granted',
  at: '2026-03-01T00:00:00.000Z',
  expiresAt: null,
  source: 'privacy-portal',
  ...over,
});

it('PostgreSQL is configured when CI requires it', () => {
  if (process.env.CANDOR_REQUIRE_PG === '1')
    expect(PG_URL, 'CANDOR_TEST_DATABASE_URL must name a PostgreSQL server').toBeTruthy();
});

const backends: [string, () => Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(PG_URL!)],
];

for (const [name, make] of backends) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`the store contract on ${name}`, () => {
    let h: Backend;
    let store: Store;
    beforeEach(async () => {
      h = make();
      store = await h.open();
    });
    afterEach(() => h.drop());
    const auditCount = async () => (await h.all<{ n: number }>('SELECT COUNT(*) AS n FROM audit'))[0]!.n;

    describe('customers', () => {
      it('when a customer is upserted twice, then the first is created and the second updated', async () => {
        expect(await store.customers.upsert(ADA, META)).toBe('created');
        expect(await store.customers.upsert({ ...ADA, displayName: 'Ada King' }, META)).toBe('updated');
        expect(await store.customers.get('c-1')).toEqual({ ...ADA, displayName: 'Ada King' });
      });

      it('when a customer does not exist, then get and snapshot return null', async () => {
        expect(await store.customers.get('nobody')).toBeNull();
        expect(await store.customers.snapshot('nobody')).toBeNull();
        expect(await store.customers.exists('nobody')).toBe(false);
      });

      it('when a customer is kept and later erased, then they still exist (a ticket of theirs opens to "erased")', async () => {
        await store.customers.upsert(ADA, META);
        expect(await store.customers.exists('c-1')).toBe(true);
        await store.customers.erase('c-1', '2026-03-05T00:00:00.000Z', META);
        expect(await store.customers.exists('c-1')).toBe(true);
        expect(await store.customers.exists('c-')).toBe(false);
      });

      it('when looking up by e-mail in another letter case, then the customer is found', async () => {
        await store.customers.upsert(ADA, META);
        expect(await store.customers.findByEmail('ada@example.ORG')).toEqual(ADA);
        expect(await store.customers.findByEmail('bob@example.org')).toBeNull();
      });

      it('when flags are recorded, then opted_out and opted_in toggle the opt-out and gpc sticks', async () => {
        await store.customers.upsert(ADA, META);
        expect(await store.customers.recordFlag('c-1', 'opted_out', '2026-03-02T00:00:00.000Z', META)).toEqual({
          optedOut: true,
          gpc: false,
        });
        expect(await store.customers.recordFlag('c-1', 'opted_in', '2026-03-03T00:00:00.000Z', META)).toEqual({
          optedOut: false,
          gpc: false,
        });
        expect(await store.customers.recordFlag('c-1', 'gpc', '2026-03-04T00:00:00.000Z', META)).toEqual({
          optedOut: false,
          gpc: true,
        });
        expect((await store.customers.snapshot('c-1'))!.flags).toEqual({ optedOut: false, gpc: true });
      });
    });

    describe('facts', () => {
      beforeEach(async () => {
        await store.customers.upsert(ADA, META);
      });

      it('when facts are upserted, then new ids count as created and known ids as updated', async () => {
        expect(await store.facts.upsertMany('c-1', [fact('a'), fact('b')], META)).toEqual({ created: 2, updated: 0 });
        expect(
          await store.facts.upsertMany('c-1', [fact('b', { text: 'Order b, refunded' }), fact('c')], META),
        ).toEqual({ created: 1, updated: 1 });
        const facts = (await store.customers.snapshot('c-1'))!.facts;
        expect(facts.map((f) => f.id).sort()).toEqual(['a', 'b', 'c']);
        expect(facts.find((f) => f.id === 'b')!.text).toBe('Order b, refunded');
      });

      it(
        'when a fact is erased, then its row keeps no text and no value, only ' + 'a tombstone with erased_at',
        async () => {
          await store.facts.upsertMany('c-1', [fact('a')], META);
          expect(await store.facts.erase('c-1', 'a', '2026-03-05T00:00:00.000Z', META)).toEqual({
            category: 'user.behavior.purchase_history',
          });
          const row = (
            await h.all('SELECT text, value_json, erased_at, category FROM facts WHERE customer_id = ? AND id = ?', [
              'c-1',
              'a',
            ])
          )[0];
          expect(row).toEqual({
            text: null,
            value_json: null,
            erased_at: '2026-03-05T00:00:00.000Z',
            category: 'user.behavior.purchase_history',
          });
          const snap = (await store.customers.snapshot('c-1'))!;
          expect(snap.facts).toEqual([expect.objectContaining({ id: 'a', erased: true, text: '', value: null })]);
        },
      );

      describe('sealed in groups', () => {
        const groups = async () =>
          h.all<{ id: string; sealed: string }>('SELECT id, sealed FROM fact_seals WHERE customer_id = ? ORDER BY id', [
            'c-1',
          ]);
        const texts = async () =>
          Object.fromEntries(
            (await store.customers.snapshot('c-1'))!.facts.map((f) => [f.id, f.erased ? null : f.text]),
          );

        it('when facts are written together, then one sealed group holds their values and no row holds them', async () => {
          await store.facts.upsertMany('c-1', [fact('a', { text: 'zqalpha' }), fact('b', { text: 'zqbeta' })], META);
          const [group] = await groups();
          expect(await groups()).toHaveLength(1);
          expect(h.opened(group!.sealed)).toMatch(/zqalpha.*zqbeta/);
          const rows = JSON.stringify(await h.all('SELECT * FROM facts'));
          expect(rows).not.toMatch(/zqalpha|zqbeta/);
          expect(rows).toContain(`cg1:${group!.id}:1`);
        });

        it('when one fact of a group is erased, then the group keeps the others and no longer holds it', async () => {
          await store.facts.upsertMany('c-1', [fact('a', { text: 'zqalpha' }), fact('b', { text: 'zqbeta' })], META);
          const [before] = await groups();
          await store.facts.erase('c-1', 'a', '2026-03-05T00:00:00.000Z', META);
          const [after] = await groups();
          expect(after!.id).toBe(before!.id);
          expect(h.opened(after!.sealed)).not.toContain('zqalpha');
          expect(h.opened(after!.sealed)).toContain('zqbeta');
          expect(await texts()).toEqual({ a: null, b: 'zqbeta' });
          // The last one erased takes the group with it.
          await store.facts.erase('c-1', 'b', '2026-03-05T00:00:00.000Z', META);
          expect(await groups()).toEqual([]);
        });

        it('when facts are ingested again, then their old values leave their old group', async () => {
          await store.facts.upsertMany('c-1', [fact('a', { text: 'zqold-a' }), fact('b', { text: 'zqold-b' })], META);
          const [first] = await groups();
          await store.facts.upsertMany('c-1', [fact('a', { text: 'zqnew-a' })], META);
          const kept = (await groups()).find((g) => g.id === first!.id)!;
          expect(h.opened(kept.sealed)).not.toContain('zqold-a');
          expect(await texts()).toEqual({ a: 'zqnew-a', b: 'zqold-b' });
          await store.facts.upsertMany('c-1', [fact('b', { text: 'zqnew-b' })], META);
          const all = (await groups()).map((g) => h.opened(g.sealed)).join('\n');
          expect((await groups()).map((g) => g.id)).not.toContain(first!.id);
          expect(all).not.toMatch(/zqold/);
          expect(await texts()).toEqual({ a: 'zqnew-a', b: 'zqnew-b' });
        });

        it('when more facts than a group holds are written, then every one reads back in its place', async () => {
          const many = Array.from({ length: 150 }, (_, i) => fact(`f${i}`, { text: `zq${i}`, value: { n: i } }));
          await store.facts.upsertMany('c-1', many, META);
          expect(await groups()).toHaveLength(3);
          const read = (await store.customers.snapshot('c-1'))!.facts;
          expect(read.map((f) => [f.id, f.text, f.value])).toEqual(
            expect.arrayContaining(many.map((f) => [f.id, f.text, f.value])),
          );
          expect(read).toHaveLength(150);
        });

        it('when a batch names one id twice, then the last copy is kept and erasing it leaves nothing of either', async () => {
          await store.facts.upsertMany('c-1', [fact('a', { text: 'zqfirst' }), fact('a', { text: 'zqsecond' })], META);
          expect(await texts()).toEqual({ a: 'zqsecond' });
          await store.facts.erase('c-1', 'a', '2026-03-05T00:00:00.000Z', META);
          expect((await groups()).map((g) => h.opened(g.sealed)).join('\n')).not.toMatch(/zqfirst|zqsecond/);
        });

        it('when the customer is erased, then their groups are gone', async () => {
          await store.facts.upsertMany('c-1', [fact('a'), fact('b')], META);
          await store.customers.erase('c-1', '2026-03-05T00:00:00.000Z', META);
          expect(await groups()).toEqual([]);
        });
      });

      it('when erasing a fact that does not exist, then erase returns null', async () => {
        expect(await store.facts.erase('c-1', 'nope', '2026-03-05T00:00:00.000Z', META)).toBeNull();
      });

      it('when an erased id is ingested again, then it throws fact_erased (409) and changes nothing', async () => {
        await store.facts.upsertMany('c-1', [fact('a')], META);
        await store.facts.erase('c-1', 'a', '2026-03-05T00:00:00.000Z', META);
        const before = { facts: await h.all('SELECT * FROM facts ORDER BY id'), audit: await auditCount() };

        let err: unknown;
        try {
          await store.facts.upsertMany('c-1', [fact('new'), fact('a')], META);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(AppError);
        expect(err).toMatchObject({ code: 'fact_erased', status: 409, path: ['facts', 1, 'id'] });
        expect(await h.all('SELECT * FROM facts ORDER BY id')).toEqual(before.facts);
        expect(await auditCount()).toBe(before.audit);
      });
    });

    describe('consents', () => {
      beforeEach(async () => {
        await store.customers.upsert(ADA, META);
      });

      it(
        'when a consent is granted, withdrawn and granted again, then all ' +
          'three records are kept and the fold gives the re-grant',
        async () => {
          const regrant = consent({ at: '2026-03-10T00:00:00.000Z', categories: ['user.behavior'] });
          await store.consents.append('c-1', [{ kind: 'granted', consent: consent() }], { ...META, by: 'system' });
          await store.consents.append(
            'c-1',
            [{ kind: 'withdrawn', consentId: 'k-1', at: '2026-03-05T00:00:00.000Z' }],
            {
              actor: 'customer',
              channel: 'portal',
              by: 'customer',
            },
          );
          await store.consents.append('c-1', [{ kind: 'granted', consent: regrant }], { ...META, by: 'system' });

          const history = await store.consents.history('c-1');
          expect(history.map((h) => [h.kind, h.consentId, h.at, h.channel])).toEqual([
            ['granted', 'k-1', '2026-03-01T00:00:00.000Z', 'api'],
            ['withdrawn', 'k-1', '2026-03-05T00:00:00.000Z', 'portal'],
            ['granted', 'k-1', '2026-03-10T00:00:00.000Z', 'api'],
          ]);
          expect(history[1]!.consent).toBeNull();
          expect(await h.all('SELECT COUNT(*) AS n FROM consent_records')).toEqual([{ n: 3 }]);

          const snap = (await store.customers.snapshot('c-1'))!;
          expect(snap.consents).toEqual([{ ...regrant, withdrawnAt: null }]);
        },
      );

      it('when a consent is withdrawn, then the snapshot shows it with its withdrawal time', async () => {
        await store.consents.append('c-1', [{ kind: 'granted', consent: consent() }], { ...META, by: 'system' });
        await store.consents.append('c-1', [{ kind: 'withdrawn', consentId: 'k-1', at: '2026-03-05T00:00:00.000Z' }], {
          ...META,
          by: 'system',
        });
        expect((await store.customers.snapshot('c-1'))!.consents).toEqual([
          { ...consent(), withdrawnAt: '2026-03-05T00:00:00.000Z' },
        ]);
      });

      it('when a snapshot is taken, then it holds the customer, flags, facts and folded consents', async () => {
        await store.facts.upsertMany('c-1', [fact('a')], META);
        await store.consents.append('c-1', [{ kind: 'granted', consent: consent() }], { ...META, by: 'system' });
        await store.consents.append('c-1', [{ kind: 'granted', consent: consent({ id: 'k-2', status: 'denied' }) }], {
          ...META,
          by: 'system',
        });
        await store.customers.recordFlag('c-1', 'gpc', '2026-03-04T00:00:00.000Z', META);
        expect(await store.customers.snapshot('c-1')).toEqual({
          customer: ADA,
          flags: { optedOut: false, gpc: true },
          facts: [fact('a')],
          consents: [
            { ...consent(), withdrawnAt: null },
            { ...consent({ id: 'k-2', status: 'denied' }), withdrawnAt: null },
          ],
          erasedAt: null,
        });
      });
    });

    describe('tokens', () => {
      it('when a token is created, then it starts with cnd_ and authenticates to its record', async () => {
        const { record, token } = await store.tokens.create('panel', 'agent', META);
        expect(token).toMatch(/^cnd_[A-Za-z0-9_-]{20,}$/);
        expect(record).toMatchObject({ name: 'panel', role: 'agent', revokedAt: null });
        expect(await store.tokens.authenticate(token)).toEqual(record);
        expect(await store.tokens.authenticate(`${token}x`)).toBeNull();
      });

      it('when a token is created, then the database holds only its sha256 and no row contains the token', async () => {
        const { record, token } = await store.tokens.create('panel', 'agent', META);
        expect((await h.all('SELECT hash FROM tokens WHERE id = ?', [record.id]))[0]).toEqual({
          hash: createHash('sha256').update(token).digest('hex'),
        });
        for (const t of TABLES) expect(JSON.stringify(await h.all(`SELECT * FROM ${t}`))).not.toContain(token.slice(4));
      });

      it('when a token is revoked, then it no longer authenticates and its record says when', async () => {
        const { record, token } = await store.tokens.create('panel', 'agent', META);
        const revoked = await store.tokens.revoke(record.id, META);
        expect(revoked!.revokedAt).not.toBeNull();
        expect(await store.tokens.authenticate(token)).toBeNull();
        expect((await store.tokens.list()).map((t) => [t.id, t.revokedAt !== null])).toEqual([[record.id, true]]);
      });

      it('when revoking an unknown token id, then it returns null', async () => {
        expect(await store.tokens.revoke('tok_nope', META)).toBeNull();
      });
    });

    describe('outcomes', () => {
      const outcome = (over: Partial<Parameters<Store['outcomes']['record']>[0]> = {}) => ({
        actor: 'agent:tok_1',
        ticketId: 't-1',
        customerId: 'c-1',
        suggestionId: 's-1',
        template: { id: 'offline.general', version: 1 },
        engine: 'offline' as const,
        action: 'rated' as const,
        edit: null,
        rating: 'up' as const,
        reason: null,
        ...over,
      });
      beforeEach(() => store.customers.upsert(ADA, META));

      it('when an agent rates a suggestion again, then the one rating is changed, not a second one added', async () => {
        await store.outcomes.record(outcome());
        await store.outcomes.record(outcome({ action: 'inserted', rating: null }));
        await store.outcomes.record(outcome({ rating: 'down', reason: 'too long' }));
        const rated = (await store.outcomes.list({})).filter((o) => o.action === 'rated');
        expect(rated).toHaveLength(1);
        expect(rated[0]).toMatchObject({ rating: 'down', reason: 'too long', suggestionId: 's-1' });
        expect((await store.outcomes.list({})).map((o) => o.action).sort()).toEqual(['inserted', 'rated']);
      });

      it('when another agent or suggestion is rated, then it is a rating of its own', async () => {
        await store.outcomes.record(outcome());
        await store.outcomes.record(outcome({ actor: 'agent:tok_2' }));
        await store.outcomes.record(outcome({ suggestionId: 's-2' }));
        expect((await store.outcomes.list({})).filter((o) => o.action === 'rated')).toHaveLength(3);
      });
    });

    describe('template versions', () => {
      const version = (n: number, over: Partial<Parameters<Store['templates']['publish']>[0]> = {}) => ({
        templateId: 'offline.general',
        version: n,
        file: 'offline/general.liquid',
        source: `---\nid: offline.general\nversion: ${n}\n---\nbody ${n}`,
        author: 'lead:tok_1',
        message: `change ${n}`,
        diff: n === 1 ? '' : `-body ${n - 1}\n+body ${n}`,
        rolledBackFrom: null,
        ...over,
      });

      it(
        'when versions are published, then live is the highest of each ' +
          'template, history newest first, and get finds each',
        async () => {
          await store.templates.publish(version(1));
          await store.templates.publish(version(2));
          await store.templates.publish(version(1, { templateId: 'offline.why', file: 'offline/why.liquid' }));
          expect((await store.templates.live()).map((v) => [v.templateId, v.version])).toEqual([
            ['offline.general', 2],
            ['offline.why', 1],
          ]);
          expect((await store.templates.history('offline.general')).map((v) => v.version)).toEqual([2, 1]);
          expect(await store.templates.get('offline.general', 1)).toMatchObject({
            ...version(1),
            createdAt: expect.stringMatching(/^\d{4}-/),
          });
          expect(await store.templates.get('offline.general', 3)).toBeNull();
          expect(await store.templates.history('offline.nothing')).toEqual([]);
        },
      );

      it('when a version number is not the next one, then nothing is written and publish answers null', async () => {
        await store.templates.publish(version(1));
        const before = await auditCount();
        expect(await store.templates.publish(version(1, { source: 'forged' }))).toBeNull();
        expect(await store.templates.publish(version(3))).toBeNull();
        expect((await store.templates.get('offline.general', 1))!.source).toBe(version(1).source);
        expect(await store.templates.history('offline.general')).toHaveLength(1);
        expect(await auditCount()).toBe(before);
      });

      it(
        'when a version is published, then one template.published entry names ' +
          'it, its author and message, without the text',
        async () => {
          await store.templates.publish(version(1));
          await store.templates.publish(version(2, { rolledBackFrom: 1 }));
          const entries = await store.audit.list({ kind: 'template.published' });
          expect(entries.map((e) => [e.actor, e.payload])).toEqual([
            ['lead:tok_1', { templateId: 'offline.general', version: 2, message: 'change 2', rolledBackFrom: 1 }],
            ['lead:tok_1', { templateId: 'offline.general', version: 1, message: 'change 1', rolledBackFrom: null }],
          ]);
          expect(JSON.stringify(entries)).not.toContain('body 1');
          expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 2 });
        },
      );

      it('when suggestions are counted as shown, then each version keeps its own count', async () => {
        await store.templates.recordShown(
          [
            { id: 'offline.general', version: 1 },
            { id: 'offline.general', version: 1 },
            { id: 'offline.why', version: 1 },
          ],
          [],
        );
        await store.templates.recordShown([{ id: 'offline.general', version: 2 }], []);
        expect(await store.templates.recordShown([], [])).toEqual([]);
        expect(await store.templates.shown('offline.general')).toEqual([
          { version: 1, shown: 2 },
          { version: 2, shown: 1 },
        ]);
        expect(await store.templates.shown('offline.nothing')).toEqual([]);
      });

      it(
        'when shown suggestions are recorded, then the counts, the audit entries and the articles cited are written ' +
          'together',
        async () => {
          const viewed = {
            kind: 'context.viewed' as const,
            actor: 'agent:tok_1',
            customerId: 'c-1',
            payload: { ticketId: 'T-1' },
          };
          const shownEntry = {
            kind: 'suggestions.shown' as const,
            actor: 'agent:tok_1',
            customerId: 'c-1',
            payload: { ticketId: 'T-1' },
          };
          const uses = [{ articleId: 'returns-policy', updated: '2026-10-01', suggestionId: 's1' }];
          expect(
            await store.templates.recordShown([{ id: 'offline.general', version: 1 }], [viewed, shownEntry], uses),
          ).toEqual([1, 2]);
          expect(await store.templates.shown('offline.general')).toEqual([{ version: 1, shown: 1 }]);
          expect((await store.articles.stats()).articles).toMatchObject([{ articleId: 'returns-policy', cited: 1 }]);
          expect((await store.audit.list({})).map((e) => e.kind)).toEqual(['suggestions.shown', 'context.viewed']);
          expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 2 });
        },
      );

      it('when the audit entry of shown suggestions cannot be written, then neither the count nor the articles cited are kept', async () => {
        const unwritable = {
          kind: 'suggestions.shown' as const,
          actor: 'agent:tok_1',
          customerId: 'c-1',
          payload: { n: 1n },
        };
        // The audit payload cannot be serialised (a BigInt): that error, and no other, is what stops the write.
        const refused = store.templates.recordShown(
          [{ id: 'offline.general', version: 1 }],
          [unwritable],
          [{ articleId: 'returns-policy', updated: '2026-10-01', suggestionId: 's1' }],
        );
        await expect(refused).rejects.toThrow(TypeError);
        await expect(refused).rejects.toThrow('Do not know how to serialize a BigInt');
        expect(await store.templates.shown('offline.general')).toEqual([]);
        expect((await store.articles.stats()).articles).toEqual([]);
        expect(await store.audit.list({})).toEqual([]);
      });
    });

    describe('audit', () => {
      async function everything() {
        await store.customers.upsert(ADA, META);
        await store.facts.upsertMany('c-1', [fact('a'), fact('b')], META);
        await store.facts.erase('c-1', 'a', '2026-03-05T00:00:00.000Z', META);
        await store.consents.append('c-1', [{ kind: 'granted', consent: consent() }], { ...META, by: 'system' });
        await store.consents.append('c-1', [{ kind: 'withdrawn', consentId: 'k-1', at: '2026-03-06T00:00:00.000Z' }], {
          ...META,
          by: 'system',
        });
        await store.customers.recordFlag('c-1', 'opted_out', '2026-03-07T00:00:00.000Z', META);
        await store.customers.recordFlag('c-1', 'opted_in', '2026-03-08T00:00:00.000Z', META);
        await store.customers.recordFlag('c-1', 'gpc', '2026-03-09T00:00:00.000Z', META);
        const { record } = await store.tokens.create('panel', 'agent', META);
        await store.tokens.revoke(record.id, META);
      }

      it('when each kind of change is made, then each appended one audit entry and the chain verifies', async () => {
        await everything();
        const kinds = (await store.audit.list({})).map((e) => e.kind).reverse();
        expect(kinds).toEqual([
          'customer.upserted',
          'facts.ingested',
          'fact.erased',
          'consent.granted',
          'consent.withdrawn',
          'customer.opted_out',
          'customer.opted_in',
          'customer.gpc',
          'token.created',
          'token.revoked',
        ]);
        expect(await store.audit.verify()).toEqual({
          ok: true,
          entries: 10,
          head: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
      });

      it('when audit entries carry no values, then no fact text is in the log', async () => {
        await everything();
        expect(JSON.stringify(await h.all('SELECT * FROM audit'))).not.toContain('Order a');
      });

      it('when a row payload is changed with SQL, then verify fails at that seq', async () => {
        await everything();
        await h.all('UPDATE audit SET payload_json = ? WHERE seq = 4', [JSON.stringify({ consentId: 'k-forged' })]);
        const r = await store.audit.verify();
        expect(r).toMatchObject({ ok: false, seq: 4 });
        expect(r.ok === false && r.problem).toMatch(/entry 4 was changed/);
      });

      it('when the last audit row is deleted with SQL, then verify fails', async () => {
        await everything();
        await h.all('DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)');
        const r = await store.audit.verify();
        expect(r).toMatchObject({ ok: false, seq: 10 });
        expect(r.ok === false && r.problem).toMatch(/ends at entry 9/);
      });

      it('when a middle audit row is deleted with SQL, then verify fails at the missing seq', async () => {
        await everything();
        await h.all('DELETE FROM audit WHERE seq = 5');
        expect(await store.audit.verify()).toMatchObject({ ok: false, seq: 5 });
      });

      it(
        'when three writers (as three servers would) append at once, then the ' + 'chain stays one and verifies',
        async () => {
          await everything();
          const writers = [store, await h.another(), await h.another()];
          await Promise.all(
            writers.flatMap((w, i) =>
              Array.from({ length: 20 }, (_, n) =>
                w.audit.append([
                  { kind: 'context.viewed', actor: `agent:tok_${i}`, customerId: 'c-1', payload: { n } },
                  { kind: 'suggestions.shown', actor: `agent:tok_${i}`, customerId: 'c-1', payload: { n } },
                ]),
              ),
            ),
          );
          expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 10 + 3 * 20 * 2 });
          // Each append's two entries stay side by side: no writer's entries are interleaved into another's.
          const entries = (await store.audit.list({ kind: 'context.viewed', limit: 1000 })).map((e) => e.seq);
          for (const seq of entries) expect((await store.audit.get(seq + 1))?.kind).toBe('suggestions.shown');
        },
      );

      it('when entries are appended through audit.append, then they continue the chain', async () => {
        await everything();
        await store.audit.append([
          { kind: 'context.viewed', actor: 'agent:tok_1', customerId: 'c-1', payload: { shown: 1 } },
        ]);
        expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 11 });
        expect(await store.audit.list({ kind: 'context.viewed' })).toHaveLength(1);
      });
    });

    describe('erasure', () => {
      const PROMPT = (text: string) => ({ messages: [{ role: 'user', content: text }] });
      async function held() {
        await store.customers.upsert(ADA, META);
        await store.facts.upsertMany('c-1', [fact('a'), fact('b')], META);
        await store.consents.append('c-1', [{ kind: 'granted', consent: consent() }], { ...META, by: 'system' });
        await store.audit.append([
          {
            kind: 'model.called',
            actor: 'agent:tok_1',
            customerId: 'c-1',
            payload: { ticketId: 't-1', factIds: ['a'] },
            sealed: PROMPT('you ordered Order a'),
          },
          {
            kind: 'model.called',
            actor: 'agent:tok_1',
            customerId: 'c-1',
            payload: { ticketId: 't-1', factIds: ['b'] },
            sealed: PROMPT('you ordered Order b'),
          },
        ]);
        await store.outcomes.record({
          actor: 'agent:tok_1',
          ticketId: 't-1',
          customerId: 'c-1',
          suggestionId: 's-1',
          template: { id: 'x', version: 1 },
          engine: 'offline',
          action: 'edited',
          edit: { text: 'About Order a, Ada', distance: 4 },
          rating: null,
          reason: null,
        });
        await store.recordings.own('rec-1', 'c-1');
      }
      const dump = async () =>
        JSON.stringify(
          await Promise.all(['audit', 'facts', 'customers', 'outcomes'].map((t) => h.all(`SELECT * FROM ${t}`))),
        );

      it(
        'when a model call is audited, then its prompt is sealed apart from ' +
          'the chained payload and read back with the entry',
        async () => {
          await held();
          const [entry] = await store.audit.list({ kind: 'model.called', limit: 1 });
          expect(entry).toMatchObject({
            payload: { ticketId: 't-1', factIds: ['b'] },
            seal: {
              value: PROMPT('you ordered Order b'),
              erasedAt: null,
              digest: expect.stringMatching(/^[0-9a-f]{64}$/),
            },
          });
          expect(
            JSON.parse(
              (await h.all<{ payload_json: string }>('SELECT payload_json FROM audit WHERE seq = ?', [entry!.seq]))[0]!
                .payload_json,
            ),
          ).not.toHaveProperty('messages');
        },
      );

      it(
        'when one fact is erased, then only the audit entries that carried it ' +
          'lose their sealed part, and the chain verifies',
        async () => {
          await held();
          await store.facts.erase('c-1', 'a', '2026-03-05T00:00:00.000Z', META);
          const calls = await store.audit.list({ kind: 'model.called' });
          expect(calls.map((e) => [e.payload.factIds, e.seal?.value ?? null, e.seal?.erasedAt ?? null])).toEqual([
            [['b'], PROMPT('you ordered Order b'), null],
            [['a'], null, '2026-03-05T00:00:00.000Z'],
          ]);
          expect(await dump()).not.toContain('Order a"');
          expect(await store.audit.verify()).toMatchObject({ ok: true });
        },
      );

      it(
        'when a customer is erased, then no fact text, name, e-mail, prompt or ' +
          'outcome text is left, consents stay, and the chain verifies',
        async () => {
          await held();
          const erasure = await store.customers.erase('c-1', '2026-03-06T00:00:00.000Z', META);
          expect(erasure).toEqual({ erasedAt: '2026-03-06T00:00:00.000Z', factIds: ['a', 'b'], recordings: ['rec-1'] });
          const after = await dump();
          for (const value of ['Order a', 'Order b', 'ORD-a', 'Ada', 'Example.org', 'you ordered'])
            expect(after).not.toContain(value);
          const snap = (await store.customers.snapshot('c-1'))!;
          expect(snap).toMatchObject({
            customer: { id: 'c-1', displayName: 'Erased customer' },
            erasedAt: '2026-03-06T00:00:00.000Z',
          });
          expect(snap.customer.email).toBeUndefined();
          expect(snap.facts.every((f) => f.erased && f.text === '' && f.value === null)).toBe(true);
          expect(snap.consents.map((k) => k.id)).toEqual(['k-1']);
          expect((await store.outcomes.list({}))[0]).toMatchObject({ edit: { text: '', distance: 4 }, reason: null });
          const [entry] = await store.audit.list({ kind: 'customer.erased' });
          expect(entry).toMatchObject({
            customerId: 'c-1',
            payload: { factIds: ['a', 'b'], sealedEntries: 2, recordings: ['rec-1'] },
          });
          expect(await store.audit.verify()).toMatchObject({ ok: true });
        },
      );

      it('when an erased customer is erased again, then nothing changes and no second entry is written', async () => {
        await held();
        await store.customers.erase('c-1', '2026-03-06T00:00:00.000Z', META);
        const entries = await auditCount();
        expect(await store.customers.erase('c-1', '2026-03-07T00:00:00.000Z', META)).toEqual({
          erasedAt: '2026-03-06T00:00:00.000Z',
          factIds: [],
          recordings: ['rec-1'],
        });
        expect(await auditCount()).toBe(entries);
        expect(await store.customers.erase('nobody', '2026-03-07T00:00:00.000Z', META)).toBeNull();
      });

      it(
        'when a sync job sends an erased customer or new facts about them, ' +
          'then both are refused with customer_erased (409)',
        async () => {
          await held();
          await store.customers.erase('c-1', '2026-03-06T00:00:00.000Z', META);
          for (const attempt of [
            () => store.customers.upsert(ADA, META),
            () => store.facts.upsertMany('c-1', [fact('c')], META),
          ]) {
            const e = await attempt().catch((x: unknown) => x);
            expect(e).toBeInstanceOf(AppError);
            expect(e).toMatchObject({ code: 'customer_erased', status: 409 });
          }
          expect(await dump()).not.toContain('Ada');
        },
      );

      it('when the sealed part of an entry is changed with SQL, then verify names the entry', async () => {
        await held();
        await h.all(
          "UPDATE audit SET sealed_json = ? WHERE kind = 'model.called' AND seq " +
            "= (SELECT MIN(seq) FROM audit WHERE kind = 'model.called')",
          [JSON.stringify(PROMPT('forged'))],
        );
        const r = await store.audit.verify();
        expect(r.ok === false && r.problem).toMatch(/sealed part of entry \d+ was changed/);
      });
    });

    describe('privacy portal links and sessions', () => {
      beforeEach(async () => {
        await store.customers.upsert(ADA, META);
      });

      it(
        'when a link is spent, then the first time names its customer and ' +
          'every later time says used; an unknown nonce is unknown',
        async () => {
          await store.portal.issueLink(
            { nonce: 'n-1', customerId: 'c-1', expiresAt: '2026-03-01T00:15:00.000Z' },
            META,
          );
          expect(await store.portal.spendLink('n-1', '2026-03-01T00:01:00.000Z')).toEqual({ customerId: 'c-1' });
          expect(await store.portal.spendLink('n-1', '2026-03-01T00:02:00.000Z')).toBe('used');
          expect(await store.portal.spendLink('n-2', '2026-03-01T00:02:00.000Z')).toBe('unknown');
          expect((await store.audit.list({ kind: 'portal.link_created' }))[0]).toMatchObject({
            actor: META.actor,
            customerId: 'c-1',
          });
        },
      );

      it(
        'when a session is opened, then it is found by its hash until it ' +
          'expires or ends, and its opening is audited',
        async () => {
          await store.portal.openSession('h-1', {
            customerId: 'c-1',
            csrf: 'x',
            expiresAt: '2026-03-01T00:30:00.000Z',
          });
          expect(await store.portal.session('h-1', '2026-03-01T00:29:00.000Z')).toEqual({
            customerId: 'c-1',
            csrf: 'x',
            expiresAt: '2026-03-01T00:30:00.000Z',
          });
          expect(await store.portal.session('h-1', '2026-03-01T00:30:00.000Z')).toBeNull();
          await store.portal.endSession('h-1');
          expect(await store.portal.session('h-1', '2026-03-01T00:00:00.000Z')).toBeNull();
          expect(await store.audit.list({ kind: 'portal.opened' })).toHaveLength(1);
        },
      );

      it('when recordings are owned, then a customer lists only their own', async () => {
        await store.customers.upsert({ id: 'c-2', displayName: 'Bo' }, META);
        await store.recordings.own('rec-b', 'c-1');
        await store.recordings.own('rec-a', 'c-1');
        await store.recordings.own('rec-c', 'c-2');
        expect(await store.recordings.ofCustomer('c-1')).toEqual(['rec-a', 'rec-b']);
      });
    });
  });
}
