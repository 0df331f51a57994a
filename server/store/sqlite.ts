/**
 * The embedded database: one SQLite file through better-sqlite3-multiple-ciphers, encrypted page by
 * page with AEGIS-256 when given a key (files encrypted before with SQLCipher still open). WAL, and
 * `synchronous=FULL` on every connection, because better-sqlite3 reopens WAL databases at NORMAL,
 * which can lose the last commits on power loss; `secure_delete` so that freed pages are zeroed
 * (erasure).
 *
 * better-sqlite3 answers at once, but the store is written for a database that answers later: a
 * transaction awaits between its statements, and nothing else may run on the connection
 * meanwhile, or it would land inside the transaction. So every call waits for the transaction
 * under way, and transactions take turns: across every connection this process has to the file,
 * since a second connection's BEGIN would otherwise wait for the lock by blocking the one thread
 * the first transaction needs to finish.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ownerOnlyDir, ownerOnlyFile } from '../files/private.js';
import { placeholders, type Sql } from './sql.js';

export const DB_FILE = 'candor.db';

export type Db = Database.Database;

/** The SQLite file's key, and where it came from (named when it does not open the file). */
export interface DbKey {
  key: Buffer;
  from: string;
}

const PLAIN_HEADER = 'SQLite format 3\u0000';

/** Whether the file starts as an unencrypted SQLite database does (an empty or missing file does not). */
export function isPlainSqlite(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(16);
      return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === PLAIN_HEADER;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * The page cipher of the files Candor encrypts: AEGIS-256, an authenticated cipher (a changed page does not open) that
 * runs on the processor's AES instructions. SQLCipher's AES-CBC with an HMAC-SHA512 per page, what files were
 * encrypted with before, cost ingest a quarter more time than a plain file; AEGIS costs about nothing
 * (`npx tsx bench/cipher-cost.ts`).
 */
export const CIPHER = 'aegis';
/** The cipher of files encrypted before AEGIS: they open as they are, and `candor encrypt` converts them. */
export const LEGACY_CIPHER = 'sqlcipher';
export type Cipher = typeof CIPHER | typeof LEGACY_CIPHER;

/** A cipher's settings, with a raw 256-bit key (no passphrase derivation at every open). */
export function applyKey(db: Db, key: Buffer, pragma: 'key' | 'rekey' = 'key', cipher: Cipher = CIPHER): void {
  db.pragma(`cipher = '${cipher}'`);
  if (cipher === CIPHER) db.pragma("algorithm = 'aegis-256'");
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}

/**
 * A connection to an encrypted (or new) file with its key, in the cipher the file was written with: AEGIS, else
 * SQLCipher. A key that opens neither throws SQLITE_NOTADB.
 */
export function openKeyed(file: string, key: Buffer, options?: Database.Options): { db: Db; cipher: Cipher } {
  const attempt = (cipher: Cipher) => {
    const db = new Database(file, options);
    applyKey(db, key, 'key', cipher);
    try {
      db.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
      return { db, cipher };
    } catch (e) {
      db.close();
      throw e;
    }
  };
  try {
    return attempt(CIPHER);
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_NOTADB') throw e;
    return attempt(LEGACY_CIPHER);
  }
}

/** A wrong key's error said in words: which key, and where to look; any other error as it is. */
export function keyMismatch(e: unknown, file: string, key: DbKey | null): unknown {
  if ((e as { code?: string }).code !== 'SQLITE_NOTADB') return e;
  return new Error(
    `${file} does not open with the database key from ${key?.from ?? 'nowhere (encryption is off)'}: ` +
      'check CANDOR_DB_KEY and CANDOR_KEY_DIR (the key directory the database was created with)',
  );
}

export function openDb(file: string, key: DbKey | null = null): Db {
  if (key && isPlainSqlite(file))
    throw new Error(
      `${file} is not encrypted: convert it with \`candor encrypt\` (or set CANDOR_ENCRYPTION=off to compare)`,
    );
  // SQLite gives the -wal and -shm files the database file's mode: owner-only, like the folder.
  ownerOnlyDir(path.dirname(file));
  ownerOnlyFile(file);
  let db: Db | undefined;
  try {
    db = key ? openKeyed(file, key.key).db : new Database(file);
    db.pragma('journal_mode = WAL');
  } catch (e) {
    db?.close();
    throw keyMismatch(e, file, key);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Erased values must not linger in freed pages of the file.
  db.pragma('secure_delete = ON');
  return db;
}

/** Per database file: the transaction under way (or the last one), what every call outside it waits for. */
const turns = new Map<string, { current: Promise<void> }>();
const turnsOf = (file: string) => {
  let t = turns.get(file);
  if (!t) {
    t = { current: Promise.resolve() };
    turns.set(file, t);
  }
  return t;
};

/** A database in memory, gone when closed: the replay searches a recorded session's articles in one. */
export const openMemoryDb = (): Db => new Database(':memory:');

export function sqliteSql(db: Db): Sql {
  // Preparing costs more than running the small reads of every assist: each statement once.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string, raw = false) => {
    const key = raw ? `raw\u0000${sql}` : sql;
    let s = statements.get(key);
    if (!s) {
      s = raw ? db.prepare(sql).raw(true) : db.prepare(sql);
      statements.set(key, s);
    }
    return s;
  };
  // A call runs once the transaction under way is done (outside one), or at once (inside it). Plain `then`s, not
  // async functions: a context read makes a dozen calls, and each async wrapper is promises for the collector.
  const on = (nested: boolean): Sql => {
    const call = <T>(f: () => T): Promise<T> => {
      if (!nested) return turn.current.then(f);
      try {
        return Promise.resolve(f());
      } catch (e) {
        return Promise.reject(e);
      }
    };
    const q: Sql = {
      dialect: 'sqlite',
      forUpdate: '',
      all: <R>(sql: string, params: readonly unknown[] = []) => call(() => prepared(sql).all(...params) as R[]),
      values: <R extends unknown[]>(sql: string, params: readonly unknown[] = []) =>
        call(() => prepared(sql, true).all(...params) as R[]),
      one: <R>(sql: string, params: readonly unknown[] = []) =>
        call(() => prepared(sql).get(...params) as R | undefined),
      run: (sql, params = []) =>
        call(() => {
          const s = prepared(sql);
          return s.reader ? s.all(...params).length : s.run(...params).changes;
        }),
      insertRows: (table, columns, rows, suffix = '') =>
        call(() => {
          const one = prepared(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns.length)}) ${suffix}`,
          );
          for (const row of rows) one.run(...row);
        }),
      exec: (script) => call(() => void db.exec(script)),
      // Inside a transaction, a nested one is part of it.
      tx: nested ? (fn) => fn(q) : (fn) => begin('BEGIN IMMEDIATE', fn),
      read: nested ? (fn) => fn(q) : (fn) => begin('BEGIN', fn),
      isUniqueViolation: (e) => /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test((e as { code?: string }).code ?? ''),
      // A reader holding an old snapshot can keep this from finishing; the next erasure or SQLite's own checkpoints
      // finish it.
      afterErasure: () => call(() => void db.pragma('wal_checkpoint(TRUNCATE)')),
      close: () => call(() => void db.close()),
    };
    return q;
  };

  const turn = turnsOf(db.name);
  const outside = on(false);
  const inside = on(true);

  /** IMMEDIATE for writes: the write lock at once, so another process (the CLI) waits instead of failing midway. */
  async function begin<T>(statement: 'BEGIN' | 'BEGIN IMMEDIATE', fn: (q: Sql) => Promise<T>): Promise<T> {
    const before = turn.current;
    let done!: () => void;
    turn.current = new Promise((resolve) => (done = resolve));
    await before;
    db.exec(statement);
    try {
      const out = await fn(inside);
      db.exec('COMMIT');
      return out;
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    } finally {
      done();
    }
  }
  return outside;
}
