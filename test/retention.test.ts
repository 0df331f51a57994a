/**
 * Retention as an operator meets it, on a real data directory (SQLite) and a real PostgreSQL database when
 * `CANDOR_TEST_DATABASE_URL` names a server: `candor retention show` and `run`, after which `candor audit verify`
 * passes and nothing older than the settings remains; and the server applying it by itself, at start and then on its
 * schedule, with no command run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { keysIn, openPostgresStore, openSqliteStore } from '../server/store/index.js';
import { openPool, postgresSql } from '../server/store/postgres.js';
import { backdateAudit, freshPgDatabase, PG_URL, rawDb } from '../server/store/test-backends.js';
import type { Store } from '../server/store/types.js';
import { startServerProcess, type ServerProcess } from '../harness/processes.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const META = { actor: 'test', channel: 'test' };
const RETAIN = { CANDOR_RETAIN_AUDIT_DAYS: '30', CANDOR_RETAIN_OUTCOMES_DAYS: '30', CANDOR_RETAIN_PORTAL_DAYS: '1' };

interface Place {
  env: Record<string, string>;
  open(): Promise<Store>;
  all<R>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

function sqlitePlace(): Place {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-retention-'));
  return {
    env: { CANDOR_DATA_DIR: dir, ...keysIn(dir) },
    open: () => openSqliteStore(dir, keysIn(dir)),
    async all<R>(sql: string, params: unknown[] = []) {
      const db = rawDb(dir);
      try {
        const stmt = db.prepare(sql);
        if (stmt.reader) return stmt.all(...params) as R[];
        stmt.run(...params);
        return [];
      } finally {
        db.close();
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresPlace(): Promise<Place> {
  const db = await freshPgDatabase(PG_URL!);
  const raw = postgresSql(openPool(db.url, 2));
  const keyBase = mkdtempSync(path.join(tmpdir(), 'candor-retention-'));
  const keys = keysIn(keyBase);
  return {
    env: { DATABASE_URL: db.url, ...keys },
    open: () => openPostgresStore(db.url, keys),
    all: (sql, params = []) => raw.all(sql, params),
    async drop() {
      await raw.close();
      await db.drop();
      rmSync(keyBase, { recursive: true, force: true });
    },
  };
}

async function candor(env: Record<string, string>, ...args: string[]) {
  try {
    const r = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/candor.js'), ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, ...r };
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
}

/** A customer and 8 audit entries, of which the first 5 were written 40 days ago. */
async function seed(place: Place) {
  const store = await place.open();
  await store.customers.upsert({ id: 'c1', displayName: 'Ana B.' }, META);
  await store.audit.append(
    Array.from({ length: 7 }, (_, i) => ({
      kind: 'context.viewed' as const,
      actor: 'agent:tok_a',
      customerId: 'c1',
      payload: { shownFactIds: [`f${i}`] },
    })),
  );
  await store.close();
  await backdateAudit(place, (seq, at) => (seq <= 5 ? ago(40) : at));
}

/** Polls `check` until it holds or the deadline passes (the server's schedule, not a fixed sleep). */
async function eventually(check: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the server did not apply retention before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const places: [string, () => Place | Promise<Place>][] = [
  ['SQLite', sqlitePlace],
  ['PostgreSQL', postgresPlace],
];

for (const [name, make] of places) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`retention on ${name}`, () => {
    const dropped: Place[] = [];
    afterAll(async () => {
      for (const p of dropped) await p.drop();
    });

    it('when `candor retention run` runs, then `candor audit verify` passes and nothing older than the settings remains', {
      timeout: 60_000,
    }, async () => {
      const place = await make();
      dropped.push(place);
      await seed(place);
      const store = await place.open();
      await store.portal.issueLink({ nonce: 'n1', customerId: 'c1', expiresAt: ago(2) }, META); // entry 9
      await store.close();
      const env = { ...place.env, ...RETAIN };

      const shown = await candor(env, 'retention', 'show');
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(/audit entries: 5, older than 30 days \(before .* UTC\)/);
      expect(shown.stdout).toMatch(/expired portal links and sessions: 1, older than 1 days/);
      expect(shown.stdout).toMatch(/The audit log starts at .* UTC\.\n/);

      const run = await candor(env, 'retention', 'run');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/audit entries: 5 removed, older than 30 days/);
      expect(run.stdout).toMatch(/recordings: 0 removed, older than 30 days/);
      expect(run.stdout).toMatch(/older entries were removed by retention/);
      expect(run.stdout).toMatch(/Recorded in the audit log as entry 11\./);
      expect(run.stderr).toMatch(/audit: 5 of 5 removed/);

      const verify = await candor(env, 'audit', 'verify');
      expect(verify.code).toBe(0);
      expect(verify.stdout).toMatch(/^audit chain verified: 6 entries from entry 6 \(entries up to .* were removed/);
      expect(await place.all('SELECT seq FROM audit WHERE at < ?', [ago(30)])).toEqual([]);
      expect(await place.all('SELECT nonce FROM portal_links WHERE expires_at < ?', [ago(1)])).toEqual([]);
    });

    it('when the server runs, then it applies retention at start and again on its schedule without a command', async () => {
      const place = await make();
      dropped.push(place);
      await seed(place);
      let server: ServerProcess | null = null;
      try {
        server = await startServerProcess({
          ...place.env,
          ...RETAIN,
          CANDOR_DEMO: 'false',
          CANDOR_RETENTION_EVERY_MINUTES: '0.005', // every 0.3 s
        });
        // The run at start: finished once its entry is written.
        await eventually(
          async () => (await place.all("SELECT 1 FROM audit WHERE kind = 'retention.applied'")).length > 0,
        );
        expect(await place.all("SELECT 1 FROM audit WHERE kind = 'audit.checkpoint'")).toHaveLength(1);
        expect(await place.all('SELECT seq FROM audit WHERE at < ?', [ago(30)])).toEqual([]);
        // Something comes due after it: a later scheduled run removes it.
        const store = await place.open();
        await store.portal.issueLink({ nonce: 'late', customerId: 'c1', expiresAt: ago(2) }, META);
        await store.close();
        // The link goes before its run's entry is appended: wait for the entry that counts it.
        const runs = () =>
          place.all<{ actor: string; payload_json: string }>(
            "SELECT actor, payload_json FROM audit WHERE kind = 'retention.applied' ORDER BY seq",
          );
        await eventually(async () => (await runs()).some((r) => JSON.parse(r.payload_json).removed.portal === 1));
        expect(await place.all("SELECT 1 FROM portal_links WHERE nonce = 'late'")).toEqual([]);
        expect((await runs()).length).toBeGreaterThanOrEqual(2);
        expect(
          (await runs()).every((r) => r.actor === 'system' && JSON.parse(r.payload_json).trigger === 'schedule'),
        ).toBe(true);
      } finally {
        await server?.kill();
      }
      expect((await candor(place.env, 'audit', 'verify')).code).toBe(0);
    }, 60_000);
  });
}
