/**
 * Facts a customer flagged as wrong in the portal. A flag joins the customer's open rectification request (or opens
 * one), so a correction asked for in a ticket and flagged in the portal is one request in the register. The note is
 * the customer's own words about their data: sealed under their key, like the fact.
 */
import { randomBytes } from 'node:crypto';
import type { Vault } from '../keys/vault.js';
import { appendAudit } from './audit.js';
import { openRequest } from './requests.js';
import type { Sql } from './sql.js';
import type { ChangeMeta, FactFlag, Store } from './types.js';
import { resolveFlag } from './fact-flag-resolve.js';
import { factFlagViews, noteOf } from './fact-flag-views.js';

interface Row {
  id: string;
  fact_id: string;
  request_id: string;
  note: string | null;
  flagged_at: string;
}

const DAY_MS = 86_400_000;
const OPEN = 'withdrawn_at IS NULL AND closed_at IS NULL';

const flagAudit = (
  q: Sql,
  kind: 'fact.flagged' | 'fact.flag_withdrawn',
  customerId: string,
  f: FactFlag,
  m: ChangeMeta,
) =>
  appendAudit(q, [
    {
      kind,
      actor: m.actor,
      customerId,
      payload: { factId: f.factId, flagId: f.id, requestId: f.requestId, channel: m.channel },
    },
  ]);

export function factFlagStore(sql: Sql, vault: Vault): Store['factFlags'] {
  const openOf = (q: Sql, customerId: string, factId: string) =>
    q.one<Row>(`SELECT * FROM fact_flags WHERE customer_id = ? AND fact_id = ? AND ${OPEN}${q.forUpdate}`, [
      customerId,
      factId,
    ]);
  return {
    async raise(customerId, factId, note, request, limit, meta) {
      const seal = await vault.sealer(customerId);
      return sql.tx(async (q) => {
        const fact = await q.one<{ erased_at: string | null }>(
          `SELECT erased_at FROM facts WHERE customer_id = ? AND id = ?${q.forUpdate}`,
          [customerId, factId],
        );
        if (!fact || fact.erased_at) return 'no_fact';
        if (await openOf(q, customerId, factId)) return 'flagged_already';
        const since = new Date(Date.parse(request.receivedAt) - DAY_MS).toISOString();
        const recent = await q.one<{ n: number | string }>(
          'SELECT COUNT(*) AS n FROM fact_flags WHERE customer_id = ? AND flagged_at > ?',
          [customerId, since],
        );
        if (Number(recent?.n ?? 0) >= limit) return 'too_many';
        const joined = await q.one<{ id: string }>(
          `SELECT id FROM privacy_requests WHERE customer_id = ? AND kind = 'rectification' AND status = 'open'
           ORDER BY received_at LIMIT 1${q.forUpdate}`,
          [customerId],
        );
        const requestId =
          joined?.id ??
          (await openRequest(q, vault, { ...request, kind: 'rectification', ticketId: null, customerId }, meta)).id;
        const flag: FactFlag = {
          id: `flag_${randomBytes(9).toString('base64url')}`,
          factId,
          requestId,
          flaggedAt: request.receivedAt,
          note,
        };
        await q.run(
          `INSERT INTO fact_flags (id, customer_id, fact_id, request_id, note, flagged_at) VALUES (?, ?, ?, ?, ?, ?)`,
          [
            flag.id,
            customerId,
            factId,
            requestId,
            note ? seal(JSON.stringify([note.wrong, note.shouldSay])) : null,
            flag.flaggedAt,
          ],
        );
        await flagAudit(q, 'fact.flagged', customerId, flag, meta);
        return flag;
      });
    },
    withdraw(customerId, factId, at, meta) {
      return sql.tx(async (q) => {
        const row = await openOf(q, customerId, factId);
        if (!row) return null;
        await q.run('UPDATE fact_flags SET withdrawn_at = ? WHERE id = ?', [at, row.id]);
        const flag = { id: row.id, factId, requestId: row.request_id, flaggedAt: row.flagged_at, note: null };
        await flagAudit(q, 'fact.flag_withdrawn', customerId, flag, meta);
        return flag;
      });
    },
    async open(customerId) {
      const rows = await sql.all<Row>(
        `SELECT * FROM fact_flags WHERE customer_id = ? AND ${OPEN} ORDER BY flagged_at`,
        [customerId],
      );
      const open = await vault.opener(rows.map((r) => r.note));
      return rows.map((r) => {
        const note = noteOf(r.note === null ? null : open(r.note));
        return { id: r.id, factId: r.fact_id, requestId: r.request_id, flaggedAt: r.flagged_at, note };
      });
    },
    resolve: resolveFlag(sql, vault),
    ...factFlagViews(sql, vault),
  };
}
