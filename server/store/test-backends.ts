/**
 * The databases the store contract runs against: SQLite always, PostgreSQL when
 * `CANDOR_TEST_DATABASE_URL` names a server (each test gets a database of its own there). Raw SQL
 * for the tests that tamper with rows or read them behind the store's back is written with `?`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import type { Store } from './types.js';
import type { Fact } from '../protocol/domain.js';
import { openPostgresStore, keysIn, openSqliteStore } from './index.js';
import { DB_FILE, openKeyed } from './sqlite.js';
import { KEYSTORE_FILE, openKeyDir } from '../keys/key-dir.js';
import { openValue, unwrapKey } from '../keys/cipher.js';
import { openPool, postgresSql } from './postgres.js';
import type { Sql } from './sql.js';
import { hashEntry, type AuditEntry } from '../audit/chain.js';

/** The SQLite file's key of a test store (`keysIn`), for reading the file behind the store's back. */
export const readFileKey = (dataDir: string) =>
  Buffer.from(readFileSync(path.join(keysIn(dataDir).CANDOR_KEY_DIR, 'db.key'), 'utf8').trim(), 'hex');

/** A connection to a test store's SQLite file (`keysIn`), with its key: for reading and tampering behind the store. */
export function rawDb(dataDir: string, options?: Database.Options, keysOf = dataDir): Database.Database {
  return openKeyed(path.join(dataDir, DB_FILE), readFileKey(keysOf), options).db;
}

/**
 * Opens every sealed value in a text (a row as JSON, a sealed recording) as someone holding the test store's key store
 * would: with the data key the key store still has, `(key destroyed)` where it has none.
 */
export function sealedOpener(dataDir: string): (text: string) => string {
  const keyDir = keysIn(dataDir).CANDOR_KEY_DIR;
  const masters = openKeyDir(keyDir).masters();
  const store = new Database(path.join(keyDir, KEYSTORE_FILE), { readonly: true });
  const rows = store.prepare('SELECT kid, master_id, wrapped FROM data_keys').all() as {
    kid: string;
    master_id: string;
    wrapped: string;
  }[];
  store.close();
  const keys = new Map(
    rows.map((r) => [
      r.kid,
      unwrapKey(masters.get(r.master_id)!, r.master_id, r.kid, Buffer.from(r.wrapped, 'base64')),
    ]),
  );
  return (text) =>
    text.replace(/cv1:([0-9a-f]{16}):[A-Za-z0-9_-]+/g, (sealed, kid: string) => {
      const k = keys.get(kid);
      return k ? JSON.stringify(openValue(k, sealed)).slice(1, -1) : '(key destroyed)';
    });
}

/** A test store's tables (all unless named) as someone holding its key store reads them: every row as JSON, opened. */
export function openedRows(dataDir: string, tables?: readonly string[]): string {
  const open = sealedOpener(dataDir);
  const db = rawDb(dataDir, { readonly: true });
  try {
    const names =
      tables ?? (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    return open(names.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all())).join('\n'));
  } finally {
    db.close();
  }
}

export interface Backend {
  name: 'SQLite' | 'PostgreSQL';
  /** A fresh, empty, migrated store. */
  open(): Promise<Store>;
  /** Another store on the same database: a second writer, as a second server would be. */
  another(): Promise<Store>;
  /** Rows for `sql` with `?` parameters, read or written beside the store. */
  all<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** `text` with every sealed value in it opened, as someone holding the key store reads it. */
  opened(text: string): string;
  /** Closes the store and removes its database. */
  drop(): Promise<void>;
}

export const PG_URL = process.env.CANDOR_TEST_DATABASE_URL;

/** The records the store tests are written with. */
export const META = { actor: 'admin:tok_test', channel: 'api' };
export const ADA = { id: 'c-1', displayName: 'Ada Lovelace', email: 'Ada@Example.org' };
export const fact = (id: string, over: Partial<Fact> = {}): Fact => ({
  id,
  category: 'user.behavior.purchase_history',
  text: `Order ${id}`,
  value: { order: `ORD-${id}` },
  source: 'orders',
  collectedAt: '2025-11-14T00:00:00.000Z',
  ...over,
});

export function sqliteBackend(): Backend {
  let dir = '';
  const stores: Store[] = [];
  return {
    name: 'SQLite',
    async open() {
      dir = mkdtempSync(path.join(tmpdir(), 'candor-store-'));
      return this.another();
    },
    async another() {
      stores.push(await openSqliteStore(dir, keysIn(dir)));
      return stores.at(-1)!;
    },
    async all(sql, params = []) {
      const db = rawDb(dir);
      try {
        const stmt = db.prepare(sql);
        if (stmt.reader) return stmt.all(...params) as never[];
        stmt.run(...params);
        return [];
      } finally {
        db.close();
      }
    },
    opened: (text) => sealedOpener(dir)(text),
    async drop() {
      await Promise.all(stores.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A database of its own on the configured server, made from `template0` and dropped after. */
export async function freshPgDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `candor_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.href,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function postgresBackend(url: string): Backend {
  let db: Awaited<ReturnType<typeof freshPgDatabase>> | null = null;
  let keyDir = '';
  const stores: Store[] = [];
  let raw: Sql | null = null;
  return {
    name: 'PostgreSQL',
    async open() {
      db = await freshPgDatabase(url);
      keyDir = mkdtempSync(path.join(tmpdir(), 'candor-store-keys-'));
      raw = postgresSql(openPool(db.url, 2));
      return this.another();
    },
    async another() {
      stores.push(await openPostgresStore(db!.url, keysIn(keyDir)));
      return stores.at(-1)!;
    },
    all: (sql, params = []) => raw!.all(sql, params),
    opened: (text) => sealedOpener(keyDir)(text),
    async drop() {
      await Promise.all(stores.map((s) => s.close()));
      await raw?.close();
      await db?.drop();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

/**
 * Rewrites the audit log as if each entry had been written at `atOf(seq, at)`: every hash and the head computed
 * again, as a server running then would have chained them (the rows put back a thousand a statement). What retention
 * tests age records with.
 */
export async function backdateAudit(h: Pick<Backend, 'all'>, atOf: (seq: number, at: string) => string): Promise<void> {
  const rows = await h.all<Record<string, unknown> & { seq: number; at: string; prev_hash: string }>(
    'SELECT * FROM audit ORDER BY seq',
  );
  if (!rows.length) return;
  let prev = rows[0]!.prev_hash;
  for (const r of rows) {
    r.at = atOf(r.seq, r.at);
    r.prev_hash = prev;
    r.hash = prev = hashEntry(prev, {
      seq: r.seq,
      at: r.at,
      kind: r.kind as AuditEntry['kind'],
      actor: r.actor as string,
      customerId: r.customer_id as string | null,
      payload: JSON.parse(r.payload_json as string),
      seal: r.seal_digest ? { digest: r.seal_digest as string, salt: null, value: null, erasedAt: null } : null,
    });
  }
  const columns = Object.keys(rows[0]!);
  await h.all('DELETE FROM audit');
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await h.all(
      `INSERT INTO audit (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      chunk.flatMap((r) => columns.map((c) => r[c])),
    );
  }
  await h.all('UPDATE audit_head SET hash = ? WHERE id = 1', [prev]);
}
