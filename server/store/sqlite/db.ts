/**
 * Opens the embedded SQLite database: WAL, and `synchronous=FULL` on every connection, because
 * better-sqlite3 reopens WAL databases at NORMAL, which can lose the last commits on power loss;
 * `secure_delete` so that freed pages are zeroed (erasure).
 * Migrations run at open, in order, each in its own transaction.
 */
import { ownerOnlyDir, ownerOnlyFile } from '../../files/private.js';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrationSql } from '../migrations.js';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** `sql` prepared once per connection: preparing costs more than running the small reads on every assist. */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export function openDb(file: string): Db {
  // SQLite gives the -wal and -shm files the database file's mode: owner-only, like the folder.
  if (file !== ':memory:') {
    ownerOnlyDir(path.dirname(file));
    ownerOnlyFile(file);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Erased values must not linger in freed pages of the file.
  db.pragma('secure_delete = ON');
  migrate(db);
  return db;
}

function migrate(db: Db) {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  MIGRATIONS.forEach((m, i) => {
    const version = i + 1;
    if (applied.has(version)) return;
    db.transaction(() => {
      db.exec(migrationSql(m, 'sqlite'));
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, m.name, new Date().toISOString());
    })();
  });
}

/**
 * After an erasure: copies the WAL into the database file and truncates it, because the WAL keeps
 * the page images from before the erasure until it is overwritten. A reader holding an old
 * snapshot can keep it from finishing; the next erasure or SQLite's own checkpoints finish it.
 */
export function flushErased(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

