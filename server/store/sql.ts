/**
 * What the store asks of a database: the same statements, written once with `?` placeholders, run
 * by SQLite (`sqlite.ts`) or PostgreSQL (`postgres.ts`). Each answers through this interface, so
 * erasure, consent changes and the audit append exist once, whichever database holds them. The
 * little the two spell differently is named here, not spread through the statements.
 */
export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  /** Rows as objects. */
  all<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Rows as arrays of values, in the order selected: cheaper than objects on the hottest read. */
  values<R extends unknown[]>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  one<R>(sql: string, params?: readonly unknown[]): Promise<R | undefined>;
  /** Runs a statement; answers how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Inserts many rows of one shape, inside the caller's transaction; `suffix` follows the values
   * (`ON CONFLICT …`). The statement is the same for both; how it runs is each database's fastest:
   * SQLite one prepared row at a time, PostgreSQL many rows a round trip.
   */
  insertRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    suffix?: string,
  ): Promise<void>;
  /** Runs a script of statements without parameters (a migration). */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` in one transaction, committed when it resolves and rolled back when it throws. Inside,
   * use only the `Sql` it is given: a write and its audit entry commit together or not at all.
   */
  tx<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
  /** Runs reads that must see one moment of the database (a customer's snapshot). */
  read<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
  /**
   * Appended to a SELECT of a row about to be changed: PostgreSQL locks the row; SQLite's one writer holds the whole
   * file already.
   */
  readonly forUpdate: string;
  /** Whether an error is a unique or primary-key violation (two writers claimed the same key). */
  isUniqueViolation(e: unknown): boolean;
  /**
   * After an erasure commits: SQLite copies its WAL into the file and truncates it, so pre-erasure page images go too.
   */
  afterErasure(): Promise<void>;
  close(): Promise<void>;
}

/** Parameters per statement: under both databases' limits (SQLite 32,766; PostgreSQL 65,535). */
const MAX_PARAMS = 30_000;

/**
 * `INSERT INTO table (columns) VALUES (…), (…), …` in as few statements as the parameter limits
 * allow: what a networked database answers fastest (one round trip a chunk). `suffix` follows the
 * values (`ON CONFLICT …`).
 */
export async function insertMultiRow(
  q: Sql,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  suffix = '',
): Promise<void> {
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${placeholders(columns.length)})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await q.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${suffix}`,
      chunk.flat(),
    );
  }
}

/** `?, ?, …`: `n` placeholders, for a row or an `IN (…)`. */
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * A listing's `WHERE`: each condition (`'actor = ?'`) kept when its value is given, ANDed; the
 * values in the same order, as parameters.
 */
export function whereOf(conditions: readonly (readonly [sql: string, value: unknown])[]): {
  where: string;
  args: unknown[];
} {
  const given = conditions.filter(([, value]) => value !== undefined && value !== '');
  return {
    where: given.length ? `WHERE ${given.map(([sql]) => sql).join(' AND ')}` : '',
    args: given.map(([, value]) => value),
  };
}
