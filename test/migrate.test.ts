/**
 * `candor migrate-to-postgres` as an operator runs it: a SQLite data directory (the demo, tokens,
 * a sealed model prompt, an erased fact) into an empty PostgreSQL database; run again, it resumes
 * and changes nothing; a database holding another deployment's audit log is refused.
 * Needs CANDOR_TEST_DATABASE_URL (skipped and reported so without it).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysIn, openSqliteStore } from '../server/store/index.js';
import { openPostgresStore } from '../server/store/index.js';
import { seedDemo } from '../server/demo/seed.js';
import { freshPgDatabase, PG_URL } from '../server/store/test-backends.js';
import type { Store } from '../server/store/types.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const META = { actor: 'test', channel: 'test' };

(PG_URL ? describe : describe.skip)('candor migrate-to-postgres', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-migrate-'));
  const dbs: Awaited<ReturnType<typeof freshPgDatabase>>[] = [];
  let token = '';

  const candor = async (url: string) => {
    try {
      const r = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/candor.js'), 'migrate-to-postgres'], {
        env: { ...process.env, CANDOR_DATA_DIR: dir, CANDOR_KEY_DIR: path.join(dir, 'keys'), DATABASE_URL: url },
      });
      return { code: 0, ...r };
    } catch (e) {
      return e as { code: number; stdout: string; stderr: string };
    }
  };
  const database = async () => {
    dbs.push(await freshPgDatabase(PG_URL!));
    return dbs.at(-1)!.url;
  };
  const withStore = async <T>(open: () => Store | Promise<Store>, f: (s: Store) => Promise<T>) => {
    const s = await open();
    try {
      return await f(s);
    } finally {
      await s.close();
    }
  };
  /** Everything a customer's view rests on, plus the log, as both stores answer it. */
  const picture = (s: Store) =>
    Promise.all([
      s.customers.snapshot('c_dana'),
      s.customers.snapshot('c_emil'),
      s.consents.history('c_fatima'),
      s.audit.list({ limit: 1000 }),
      s.audit.verify(),
      s.tokens.authenticate(token),
      s.templates.live(),
    ]);

  beforeAll(async () => {
    await withStore(
      () => openSqliteStore(dir, keysIn(dir)),
      async (s) => {
        await seedDemo(s);
        token = (await s.tokens.create('ops', 'admin', META)).token;
        await s.audit.append([
          {
            kind: 'model.called',
            actor: 'agent:tok_1',
            customerId: 'c_dana',
            payload: { factIds: ['f_dana_1042'] },
            sealed: { messages: [{ role: 'user', content: 'the blender' }] },
          },
        ]);
        await s.facts.erase('c_dana', 'f_dana_1042', '2026-11-01T00:00:00.000Z', META);
      },
    );
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'when run into an empty database, then PostgreSQL answers as the ' +
      'SQLite file did and the chain verifies; run again, it resumes and ' +
      'changes nothing',
    async () => {
      const url = await database();
      const first = await candor(url);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^copied [\d,]+ rows in 22 tables; audit chain verified: \d+ entries/);
      expect(first.stderr).toMatch(/facts: [\d,]+ \/ [\d,]+/);
      const before = await withStore(() => openSqliteStore(dir, keysIn(dir)), picture);
      expect(await withStore(() => openPostgresStore(url, keysIn(dir)), picture)).toEqual(before);

      const again = await candor(url);
      expect(again.code).toBe(0);
      expect(await withStore(() => openPostgresStore(url, keysIn(dir)), picture)).toEqual(before);
      // New writes continue the copied chain and the copied counters.
      await withStore(
        () => openPostgresStore(url, keysIn(dir)),
        async (s) => {
          await s.consents.append(
            'c_dana',
            [{ kind: 'withdrawn', consentId: 'k_dana_support', at: '2026-11-20T00:00:00.000Z' }],
            { ...META, by: 'system' },
          );
          expect(await s.audit.verify()).toMatchObject({ ok: true });
        },
      );
    },
  );

  it(
    'when the database already holds another deployment’s audit log, then ' + 'it is refused and nothing is copied',
    async () => {
      const url = await database();
      await withStore(
        () => openPostgresStore(url, keysIn(dir)),
        (s) => s.customers.upsert({ id: 'someone-else', displayName: 'Other' }, META),
      );
      const r = await candor(url);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/already holds an audit log that is not this data directory's/);
      expect(
        await withStore(
          () => openPostgresStore(url, keysIn(dir)),
          (s) => s.customers.get('c_dana'),
        ),
      ).toBeNull();
    },
  );
});
