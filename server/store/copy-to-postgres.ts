/**
 * Moves an embedded SQLite deployment to PostgreSQL: every table, in an order that keeps foreign
 * keys whole, in batches, each row inserted unless it is already there. Stopped half-way, it is
 * run again and goes on. The audit log is copied as it is (seq, time, hashes), so the chain the
 * SQLite file could prove is the chain PostgreSQL proves; a target whose log disagrees with the
 * source's is refused rather than mixed in. Run it with every Candor server stopped.
 */
import path from 'node:path';
import { openDb } from './sqlite/db.js';
import { DB_FILE } from './sqlite/index.js';
import { all, migrate, openPool, run, type Pool } from './postgres/db.js';
import { auditStore } from './postgres/audit.js';

/** Parents before children; each with the columns that order its rows. */
const TABLES: [table: string, order: string][] = [
  ['customers', 'id'],
  ['facts', 'customer_id, id'],
  ['consent_records', 'seq'],
  ['flag_events', 'seq'],
  ['tokens', 'id'],
  ['outcomes', 'seq'],
  ['template_versions', 'template_id, version'],
  ['template_shows', 'template_id, version'],
  ['settings', 'key'],
  ['recording_owners', 'recording_id'],
  ['portal_links', 'nonce'],
  ['portal_sessions', 'hash'],
  ['audit', 'seq'],
];
/** Tables whose `seq` PostgreSQL generates: its counter must start past the copied rows. */
const IDENTITY = ['consent_records', 'flag_events', 'outcomes'];
const BATCH = 500;

export interface CopyProgress {
  table: string;
  copied: number;
  total: number;
}

export async function copyToPostgres(dataDir: string, url: string, onProgress: (p: CopyProgress) => void): Promise<{ tables: number; rows: number; audit: { ok: boolean; entries: number } }> {
  const sqlite = openDb(path.join(dataDir, DB_FILE));
  const pool = openPool(url, 2);
  try {
    await migrate(pool);
    await refuseForeignLog(sqlite, pool);
    let rows = 0;
    for (const [table, order] of TABLES) {
      const total = sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
      let copied = 0;
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (batch.length) await insert(pool, table, batch);
        copied += batch.length;
        batch = [];
        onProgress({ table, copied, total });
      };
      for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).iterate() as IterableIterator<Record<string, unknown>>) {
        batch.push(row);
        if (batch.length === BATCH) await flush();
      }
      await flush();
      rows += copied;
      if (IDENTITY.includes(table)) await all(pool, `SELECT setval(pg_get_serial_sequence('${table}', 'seq'), GREATEST((SELECT MAX(seq) FROM ${table}), 1))`);
    }
    const head = sqlite.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
    if (head) await run(pool, 'UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [head.seq, head.hash]);
    const verdict = await auditStore(pool).verify();
    return { tables: TABLES.length, rows, audit: { ok: verdict.ok, entries: verdict.entries } };
  } finally {
    sqlite.close();
    await pool.end();
  }
}

async function insert(pool: Pool, table: string, rows: Record<string, unknown>[]) {
  const columns = Object.keys(rows[0]!);
  const values = rows.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
  await pool.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT DO NOTHING`, rows.flatMap((row) => columns.map((c) => row[c])));
}

/** A target that already holds audit entries the source does not have (or has otherwise) is another deployment's. */
async function refuseForeignLog(sqlite: ReturnType<typeof openDb>, pool: Pool) {
  const [last] = await all<{ seq: number; hash: string }>(pool, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  if (!last) return;
  const source = sqlite.prepare('SELECT hash FROM audit WHERE seq = ?').pluck().get(last.seq) as string | undefined;
  if (source !== last.hash) throw new Error(`the PostgreSQL database already holds an audit log that is not this data directory's (entry ${last.seq} differs): use an empty database`);
}
