/**
 * PostgreSQL through a `pg` pool (`DATABASE_URL`), answering the store's statements: their `?`
 * placeholders are numbered here, values are always parameters. Writes run at READ COMMITTED and
 * lock the rows they change (`forUpdate`); a snapshot is one REPEATABLE READ transaction.
 */
import pg from 'pg';
import { insertMultiRow, type Sql } from './sql.js';

// BIGINT (sequence numbers, counts) arrives as a string by default; ours stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export function openPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle connection the server drops (restart, failover) is replaced at the next query; unheard, its error would end
  // the process.
  pool.on('error', () => undefined);
  return pool;
}

/** `?` → `$1`, `$2`, …; the store's SQL never holds a literal `?`. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export function postgresSql(pool: pg.Pool): Sql {
  const on = (c: pg.Pool | pg.PoolClient, nested: boolean): Sql => {
    const q: Sql = {
      dialect: 'postgres',
      forUpdate: ' FOR UPDATE',
      all: async <R>(sql: string, params: readonly unknown[] = []) =>
        (await c.query(numbered(sql), params as unknown[])).rows as R[],
      values: async <R extends unknown[]>(sql: string, params: readonly unknown[] = []) =>
        (await c.query({ text: numbered(sql), values: params as unknown[], rowMode: 'array' })).rows as R[],
      one: async <R>(sql: string, params: readonly unknown[] = []) =>
        (await c.query(numbered(sql), params as unknown[])).rows[0] as R | undefined,
      run: async (sql, params = []) => (await c.query(numbered(sql), params as unknown[])).rowCount ?? 0,
      insertRows: (table, columns, rows, suffix) => insertMultiRow(q, table, columns, rows, suffix),
      async exec(script) {
        await c.query(script);
      },
      // Inside a transaction, a nested one is part of it.
      tx: nested ? (fn) => fn(q) : (fn) => begin('BEGIN ISOLATION LEVEL READ COMMITTED', fn),
      read: nested ? (fn) => fn(q) : (fn) => begin('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn),
      isUniqueViolation: (e) => (e as { code?: string }).code === '23505',
      afterErasure: async () => {},
      close: () => pool.end(),
    };
    return q;
  };

  async function begin<T>(statement: string, fn: (q: Sql) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query(statement);
      const out = await fn(on(client, true));
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
  return on(pool, false);
}
