/**
 * The embedded database: one SQLite file through better-sqlite3-multiple-ciphers, encrypted page by
 * page with AEGIS-256 when given a key (files encrypted before with SQLCipher still open). WAL;
 * `secure_delete` so that freed pages are zeroed (erasure).
 *
 * Durability without fsync on the event loop. A connection from `openDb` alone runs at `synchronous=FULL`
 * (better-sqlite3 reopens WAL databases at NORMAL, which can lose the last commits on power loss). The store's
 * connection (`sqliteSql` over a file) keeps the same promise another way, so that another process fsyncing on the
 * same disk cannot stall every request: its COMMIT only writes the transaction's frames to the `-wal` file
 * (`synchronous=OFF`), and no caller learns of the commit until that file has been fdatasync'ed in libuv's thread
 * pool (wal-sync.ts). The WAL is appended in order, so a flush that began after a commit holds it and every commit
 * before it: that is the fsync FULL would have made at the COMMIT, made later but before anyone is told. So:
 *   - a write transaction (and a write outside one) resolves only after such a flush; the next may start meanwhile;
 *   - a read resolves only after the flush of every commit it could have seen, so nothing not yet durable is shown;
 *   - a failed flush fails every later one (the kernel may have dropped the pages), so nothing is acknowledged again.
 * OFF rather than NORMAL: at NORMAL SQLite still fsyncs the WAL header on the main thread each time it starts the
 * WAL over after a checkpoint; our flush covers that header like the frames behind it. The connection never
 * checkpoints on its own (`wal_autocheckpoint = 0`, checkpointer.ts does it in a worker with its own connection at
 * FULL, which fsyncs the WAL before copying and the file before SQLite may start the WAL over); where it checkpoints
 * itself, after an erasure and at close, it does so at FULL.
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
import { checkpointer } from './checkpointer.js';
import { placeholders, type Sql } from './sql.js';
import { groupFlusher, walSync } from './wal-sync.js';

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
  for (const p of keyPragmas(key, pragma, cipher)) db.pragma(p);
}

/** The same settings as pragmas: also what the checkpointing worker opens the file with. */
export const keyPragmas = (key: Buffer, pragma: 'key' | 'rekey' = 'key', cipher: Cipher = CIPHER) => [
  `cipher = '${cipher}'`,
  ...(cipher === CIPHER ? ["algorithm = 'aegis-256'"] : []),
  `${pragma} = "x'${key.toString('hex')}'"`,
];

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

export const openDb = (file: string, key: DbKey | null = null): Db => openFile(file, key).db;

/** A connection to the file, and the pragmas that opened it (its key, in the file's cipher): none without a key. */
function openFile(file: string, key: DbKey | null): { db: Db; keyed: string[] } {
  if (key && isPlainSqlite(file))
    throw new Error(
      `${file} is not encrypted: convert it with \`candor encrypt\` (or set CANDOR_ENCRYPTION=off to compare)`,
    );
  // SQLite gives the -wal and -shm files the database file's mode: owner-only, like the folder.
  ownerOnlyDir(path.dirname(file));
  ownerOnlyFile(file);
  let db: Db | undefined;
  let keyed: string[] = [];
  try {
    if (key) {
      const opened = openKeyed(file, key.key);
      db = opened.db;
      keyed = keyPragmas(key.key, 'key', opened.cipher);
    } else db = new Database(file);
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
  return { db, keyed };
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

/** What the WAL file is cut back to when it starts over (bytes). */
export const WAL_SIZE_LIMIT = 16 * 2 ** 20;

/**
 * The store's connection to a file stops syncing on its own; its commits are flushed, and its WAL checkpointed, off
 * the event loop (the header says why that keeps every acknowledged commit durable).
 */
function offTheLoop(db: Db, keyed: readonly string[], turn: { current: Promise<void> }) {
  db.pragma('synchronous = OFF');
  db.pragma('wal_autocheckpoint = 0');
  // A burst of commits outruns the worker's checkpoints and grows the WAL (170 MB in the benchmark's fan-out); SQLite
  // starts it over once a checkpoint catches up but keeps the file at its largest unless told to cut it back.
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  const wal = walSync(db.name);
  const flusher = groupFlusher(wal.sync);
  const checkpoints = checkpointer(db.name, [...keyed, 'synchronous = FULL'], (e) => {
    // A worker's error arrives as a copy: SQLite's code may be all it kept.
    const { message, code } = e as { message?: string; code?: string };
    process.emitWarning(`SQLite checkpoints fall back to the main thread: ${message || code}`);
    void turn.current.then(() => {
      if (db.open) db.exec('PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 1000');
    });
  });
  return {
    outstanding: flusher.outstanding,
    committed: () => {
      checkpoints.committed();
      return flusher.committed();
    },
    async close() {
      await flusher.outstanding()?.catch(() => {});
      await checkpoints.close();
      await wal.close();
    },
  };
}

/** Runs a checkpoint of the connection's own at FULL: it must fsync the WAL before copying and the file after. */
function atFull(db: Db, f: () => void): void {
  const was = db.pragma('synchronous', { simple: true });
  // SQLite refuses to change it inside a transaction, where a checkpoint of this connection's cannot finish anyway.
  if (db.inTransaction) {
    f();
    return;
  }
  db.pragma('synchronous = FULL');
  try {
    f();
  } finally {
    db.pragma(`synchronous = ${was}`);
  }
}

/** The store's connection to a file: `openDb`'s, with its writes made durable off the event loop. */
export function openSql(file: string, key: DbKey | null = null): Sql {
  const { db, keyed } = openFile(file, key);
  return sqliteSql(db, keyed);
}

/** `keyed`: the pragmas that open the file with its key (`keyPragmas`), for the checkpointing worker's connection. */
export function sqliteSql(db: Db, keyed: readonly string[] = []): Sql {
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
  const turn = turnsOf(db.name);
  const wal = db.memory ? null : offTheLoop(db, keyed, turn);
  // Any statement may write (`UPDATE … RETURNING` answers rows): asked of the statement once it has run.
  const writes =
    (sql: string, raw = false) =>
    () =>
      !prepared(sql, raw).readonly;
  /** A write waits for its flush; a read for the flush of every commit it could have seen. */
  const durable = <T>(out: T, wrote: boolean): T | Promise<T> => {
    const wait = !wal ? null : wrote ? wal.committed() : wal.outstanding();
    return wait ? wait.then(() => out) : out;
  };
  // A call runs once the transaction under way is done (outside one), or at once (inside it). Plain `then`s, not
  // async functions: a context read makes a dozen calls, and each async wrapper is promises for the collector.
  const on = (nested: boolean): Sql => {
    const call = <T>(f: () => T, writes: boolean | (() => boolean) = false): Promise<T> => {
      if (!nested)
        return turn.current.then(() => durable(f(), typeof writes === 'function' ? writes() : writes)) as Promise<T>;
      try {
        return Promise.resolve(f());
      } catch (e) {
        return Promise.reject(e);
      }
    };
    const q: Sql = {
      dialect: 'sqlite',
      forUpdate: '',
      all: <R>(sql: string, params: readonly unknown[] = []) =>
        call(() => prepared(sql).all(...params) as R[], writes(sql)),
      values: <R extends unknown[]>(sql: string, params: readonly unknown[] = []) =>
        call(() => prepared(sql, true).all(...params) as R[], writes(sql, true)),
      one: <R>(sql: string, params: readonly unknown[] = []) =>
        call(() => prepared(sql).get(...params) as R | undefined, writes(sql)),
      run: (sql, params = []) =>
        call(() => {
          const s = prepared(sql);
          return s.reader ? s.all(...params).length : s.run(...params).changes;
        }, writes(sql)),
      insertRows: (table, columns, rows, suffix = '') =>
        call(() => {
          const one = prepared(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns.length)}) ${suffix}`,
          );
          for (const row of rows) one.run(...row);
        }, true),
      exec: (script) => call(() => void db.exec(script), true),
      // Inside a transaction, a nested one is part of it.
      tx: nested ? (fn) => fn(q) : (fn) => begin('BEGIN IMMEDIATE', fn),
      read: nested ? (fn) => fn(q) : (fn) => begin('BEGIN', fn),
      isUniqueViolation: (e) => /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test((e as { code?: string }).code ?? ''),
      // A reader holding an old snapshot (or the worker's checkpoint under way) can keep this from finishing; the next
      // erasure or checkpoint finishes it.
      afterErasure: () => call(() => atFull(db, () => void db.pragma('wal_checkpoint(TRUNCATE)'))),
      // The worker's connection closes first: the last one to close copies the WAL into the file, at FULL.
      close: () =>
        call(() => wal?.close()).then(() => {
          if (!db.inTransaction) db.pragma('synchronous = FULL');
          db.close();
        }),
    };
    return q;
  };

  const outside = on(false);
  const inside = on(true);

  /** IMMEDIATE for writes: the write lock at once, so another process (the CLI) waits instead of failing midway. */
  async function begin<T>(statement: 'BEGIN' | 'BEGIN IMMEDIATE', fn: (q: Sql) => Promise<T>): Promise<T> {
    const before = turn.current;
    let done!: () => void;
    turn.current = new Promise((resolve) => (done = resolve));
    await before;
    let out: T;
    try {
      // Inside the `try`: a BEGIN that fails (the lock not had in time) must still give the next its turn.
      db.exec(statement);
      out = await fn(inside);
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    } finally {
      done();
    }
    // The next transaction may start while this one's flush is under way; this one's caller learns of it after.
    return durable(out, statement === 'BEGIN IMMEDIATE');
  }
  return outside;
}
