/**
 * The reply coach's counts, per token and flag kind: checks run, flags raised, and what the agent did with them.
 * A check is counted with its audit entry (counts only) in one transaction. No text, customer or ticket is kept.
 */
import { FLAG_KINDS, type CoachSummary, type FlagKind } from '../protocol/coach.js';
import { appendAudit } from './audit.js';
import type { Sql } from './sql.js';
import type { Vault } from '../keys/vault.js';
import type { Store } from './types.js';

const UPSERT = `INSERT INTO coach_counts (token_id, kind, checks, flagged, followed, ignored) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (token_id, kind) DO UPDATE SET checks = coach_counts.checks + excluded.checks,
    flagged = coach_counts.flagged + excluded.flagged, followed = coach_counts.followed + excluded.followed,
    ignored = coach_counts.ignored + excluded.ignored`;

interface SummaryRow {
  team: string;
  kind: FlagKind;
  checks: number | string;
  flagged: number | string;
  followed: number | string;
  ignored: number | string;
}

export function coachStore(sql: Sql, vault: Vault): Store['coach'] {
  return {
    recordCheck(tokenId, flagged, audit) {
      return sql.tx(async (q) => {
        for (const kind of FLAG_KINDS) await q.run(UPSERT, [tokenId, kind, 1, flagged[kind], 0, 0]);
        await appendAudit(q, [audit], vault);
      });
    },
    async recordOutcome(tokenId, kind, action) {
      await sql.run(UPSERT, [tokenId, kind, 0, 0, action === 'applied' ? 1 : 0, action === 'ignored' ? 1 : 0]);
    },
    async summary(): Promise<CoachSummary> {
      // A revoked token's counts stay with its name; a token gone from the table keeps its id.
      const rows = await sql.all<SummaryRow>(
        `SELECT COALESCE(t.name, c.token_id) AS team, c.kind AS kind, SUM(c.checks) AS checks,
           SUM(c.flagged) AS flagged, SUM(c.followed) AS followed, SUM(c.ignored) AS ignored
         FROM coach_counts c LEFT JOIN tokens t ON t.id = c.token_id
         GROUP BY COALESCE(t.name, c.token_id), c.kind ORDER BY team, kind`,
      );
      const teams = new Map<string, CoachSummary['teams'][number]>();
      for (const r of rows) {
        const team = teams.get(r.team) ?? { team: r.team, kinds: [] };
        teams.set(r.team, team);
        // PostgreSQL sums BIGINTs as NUMERIC, which its driver answers as text.
        team.kinds.push({
          kind: r.kind,
          checks: Number(r.checks),
          flagged: Number(r.flagged),
          followed: Number(r.followed),
          ignored: Number(r.ignored),
        });
      }
      return { groupedBy: 'token_name', teams: [...teams.values()] };
    },
  };
}
