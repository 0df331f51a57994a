/**
 * What retention removes, a batch at a time so no transaction holds the database long: the oldest audit entries
 * (a prefix, behind a checkpoint entry that keeps the chain verifiable), suggestion outcomes, expired portal links
 * and sessions, and the rows of old recordings. A lease row lets one holder run at a time, whichever server or
 * command it is; a holder that dies loses it when it expires.
 */
import { checkpointDraft } from '../audit/chain.js';
import { appendAudit, newestCheckpoint } from './audit.js';
import type { Sql } from './sql.js';
import type { Store } from './types.js';

const PAGE = 5000;

/**
 * The last entry older than `before`, read from the oldest on (what is due is a prefix, and no index on `at` is kept
 * for it): entries are numbered in the order they were written, so the first page wholly at or after `before` ends it.
 */
async function lastBefore(q: Sql, before: string): Promise<{ seq: number; hash: string; at: string } | null> {
  let last: { seq: number; hash: string; at: string } | null = null;
  for (let after = 0; ; ) {
    const rows = await q.all<{ seq: number; hash: string; at: string }>(
      'SELECT seq, hash, at FROM audit WHERE seq > ? ORDER BY seq LIMIT ?',
      [after, PAGE],
    );
    for (const r of rows) if (r.at < before) last = r;
    if (rows.length < PAGE || rows.every((r) => r.at >= before)) return last;
    after = rows.at(-1)!.seq;
  }
}

const firstSeq = async (q: Sql) =>
  (await q.one<{ seq: number | null }>('SELECT MIN(seq) AS seq FROM audit'))?.seq ?? null;

export function retentionStore(sql: Sql): Store['retention'] {
  return {
    async lease(holder, until, now) {
      const taken = await sql.run(
        'UPDATE retention_lease SET holder = ?, expires_at = ? WHERE id = 1 AND (holder IS NULL OR holder = ? OR expires_at < ?)',
        [holder, until, holder, now],
      );
      return taken === 1;
    },
    async release(holder) {
      await sql.run('UPDATE retention_lease SET holder = NULL, expires_at = NULL WHERE id = 1 AND holder = ?', [
        holder,
      ]);
    },
    due: (c) =>
      sql.read(async (q) => {
        const count = async (table: string, column: string, before: string | undefined) =>
          before === undefined
            ? 0
            : Number(
                (await q.one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} < ?`, [before]))?.n ??
                  0,
              );
        const through = c.audit === undefined ? null : await lastBefore(q, c.audit);
        const first = await firstSeq(q);
        return {
          audit: through && first ? through.seq - first + 1 : 0,
          outcomes: await count('outcomes', 'at', c.outcomes),
          portal:
            (await count('portal_links', 'expires_at', c.portal)) +
            (await count('portal_sessions', 'expires_at', c.portal)),
        };
      }),
    checkpointAudit: (before) =>
      sql.tx(async (q) => {
        // Under the head's lock, so no append slips between reading the prefix and chaining its checkpoint.
        await q.one(`SELECT seq FROM audit_head WHERE id = 1${q.forUpdate}`);
        const newest = await newestCheckpoint(q);
        const through = await lastBefore(q, before);
        const covered = newest?.checkpoint.throughSeq ?? 0;
        if (!through || through.seq <= covered) return covered || null;
        await appendAudit(q, [checkpointDraft(through, through.seq - ((await firstSeq(q)) ?? 1) + 1)]);
        return through.seq;
      }),
    async deleteAudit(throughSeq) {
      const first = await firstSeq(sql);
      if (first == null || first > throughSeq) return 0;
      return sql.run('DELETE FROM audit WHERE seq >= ? AND seq <= ?', [first, Math.min(throughSeq, first + PAGE - 1)]);
    },
    deleteOutcomes: (before) =>
      sql.run('DELETE FROM outcomes WHERE seq IN (SELECT seq FROM outcomes WHERE at < ? ORDER BY seq LIMIT ?)', [
        before,
        PAGE,
      ]),
    async deletePortal(before) {
      const links = await sql.run(
        'DELETE FROM portal_links WHERE nonce IN (SELECT nonce FROM portal_links WHERE expires_at < ? LIMIT ?)',
        [before, PAGE],
      );
      const sessions = await sql.run(
        'DELETE FROM portal_sessions WHERE hash IN (SELECT hash FROM portal_sessions WHERE expires_at < ? LIMIT ?)',
        [before, PAGE],
      );
      return links + sessions;
    },
    async recordingsBefore(before, after) {
      return (
        await sql.values<[string]>(
          'SELECT recording_id FROM recording_owners WHERE created_at < ? AND recording_id > ? ORDER BY recording_id LIMIT ?',
          [before, after, PAGE],
        )
      ).map(([id]) => id);
    },
    async forgetRecordings(ids) {
      let n = 0;
      for (const id of ids) n += await sql.run('DELETE FROM recording_owners WHERE recording_id = ?', [id]);
      return n;
    },
    oldest: () =>
      sql.read(async (q) => {
        const audit = await q.one<{ seq: number; at: string }>('SELECT seq, at FROM audit ORDER BY seq LIMIT 1');
        const outcome = await q.one<{ at: string }>('SELECT at FROM outcomes ORDER BY seq LIMIT 1');
        return {
          audit: audit ? { at: audit.at, pruned: audit.seq > 1 } : null,
          outcomes: outcome?.at ?? null,
        };
      }),
  };
}
