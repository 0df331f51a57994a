/**
 * The register of privacy requests: one row per kind asked in a ticket, with its deadline, closed as fulfilled
 * when the customer does the act in the portal or refused with a reason. Every change commits with its audit entry;
 * ticket ids in the audit log are sealed, so an erasure removes them there as it does here.
 */
import { randomBytes } from 'node:crypto';
import type { PrivacyRequest } from '../protocol/requests.js';
import type { AuditKind } from '../audit/chain.js';
import type { Vault } from '../keys/vault.js';
import { appendAudit } from './audit.js';
import { sealedTicket } from './erased.js';
import { placeholders, whereOf, type Sql } from './sql.js';
import type { ChangeMeta, NewPrivacyRequest, Store } from './types.js';

interface Row {
  id: string;
  kind: PrivacyRequest['kind'];
  lang: PrivacyRequest['lang'];
  ticket_id: string | null;
  customer_id: string;
  received_at: string;
  due_at: string;
  rule: PrivacyRequest['rule'];
  status: PrivacyRequest['status'];
  closed_at: string | null;
  outcome: string | null;
}

const toRequest = (r: Row): PrivacyRequest => ({
  id: r.id,
  kind: r.kind,
  lang: r.lang,
  ticketId: r.ticket_id,
  customerId: r.customer_id,
  receivedAt: r.received_at,
  dueAt: r.due_at,
  rule: r.rule,
  status: r.status,
  closedAt: r.closed_at,
  outcome: r.outcome,
});

const audit = (
  q: Sql,
  vault: Vault,
  kind: AuditKind,
  r: PrivacyRequest,
  meta: ChangeMeta,
  payload: Record<string, unknown> = {},
) =>
  appendAudit(
    q,
    [
      {
        kind,
        actor: meta.actor,
        customerId: r.customerId,
        payload: { requestId: r.id, requestKind: r.kind, channel: meta.channel, ...payload },
        ...sealedTicket({ ticketId: r.ticketId ?? undefined }),
      },
    ],
    vault,
  );

/** Registers a new open request, with its audit entry: from a ticket, or from a fact flagged in the portal. */
export async function openRequest(q: Sql, vault: Vault, r: NewPrivacyRequest, meta: ChangeMeta) {
  const request: PrivacyRequest = {
    id: `req_${randomBytes(9).toString('base64url')}`,
    ...r,
    status: 'open',
    closedAt: null,
    outcome: null,
  };
  await q.run(
    `INSERT INTO privacy_requests (id, kind, lang, ticket_id, customer_id, received_at, due_at, rule, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
    [request.id, r.kind, r.lang, r.ticketId, r.customerId, r.receivedAt, r.dueAt, r.rule],
  );
  await audit(q, vault, 'privacy_request.received', request, meta, { receivedAt: r.receivedAt, dueAt: r.dueAt });
  return request;
}

/**
 * Inside the caller's transaction, closes an open request as fulfilled (saying how) or refused (saying why), with its
 * audit entry.
 */
export async function closeRequest(
  q: Sql,
  vault: Vault,
  r: PrivacyRequest,
  status: 'fulfilled' | 'refused',
  outcome: string,
  at: string,
  meta: ChangeMeta,
): Promise<PrivacyRequest> {
  await q.run('UPDATE privacy_requests SET status = ?, closed_at = ?, outcome = ? WHERE id = ?', [
    status,
    at,
    outcome,
    r.id,
  ]);
  // No flag outlives its request: refused as a whole, its flagged facts are no longer waiting for an admin.
  await q.run(
    'UPDATE fact_flags SET closed_at = ? WHERE request_id = ? AND withdrawn_at IS NULL AND closed_at IS NULL',
    [at, r.id],
  );
  const closed = { ...r, status, closedAt: at, outcome };
  if (status === 'fulfilled') await audit(q, vault, 'privacy_request.fulfilled', closed, meta, { how: outcome });
  else await audit(q, vault, 'privacy_request.refused', closed, meta);
  return closed;
}

/** One request by id; `lock` (the caller's `q.forUpdate`) when it is about to be changed. */
export async function requestById(q: Sql, id: string, lock = '') {
  const row = await q.one<Row>(`SELECT * FROM privacy_requests WHERE id = ?${lock}`, [id]);
  return row ? toRequest(row) : null;
}

export function requestStore(sql: Sql, vault: Vault): Store['requests'] {
  return {
    receive(r, meta) {
      return sql.tx(async (q) => {
        const known = await q.one<{ id: string }>('SELECT id FROM privacy_requests WHERE ticket_id = ? AND kind = ?', [
          r.ticketId,
          r.kind,
        ]);
        return known ? null : openRequest(q, vault, r, meta);
      });
    },
    async ofTicket(ticketId) {
      const rows = await sql.all<Row>('SELECT * FROM privacy_requests WHERE ticket_id = ? ORDER BY received_at, kind', [
        ticketId,
      ]);
      return rows.map(toRequest);
    },
    get: (id) => requestById(sql, id),
    async list(f) {
      const { where, args } = whereOf([
        ['status = ?', f.status],
        ["status = 'open' AND due_at < ?", f.overdue === true ? f.now : undefined],
        ["(status <> 'open' OR due_at >= ?)", f.overdue === false ? f.now : undefined],
      ]);
      const rows = await sql.all<Row>(
        `SELECT * FROM privacy_requests ${where} ORDER BY due_at, received_at, kind, id`,
        args,
      );
      return rows.map(toRequest);
    },
    fulfil(customerId, kinds, how, at, meta) {
      return sql.tx(async (q) => {
        const rows = await q.all<Row>(
          `SELECT * FROM privacy_requests WHERE customer_id = ? AND status = 'open'
             AND kind IN (${placeholders(kinds.length)}) ORDER BY received_at${q.forUpdate}`,
          [customerId, ...kinds],
        );
        // An erased customer's ticket ids go, here and in the entries written now (erasure sealed the earlier ones).
        const erased = kinds.includes('erasure');
        const done: PrivacyRequest[] = [];
        for (const r of rows)
          done.push(
            await closeRequest(
              q,
              vault,
              { ...toRequest(r), ...(erased ? { ticketId: null } : {}) },
              'fulfilled',
              how,
              at,
              meta,
            ),
          );
        if (erased) await q.run('UPDATE privacy_requests SET ticket_id = NULL WHERE customer_id = ?', [customerId]);
        return done;
      });
    },
    refuse(id, reason, at, meta) {
      return sql.tx(async (q) => {
        const r = await requestById(q, id, q.forUpdate);
        if (!r) return null;
        if (r.status !== 'open') return 'closed';
        return closeRequest(q, vault, r, 'refused', reason, at, meta);
      });
    },
  };
}
