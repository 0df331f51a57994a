/**
 * The reply coach's counts, per token, flag kind and server day (UTC): checks run, flags raised, and what the agent
 * did with them. A check is counted with its audit entry (counts only) in one transaction. No text, customer or
 * ticket is kept.
 */
import { FLAG_KINDS, type FlagKind } from '../protocol/coach.js';
import { appendAudit } from './audit.js';
import type { Sql } from './sql.js';
import type { Vault } from '../keys/vault.js';
import type { Store } from './types.js';

const UPSERT = `INSERT INTO coach_day_counts (day, token_id, kind, checks, flagged, followed, ignored)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (day, token_id, kind) DO UPDATE SET checks = coach_day_counts.checks + excluded.checks,
    flagged = coach_day_counts.flagged + excluded.flagged, followed = coach_day_counts.followed + excluded.followed,
    ignored = coach_day_counts.ignored + excluded.ignored`;

const dayOf = (t: Date) => t.toISOString().slice(0, 10);

interface CountsRow {
  token_id: string;
  team: string | null;
  kind: FlagKind;
  checks: number | string;
  flagged: number | string;
  followed: number | string;
  ignored: number | string;
}

export function coachStore(sql: Sql, vault: Vault): Store['coach'] {
  return {
    recordCheck(tokenId, flagged, audit, at = new Date()) {
      return sql.tx(async (q) => {
        for (const kind of FLAG_KINDS) await q.run(UPSERT, [dayOf(at), tokenId, kind, 1, flagged[kind], 0, 0]);
        await appendAudit(q, [audit], vault);
      });
    },
    async recordOutcome(tokenId, kind, action, at = new Date()) {
      await sql.run(UPSERT, [
        dayOf(at),
        tokenId,
        kind,
        0,
        0,
        action === 'applied' ? 1 : 0,
        action === 'ignored' ? 1 : 0,
      ]);
    },
    async counts(from) {
      // A revoked token keeps its team; a token gone from the table has none.
      const rows = await sql.all<CountsRow>(
        `SELECT c.token_id AS token_id, t.team AS team, c.kind AS kind, SUM(c.checks) AS checks,
           SUM(c.flagged) AS flagged, SUM(c.followed) AS followed, SUM(c.ignored) AS ignored
         FROM coach_day_counts c LEFT JOIN tokens t ON t.id = c.token_id
         WHERE c.day >= ?
         GROUP BY c.token_id, t.team, c.kind ORDER BY c.token_id, c.kind`,
        [from ?? ''],
      );
      // PostgreSQL sums BIGINTs as NUMERIC, which its driver answers as text.
      return rows.map((r) => ({
        tokenId: r.token_id,
        team: r.team,
        kind: r.kind,
        checks: Number(r.checks),
        flagged: Number(r.flagged),
        followed: Number(r.followed),
        ignored: Number(r.ignored),
      }));
    },
  };
}
