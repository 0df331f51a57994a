/**
 * Retention against a real database, SQLite always and PostgreSQL when `CANDOR_TEST_DATABASE_URL` names a server:
 * records older than their period go, kind by kind and in batches; the audit chain still verifies from the checkpoint;
 * one run at a time; a run cut short is finished by the next; and tampering around a checkpoint is still caught.
 */
import { mkdirSync, mkdtempSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditDraft } from '../audit/chain.js';
import type { Store } from '../store/types.js';
import {
  ADA,
  backdateAudit,
  META,
  PG_URL,
  postgresBackend,
  sqliteBackend,
  type Backend,
} from '../store/test-backends.js';
import { dueAt, runRetention, type RetentionDeps } from './run.js';

const backends: [string, () => Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(PG_URL!)],
];
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const DAYS = { audit: 30, recordings: 30, outcomes: 30, portal: 1 };
const viewed = (n: number): AuditDraft => ({
  kind: 'context.viewed',
  actor: 'agent:tok_a',
  customerId: ADA.id,
  payload: { shownFactIds: [`f-${n}`] },
  sealed: { ticketId: `T-${n}` },
});
const outcome = (n: number) => ({
  actor: 'agent:tok_a',
  ticketId: `T-${n}`,
  customerId: ADA.id,
  suggestionId: `s-${n}`,
  template: { id: 'reply', version: 1 },
  engine: 'offline' as const,
  action: 'inserted' as const,
  edit: null,
  rating: null,
  reason: null,
});

for (const [name, make] of backends) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`retention on ${name}`, () => {
    let h: Backend;
    let store: Store;
    let deps: RetentionDeps;
    let dirs: string;
    beforeEach(async () => {
      h = make();
      store = await h.open();
      dirs = mkdtempSync(path.join(tmpdir(), 'candor-retention-'));
      deps = { store, days: DAYS, recordingsDir: path.join(dirs, 'recordings'), gateDir: path.join(dirs, 'gate') };
      mkdirSync(deps.recordingsDir);
      mkdirSync(deps.gateDir);
      await store.customers.upsert(ADA, META); // audit entry 1
    });
    afterEach(async () => {
      await h.drop();
      rmSync(dirs, { recursive: true, force: true });
    });

    /** Entries 1..`old` written 40 days ago, the rest now. */
    async function agedLog(old: number, young: number) {
      await store.audit.append(Array.from({ length: old - 1 + young }, (_, i) => viewed(i)));
      await backdateAudit(h, (seq, at) => (seq <= old ? ago(40) : at));
    }
    const atsOf = async (table: string, column: string) =>
      (await h.all<{ t: string }>(`SELECT ${column} AS t FROM ${table}`)).map((r) => r.t);

    it('when a run removes what is older than each period, then nothing older remains and the log still verifies', async () => {
      await agedLog(6, 4);
      for (let i = 0; i < 5; i++) await store.outcomes.record(outcome(i));
      await h.all('UPDATE outcomes SET at = ? WHERE seq <= 3', [ago(40)]);
      await store.portal.issueLink({ nonce: 'old', customerId: ADA.id, expiresAt: ago(2) }, META);
      await store.portal.issueLink({ nonce: 'new', customerId: ADA.id, expiresAt: ago(-1) }, META);
      await store.portal.openSession('h-old', { customerId: ADA.id, csrf: 'x', expiresAt: ago(3) });
      await store.portal.openSession('h-new', { customerId: ADA.id, csrf: 'y', expiresAt: ago(-1) });
      for (const id of ['rec-old', 'rec-gate', 'rec-new']) {
        await store.recordings.own(id, ADA.id);
        writeFileSync(path.join(deps.recordingsDir, `${id}.json`), '{}');
      }
      writeFileSync(path.join(deps.gateDir, 'rec-gate.json'), '{}');
      await h.all("UPDATE recording_owners SET created_at = ? WHERE recording_id IN ('rec-old', 'rec-gate')", [
        ago(40),
      ]);

      const before = await dueAt(deps, Date.now());
      expect(before.due).toEqual({ audit: 6, recordings: 2, outcomes: 3, portal: 2 });
      const r = await runRetention(deps, { actor: 'system', trigger: 'schedule' });
      expect(r).toMatchObject({ ran: true, removed: { audit: 6, recordings: 2, outcomes: 3, portal: 2 } });

      for (const [table, column, cutoff] of [
        ['audit', 'at', ago(30)],
        ['outcomes', 'at', ago(30)],
        ['portal_links', 'expires_at', ago(1)],
        ['portal_sessions', 'expires_at', ago(1)],
        ['recording_owners', 'created_at', ago(30)],
      ] as const) {
        const older = (await atsOf(table, column)).filter((t) => t < cutoff);
        // A recording the lead put in the gate suite keeps its row, so erasing its customer still finds the copy.
        expect(older, table).toHaveLength(table === 'recording_owners' ? 1 : 0);
      }
      expect(existsSync(path.join(deps.recordingsDir, 'rec-old.json'))).toBe(false);
      expect(existsSync(path.join(deps.recordingsDir, 'rec-gate.json'))).toBe(false);
      expect(existsSync(path.join(deps.gateDir, 'rec-gate.json'))).toBe(true);
      expect(existsSync(path.join(deps.recordingsDir, 'rec-new.json'))).toBe(true);
      expect(await store.recordings.ofCustomer(ADA.id)).toEqual(['rec-gate', 'rec-new']);

      expect(await store.audit.verify()).toMatchObject({ ok: true, pruned: { firstSeq: 7, checkpointSeq: 15 } });
      const [applied] = await store.audit.list({ kind: 'retention.applied' });
      expect(applied!.payload).toMatchObject({
        trigger: 'schedule',
        removed: { audit: 6, recordings: 2, outcomes: 3, portal: 2 },
        days: DAYS,
      });
      const [checkpoint] = await store.audit.list({ kind: 'audit.checkpoint' });
      expect(checkpoint!.payload).toMatchObject({ throughSeq: 6, removed: 6 });
      expect(await store.retention.oldest()).toMatchObject({ audit: { pruned: true } });
      // Nothing more is due: a second run removes nothing and the log still verifies.
      expect(await runRetention(deps, { actor: 'cli', trigger: 'command' })).toMatchObject({
        removed: { audit: 0, recordings: 0, outcomes: 0, portal: 0 },
      });
      expect(await store.audit.verify()).toMatchObject({ ok: true });
    });

    it('when a period is forever, then that kind is left alone and the others still go', async () => {
      await agedLog(5, 2);
      const r = await runRetention({ ...deps, days: { ...DAYS, audit: null } }, { actor: 'cli', trigger: 'command' });
      expect(r).toMatchObject({ ran: true, removed: { audit: 0 } });
      expect(await store.audit.verify()).toEqual({ ok: true, entries: 8, head: expect.any(String) });
      expect((await store.audit.list({ kind: 'retention.applied' }))[0]!.payload).toMatchObject({
        days: { audit: 'forever' },
      });
    });

    it('when many entries are due, then they go in batches with progress, and a later prune drops the first checkpoint', async () => {
      await agedLog(12_000, 3);
      const seen: number[] = [];
      const r = await runRetention(deps, {
        actor: 'cli',
        trigger: 'command',
        progress: (p) => p.kind === 'audit' && seen.push(p.removed),
      });
      expect(r).toMatchObject({ removed: { audit: 12_000 } });
      expect(seen).toEqual([5000, 10_000, 12_000]);
      expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 5, pruned: { firstSeq: 12_001 } });

      // Everything, the first checkpoint and run entry included, ages past the period: the newest checkpoint covers it.
      await backdateAudit(h, () => ago(35));
      await store.audit.append([viewed(1)]);
      await runRetention(deps, { actor: 'cli', trigger: 'command' });
      const kinds = (await store.audit.list({})).map((e) => e.kind).reverse();
      expect(kinds).toEqual(['context.viewed', 'audit.checkpoint', 'retention.applied']);
      expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 3 });
    });

    it('when a prune stops after its checkpoint, then the log verifies meanwhile and the next run finishes it', async () => {
      await agedLog(8, 2);
      const through = await store.retention.checkpointAudit(ago(30));
      expect(through).toBe(8);
      await h.all('DELETE FROM audit WHERE seq <= 3'); // the first batch got this far
      expect(await store.audit.verify()).toMatchObject({ ok: true });
      const r = await runRetention(deps, { actor: 'cli', trigger: 'command' });
      expect(r).toMatchObject({ removed: { audit: 5 } });
      expect(await store.audit.list({ kind: 'audit.checkpoint' })).toHaveLength(1);
      expect(await store.audit.verify()).toMatchObject({ ok: true, pruned: { firstSeq: 9 } });
    });

    it('when two servers start a run at once, then one runs and the other is told it is busy', async () => {
      await agedLog(5, 1);
      const other = await h.another();
      const results = await Promise.all([
        runRetention(deps, { actor: 'system', trigger: 'schedule' }),
        runRetention({ ...deps, store: other }, { actor: 'system', trigger: 'schedule' }),
      ]);
      expect(results.filter((r) => r.ran)).toHaveLength(1);
      expect(results.filter((r) => !r.ran)).toEqual([{ ran: false, reason: 'busy' }]);
      expect(await store.audit.verify()).toMatchObject({ ok: true });
      // The lease is given back: the next run runs.
      expect(await runRetention({ ...deps, store: other }, { actor: 'cli', trigger: 'command' })).toMatchObject({
        ran: true,
      });
    });

    it('when a holder died with the lease, then it is taken once it expires', async () => {
      expect(await store.retention.lease('dead', ago(-1 / 24), new Date().toISOString())).toBe(true);
      expect(await runRetention(deps, { actor: 'cli', trigger: 'command' })).toEqual({ ran: false, reason: 'busy' });
      await h.all("UPDATE retention_lease SET expires_at = ? WHERE holder = 'dead'", [ago(1)]);
      expect(await runRetention(deps, { actor: 'cli', trigger: 'command' })).toMatchObject({ ran: true });
    });

    describe('attacks on a pruned log', () => {
      beforeEach(async () => {
        await agedLog(6, 6);
        await runRetention(deps, { actor: 'system', trigger: 'schedule' }); // entries 7..12, checkpoint 13, run 14
      });

      it('when a middle block is deleted after the prune, then verify fails at the gap', async () => {
        await h.all('DELETE FROM audit WHERE seq >= 9 AND seq <= 10');
        expect(await store.audit.verify()).toMatchObject({ ok: false, seq: 9 });
      });

      it('when more of the prefix is deleted than the checkpoint records, then verify fails', async () => {
        await h.all('DELETE FROM audit WHERE seq <= 8');
        const r = await store.audit.verify();
        expect(r).toMatchObject({ ok: false, seq: 7 });
        expect(r.ok === false && r.problem).toMatch(/records the removal of entries up to 6 only/);
      });

      it('when a checkpoint row is forged to cover more, then its entry fails its hash', async () => {
        const [real] = await h.all<{ payload_json: string }>('SELECT payload_json FROM audit WHERE seq = 13');
        const [eight] = await h.all<{ hash: string }>('SELECT hash FROM audit WHERE seq = 8');
        const forged = { ...JSON.parse(real!.payload_json), throughSeq: 8, throughHash: eight!.hash };
        await h.all('UPDATE audit SET payload_json = ? WHERE seq = 13', [JSON.stringify(forged)]);
        await h.all('DELETE FROM audit WHERE seq <= 8');
        const r = await store.audit.verify();
        expect(r).toMatchObject({ ok: false, seq: 13 });
        expect(r.ok === false && r.problem).toMatch(/entry 13 was changed/);
      });

      it('when a fake checkpoint row is slipped in after a deleted block, then verify fails', async () => {
        const [ten] = await h.all<{ hash: string; at: string }>('SELECT hash, at FROM audit WHERE seq = 10');
        await h.all('DELETE FROM audit WHERE seq <= 10');
        await h.all(
          `INSERT INTO audit (seq, at, kind, actor, customer_id, payload_json, prev_hash, hash)
           VALUES (15, ?, 'audit.checkpoint', 'system', NULL, ?, ?, ?)`,
          [
            ten!.at,
            JSON.stringify({ throughSeq: 10, throughHash: ten!.hash, throughAt: ten!.at, removed: 10 }),
            'a'.repeat(64),
            'b'.repeat(64),
          ],
        );
        const r = await store.audit.verify();
        expect(r).toMatchObject({ ok: false, seq: 15 });
        expect(r.ok === false && r.problem).toMatch(/entry 15 does not link/);
      });
    });
  });
}
