/**
 * What only the SQLite file has to show: durability settings, migrations at open, and erasure down to the file's bytes.
 * (The behaviour both stores share is in ../store.contract.test.ts.)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keysIn, openSqliteStore } from './index.js';
import { applyKey, DB_FILE, keyPragmas, LEGACY_CIPHER, openDb, openSql, sqliteSql, WAL_SIZE_LIMIT } from './sqlite.js';
import { MIGRATIONS, migrationSql } from './migrations.js';
import type { Store } from './types.js';
import { ADA, fact, META, rawDb, readFileKey } from './test-backends.js';

/** The WAL flushes of the store's file (not the key store's), held back while `held` is pending. */
const flushes = vi.hoisted(() => ({ held: null as Promise<void> | null, release: () => {} }));
const holdFlushes = () => {
  flushes.held = new Promise((resolve) => (flushes.release = resolve));
};
vi.mock('./wal-sync.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./wal-sync.js')>();
  return {
    ...real,
    walSync: (file: string) => {
      const wal = real.walSync(file);
      if (!file.endsWith('candor.db')) return wal;
      const sync = async () => {
        await flushes.held;
        await wal.sync();
      };
      return { ...wal, sync };
    },
  };
});

let dir: string;
let store: Store;
const open: { close(): unknown }[] = [];
const file = () => path.join(dir, DB_FILE);
/** A second connection to the same file, for reading and tampering with SQL. */
const sql = () => {
  const db = rawDb(dir);
  open.push(db);
  return db;
};

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'candor-store-'));
  store = await openSqliteStore(dir, keysIn(dir));
  open.push(store);
});
/** Polls `ok` (another connection's view) until it holds. */
async function until(ok: () => boolean) {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(ok()).toBe(true);
}

afterEach(async () => {
  flushes.release();
  flushes.held = null;
  while (open.length) await open.pop()!.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('durability', () => {
  it('when the store opens its file, then the database is in WAL mode', () => {
    const db = rawDb(dir, { readonly: true });
    open.push(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('when a connection is opened with openDb, then synchronous is FULL (2)', () => {
    const db = openDb(file(), { key: readFileKey(dir), from: 'the test' });
    open.push(db);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('when the store takes a connection, then it leaves syncing and checkpoints to the flusher and the worker', async () => {
    // Nothing on it fsyncs on the event loop (the header of sqlite.ts says why nothing acknowledged is lost).
    const key = readFileKey(dir);
    const db = openDb(file(), { key, from: 'the test' });
    const q = sqliteSql(db, keyPragmas(key));
    expect([db.pragma('synchronous', { simple: true }), db.pragma('wal_autocheckpoint', { simple: true })]).toEqual([
      0, 0,
    ]);
    await q.close();
  });

  it(
    'when a write commits, then its caller hears of it, and a read shows it, only after the WAL is flushed; ' +
      'the next write commits meanwhile',
    async () => {
      holdFlushes();
      const ids = () => sql().prepare('SELECT id FROM customers ORDER BY id').pluck().all();
      const heard: string[] = [];
      const first = store.customers.upsert(ADA, META).then(() => heard.push('first'));
      await until(() => ids().includes('c-1'));
      const second = store.customers.upsert({ ...ADA, id: 'c-2' }, META).then(() => heard.push('second'));
      const read = store.customers.get('c-1').then(() => heard.push('read'));
      // Both committed (another connection sees them) while the first one's flush is still held.
      await until(() => ids().includes('c-2'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toEqual([]);
      flushes.release();
      await Promise.all([first, second, read]);
      expect(heard[0]).toBe('first');
      expect(heard.sort()).toEqual(['first', 'read', 'second']);
    },
  );

  it('when a burst grew the WAL past its limit, then once the WAL starts over the file is cut back to the limit', async () => {
    const key = readFileKey(dir);
    const q = sqliteSql(openDb(file(), { key, from: 'the test' }), keyPragmas(key));
    open.push(q);
    const wal = () => statSync(`${file()}-wal`).size;
    await q.exec('CREATE TABLE burst (b BLOB)');
    // One transaction the worker cannot copy while it is written: the WAL holds all of it.
    await q.tx(async (t) => {
      for (let i = 0; i < 24; i++) await t.run('INSERT INTO burst VALUES (?)', [randomBytes(2 ** 20)]);
    });
    expect(wal()).toBeGreaterThan(WAL_SIZE_LIMIT + 4 * 2 ** 20);
    // Small commits until a checkpoint has caught up and one of them started the WAL over.
    for (let i = 0; i < 300 && wal() > WAL_SIZE_LIMIT; i++) {
      await q.run('INSERT INTO burst VALUES (?)', [i]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(wal()).toBeLessThanOrEqual(WAL_SIZE_LIMIT);
  });

  it('when a statement outside a transaction writes (an INSERT … RETURNING), then it too waits for its flush', async () => {
    await store.customers.upsert(ADA, META);
    holdFlushes();
    const outcomes = () => sql().prepare('SELECT count(*) FROM outcomes').pluck().get();
    let heard = false;
    const recorded = store.outcomes
      .record({
        actor: 'agent:tok_1',
        ticketId: 't',
        customerId: 'c-1',
        suggestionId: 's',
        template: { id: 'x', version: 1 },
        engine: 'offline',
        action: 'inserted',
        edit: null,
        rating: null,
        reason: null,
      })
      .then(() => (heard = true));
    await until(() => outcomes() === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toBe(false);
    flushes.release();
    await recorded;
  });

  it('when the store opens, then every migration is recorded once in schema_migrations', () => {
    const rows = sql().prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m, i) => ({ version: i + 1, name: m.name })));
  });

  it('when the store is opened again, then migrations are not re-run and data is kept', async () => {
    await store.customers.upsert(ADA, META);
    const before = sql().prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all();
    await store.close();
    open.splice(open.indexOf(store), 1);
    store = await openSqliteStore(dir, keysIn(dir));
    open.push(store);
    expect(sql().prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all()).toEqual(before);
    expect(await store.customers.get('c-1')).toEqual(ADA);
  });
});

describe('erasure, at the level of the file', () => {
  const marker = fc.stringMatching(/^[a-z]{12}$/).map((m) => `zq${m}`);
  /** The database file and its WAL, as bytes. */
  const raw = (db = file()) =>
    ['', '-wal']
      .map((suffix) => (existsSync(db + suffix) ? readFileSync(db + suffix).toString('latin1') : ''))
      .join('');

  it(
    'for any facts, prompts and outcome texts, once the customer is erased ' +
      'none of their values is left in the database file or its WAL, and ' +
      'other customers keep theirs',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(marker, { minLength: 2, maxLength: 12 }), marker, async (values, other) => {
          const d = mkdtempSync(path.join(tmpdir(), 'candor-erase-'));
          const s = await openSqliteStore(d, keysIn(d));
          try {
            await s.customers.upsert(
              { id: 'c-1', displayName: `Ada ${values[0]}`, email: `${values[1]}@example.org` },
              META,
            );
            await s.customers.upsert({ id: 'c-2', displayName: 'Bo', email: 'bo@example.org' }, META);
            await s.facts.upsertMany(
              'c-1',
              values.map((v, i) => fact(`f${i}`, { text: `Order ${v}`, value: { order: v } })),
              META,
            );
            await s.facts.upsertMany('c-2', [fact('g', { text: `Order ${other}` })], META);
            await s.audit.append(
              values.map((v, i) => ({
                kind: 'model.called' as const,
                actor: 'agent:tok_1',
                customerId: 'c-1',
                payload: { factIds: [`f${i}`] },
                sealed: { messages: [{ role: 'user', content: v }] },
              })),
            );
            await s.outcomes.record({
              actor: 'agent:tok_1',
              ticketId: 't',
              customerId: 'c-1',
              suggestionId: 's',
              template: { id: 'x', version: 1 },
              engine: 'offline',
              action: 'edited',
              edit: { text: values.join(' '), distance: 3 },
              rating: null,
              reason: null,
            });
            await s.customers.erase('c-1', '2026-03-06T00:00:00.000Z', META);
            const bytes = raw(path.join(d, DB_FILE));
            for (const v of values) expect(bytes).not.toContain(v);
            expect((await s.customers.snapshot('c-2'))!.facts[0]!.text).toBe(`Order ${other}`);
            expect(await s.audit.verify()).toMatchObject({ ok: true });
          } finally {
            await s.close();
            rmSync(d, { recursive: true, force: true });
          }
        }),
        { numRuns: 15 },
      );
    },
  );

  it('when one fact is erased, then its text and value are gone from the file and its WAL', async () => {
    await store.customers.upsert(ADA, META);
    await store.facts.upsertMany(
      'c-1',
      [fact('a', { text: 'Order zqsecretvalue', value: { order: 'zqsecretorder' } }), fact('b')],
      META,
    );
    // The file never held them in plain text (AEGIS pages, values sealed under the customer's key) …
    expect(raw()).not.toMatch(/zqsecretvalue|zqsecretorder/);
    const sealed = () =>
      JSON.stringify([sql().prepare('SELECT * FROM facts').all(), sql().prepare('SELECT * FROM fact_seals').all()]);
    expect(sealed()).not.toMatch(/zqsecretvalue|zqsecretorder/);
    const [text, value] = sql().prepare("SELECT text, value_json FROM facts WHERE id = 'a'").raw().get() as string[];
    // Text, value and source of both facts sealed as one group; the row names its place in it.
    expect(text).toMatch(/^cg1:[\w-]+:0$/);
    expect(value).toBeNull();
    const group = sql().prepare('SELECT sealed FROM fact_seals').pluck().get() as string;
    expect(group).toMatch(/^cv1:[0-9a-f]{16}:/);
    expect((await store.customers.snapshot('c-1'))!.facts.find((f) => f.id === 'a')!.text).toBe('Order zqsecretvalue');
    // … and once the fact is erased its group is sealed again without it: the old ciphertext is gone from the database.
    await store.facts.erase('c-1', 'a', '2026-03-05T00:00:00.000Z', META);
    expect(sealed()).not.toContain(group);
  });
});

describe("the SQLite file's key", () => {
  it('when the file is opened without its key or with another, then it is refused naming what to check', async () => {
    await store.customers.upsert(ADA, META);
    expect(() => openDb(file(), { key: Buffer.alloc(32, 7), from: 'CANDOR_DB_KEY' })).toThrow(
      /does not open with the database key from CANDOR_DB_KEY: check CANDOR_DB_KEY and CANDOR_KEY_DIR/,
    );
    expect(() => openDb(file())).toThrow(/does not open with the database key from nowhere \(encryption is off\)/);
  });

  it('when a plain SQLite file is opened with a key, then it is refused naming `candor encrypt`', () => {
    const plain = path.join(dir, 'plain.db');
    const db = openDb(plain);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => openDb(plain, { key: readFileKey(dir), from: 'the test' })).toThrow(
      /is not encrypted: convert it with `candor encrypt`/,
    );
  });

  it('when the store writes its file, then it is AEGIS-256: SQLCipher settings do not open it', async () => {
    await store.customers.upsert(ADA, META);
    const as = (cipher: 'aegis' | 'sqlcipher') => {
      const db = new Database(file(), { readonly: true });
      open.push(db);
      db.pragma(`cipher = '${cipher}'`);
      db.pragma(`key = "x'${readFileKey(dir).toString('hex')}'"`);
      return () => db.prepare('SELECT COUNT(*) AS n FROM customers').get();
    };
    expect(as('aegis')()).toEqual({ n: 1 });
    expect(as('sqlcipher')).toThrow(/not a database/);
  });

  it('when a file was encrypted with SQLCipher before AEGIS, then it still opens with its key, and not without', () => {
    const old = path.join(dir, 'old.db');
    const key = Buffer.alloc(32, 9);
    const db = new Database(old);
    applyKey(db, key, 'key', LEGACY_CIPHER);
    db.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('zq kept')");
    db.close();
    const again = openDb(old, { key, from: 'the test' });
    open.push(again);
    expect(again.prepare('SELECT x FROM t').pluck().get()).toBe('zq kept');
    expect(() => openDb(old, { key: Buffer.alloc(32, 8), from: 'CANDOR_DB_KEY' })).toThrow(
      /does not open with the database key from CANDOR_DB_KEY/,
    );
  });

  it('when the store opens a file of the older cipher, then its checkpointing worker opens it in that cipher', async () => {
    const old = path.join(dir, 'old.db');
    const key = Buffer.alloc(32, 9);
    const db = new Database(old);
    applyKey(db, key, 'key', LEGACY_CIPHER);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const warnings: string[] = [];
    const warned = (w: Error) => warnings.push(w.message);
    process.on('warning', warned);
    try {
      const q = openSql(old, { key, from: 'the test' });
      open.push(q);
      const before = statSync(old).size;
      await q.run('INSERT INTO t VALUES (?)', [randomBytes(20_000)]);
      // The worker's first checkpoint comes a second after the first commit: the file grows by the row's pages.
      for (let i = 0; i < 300 && statSync(old).size <= before; i++) await new Promise((r) => setTimeout(r, 10));
      expect(statSync(old).size).toBeGreaterThan(before);
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', warned);
    }
  });

  it('when the key file is made, then it is 0600 in a 0700 key directory', () => {
    const keys = path.join(dir, 'keys');
    expect(statSync(keys).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(keys, 'db.key')).mode & 0o777).toBe(0o600);
  });
});

describe('upgrading', () => {
  it('when a store counted the reply coach before tokens had teams and counts had days, then its counts are kept', async () => {
    const old = mkdtempSync(path.join(tmpdir(), 'candor-store-'));
    // Built without a key, so opened with encryption off: what this pins is the migration.
    const db = new Database(path.join(old, DB_FILE));
    const before = MIGRATIONS.findIndex((m) => m.name.startsWith("a token's team"));
    db.exec(
      'CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const [i, m] of MIGRATIONS.slice(0, before).entries()) {
      db.exec(migrationSql(m, 'sqlite'));
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(i + 1, m.name, new Date().toISOString());
    }
    db.prepare("INSERT INTO tokens VALUES ('tok_old', 'Sam', 'agent', 'h', '2026-01-01T00:00:00.000Z', NULL)").run();
    db.prepare("INSERT INTO coach_counts VALUES ('tok_old', 'withheld_value', 7, 2, 1, 1)").run();
    db.close();
    open.push({ close: () => rmSync(old, { recursive: true, force: true }) });
    const upgraded = await openSqliteStore(old, { ...keysIn(old), CANDOR_ENCRYPTION: 'off' });
    open.push(upgraded);
    expect(await upgraded.coach.counts(null)).toEqual([
      { tokenId: 'tok_old', team: null, kind: 'withheld_value', checks: 7, flagged: 2, followed: 1, ignored: 1 },
    ]);
    expect(await upgraded.coach.counts('2000-01-01')).toEqual([]);
    expect((await upgraded.tokens.list())[0]).toMatchObject({ name: 'Sam', team: null });
  });
});
