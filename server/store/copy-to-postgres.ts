/**
 * Moves an embedded SQLite deployment to PostgreSQL: every table, in an order that keeps foreign
 * keys whole, in batches, each row inserted unless it is already there. Stopped half-way, it is
 * run again and goes on. The audit log is copied as it is (seq, time, hashes), so the chain the
 * SQLite file could prove is the chain PostgreSQL proves; a target whose log disagrees with the
 * source's is refused rather than mixed in. Run it with every Candor server stopped.
 */
import path from 'node:path';
import { migrate } from './migrations.js';
import { DB_FILE, openSql } from './sqlite.js';
import { openPool, postgresSql } from './postgres.js';
import { auditStore } from './audit.js';
import type { Sql } from './sql.js';
import type { Keys } from './keys.js';

/** Parents before children; each with the columns that order its rows. */
const TABLES: [table: string, order: string][] = [
  ['customers', 'id'],
  ['facts', 'customer_id, id'],
  ['fact_seals', 'customer_id, id'],
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
  ['adapter_misses', 'adapter, field, day'],
  ['taught_adapter_drafts', 'id'],
  ['taught_adapter_versions', 'site, version'],
  ['coach_day_counts', 'day, token_id, kind'],
  ['articles', 'id'],
  ['article_uses', 'seq'],
  ['privacy_requests', 'id'],
  ['fact_flags', 'id'],
  ['audit', 'seq'],
];
/** Tables whose key PostgreSQL generates (`seq` unless named): its counter must start past the copied rows. */
const IDENTITY: Record<string, string> = {
  consent_records: 'seq',
  flag_events: 'seq',
  outcomes: 'seq',
  taught_adapter_drafts: 'id',
  article_uses: 'seq',
};
const BATCH = 500;

export interface CopyProgress {
  table: string;
  copied: number;
  total: number;
}

/** Values are copied as they are stored: sealed under the same data keys, which stay in the same key store. */
export async function copyToPostgres(
  dataDir: string,
  url: string,
  keys: Keys,
  onProgress: (p: CopyProgress) => void,
): Promise<{ tables: number; rows: number; audit: { ok: boolean; entries: number } }> {
  const source = openSql(path.join(dataDir, DB_FILE), keys.dbKey);
  const target = postgresSql(openPool(url, 2));
  try {
    await migrate(source);
    await migrate(target);
    await refuseForeignLog(source, target);
    let rows = 0;
    for (const [table, order] of TABLES) {
      const total = (await source.one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;
      let copied = 0;
      for (;;) {
        const batch = await source.all<Record<string, unknown>>(
          `SELECT * FROM ${table} ORDER BY ${order} LIMIT ? OFFSET ?`,
          [BATCH, copied],
        );
        if (!batch.length) break;
        const columns = Object.keys(batch[0]!);
        await target.tx((q) =>
          q.insertRows(
            table,
            columns,
            batch.map((row) => columns.map((c) => row[c])),
            'ON CONFLICT DO NOTHING',
          ),
        );
        copied += batch.length;
        onProgress({ table, copied, total });
      }
      if (!total) onProgress({ table, copied, total });
      rows += copied;
      const key = IDENTITY[table];
      if (key)
        await target.all(
          `SELECT setval(pg_get_serial_sequence('${table}', '${key}'), ` +
            `GREATEST((SELECT MAX(${key}) FROM ${table}), 1))`,
        );
    }
    const head = await source.one<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
    if (head) await target.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [head.seq, head.hash]);
    const verdict = await auditStore(target, keys.vault).verify();
    return { tables: TABLES.length, rows, audit: { ok: verdict.ok, entries: verdict.entries } };
  } finally {
    await source.close();
    await target.close();
  }
}

/** A target that already holds audit entries the source does not have (or has otherwise) is another deployment's. */
async function refuseForeignLog(source: Sql, target: Sql) {
  const last = await target.one<{ seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  if (!last) return;
  const mine = await source.one<{ hash: string }>('SELECT hash FROM audit WHERE seq = ?', [last.seq]);
  if (mine?.hash !== last.hash)
    throw new Error(
      `the PostgreSQL database already holds an audit log that is not this ` +
        `data directory's (entry ${last.seq} differs): use an empty database`,
    );
}
