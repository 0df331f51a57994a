/**
 * The PostgreSQL connection pool, transactions and migrations. Queries are written with `?`
 * placeholders, like the SQLite store's, and numbered here; values are always parameters.
 */
import pg from 'pg';
import { MIGRATIONS, migrationSql } from '../migrations.js';

export type Pool = pg.Pool;
/** A pool or a client inside a transaction: whatever can run a query. */
export type Sql = pg.Pool | pg.PoolClient;

// BIGINT (sequence numbers, counts) arrives as a string by default; ours stay far below 2^53.
const types = { getTypeParser: ((oid: number, format?: string) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser };

export function openPool(url: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle connection the server drops (restart, failover) is replaced at the next query; unheard, its error would end the process.
  pool.on('error', () => undefined);
  return pool;
}

/** `?` → `$1`, `$2`, …; the SQL here never holds a literal `?`. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export async function all<R>(c: Sql, sql: string, params: readonly unknown[] = []): Promise<R[]> {
  return (await c.query(numbered(sql), params as unknown[])).rows as R[];
}

export async function one<R>(c: Sql, sql: string, params: readonly unknown[] = []): Promise<R | undefined> {
  return (await all<R>(c, sql, params))[0];
}

export async function run(c: Sql, sql: string, params: readonly unknown[] = []): Promise<number> {
  return (await c.query(numbered(sql), params as unknown[])).rowCount ?? 0;
}

/**
 * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. A snapshot
 * that must read several tables as of one moment asks for REPEATABLE READ.
 */
export async function tx<T>(pool: Pool, fn: (c: pg.PoolClient) => Promise<T>, level: 'READ COMMITTED' | 'REPEATABLE READ' = 'READ COMMITTED'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${level}`);
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** The same ordered list as SQLite's; servers starting together take turns (an advisory lock). */
export async function migrate(pool: Pool): Promise<void> {
  await tx(pool, async (c) => {
    await c.query("SELECT pg_advisory_xact_lock(hashtext('candor.migrations'))");
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((await all<{ version: number }>(c, 'SELECT version FROM schema_migrations')).map((r) => r.version));
    for (const [i, m] of MIGRATIONS.entries()) {
      if (applied.has(i + 1)) continue;
      await c.query(migrationSql(m, 'postgres'));
      await run(c, 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [i + 1, m.name, new Date().toISOString()]);
    }
  });
}
