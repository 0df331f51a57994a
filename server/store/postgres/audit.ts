/**
 * The audit log in PostgreSQL. Several servers append to one chain: each append locks the single
 * head row (`SELECT … FOR UPDATE`) inside the caller's transaction, so appends are serialised in
 * the database and the chain stays one, whoever writes.
 */
import { chainVerifier, hashEntry, newSeal, type AuditDraft } from '../../audit/chain.js';
import { auditWhere, toAuditEntry, type AuditRow } from '../rows.js';
import type { Store } from '../types.js';
import { all, one, run, tx, type Pool, type Sql } from './db.js';

export async function appendAudit(c: Sql, drafts: readonly AuditDraft[]): Promise<number[]> {
  const head = (await one<{ seq: number; hash: string }>(c, 'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE'))!;
  let { seq, hash: prev } = head;
  const at = new Date().toISOString();
  const rows = drafts.map(({ sealed, ...d }) => {
    seq += 1;
    const seal = sealed ? newSeal(sealed) : null;
    const hash = hashEntry(prev, { ...d, seal, seq, at });
    const row = [seq, at, d.kind, d.actor, d.customerId, JSON.stringify(d.payload), seal?.digest ?? null, seal?.salt ?? null, sealed ? JSON.stringify(sealed) : null, prev, hash] as const;
    prev = hash;
    return row;
  });
  // One statement for the batch (a push to many panels appends one entry each): the columns travel as arrays.
  const column = (i: number) => rows.map((r) => r[i]);
  await run(
    c,
    `INSERT INTO audit (seq, at, kind, actor, customer_id, payload_json, seal_digest, seal_salt, sealed_json, prev_hash, hash)
     SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])`,
    Array.from({ length: 11 }, (_, i) => column(i)),
  );
  await run(c, 'UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [seq, prev]);
  return rows.map((r) => r[0]);
}

/** As in SQLite: the sealed parts of a customer's entries (or those carrying `factId`) lose value and salt. */
export async function eraseSeals(c: Sql, customerId: string, at: string, factId?: string): Promise<number> {
  const onlyFact = factId === undefined ? '' : "AND (payload_json::jsonb -> 'factIds') @> to_jsonb(?::text)";
  return run(
    c,
    `UPDATE audit SET seal_salt = NULL, sealed_json = NULL, sealed_erased_at = ? WHERE customer_id = ? AND seal_digest IS NOT NULL AND sealed_erased_at IS NULL ${onlyFact}`,
    [at, customerId, ...(factId === undefined ? [] : [factId])],
  );
}

export function auditStore(pool: Pool): Store['audit'] {
  return {
    async append(drafts) {
      return drafts.length ? tx(pool, (c) => appendAudit(c, drafts)) : [];
    },
    async get(seq) {
      const row = await one<AuditRow>(pool, 'SELECT * FROM audit WHERE seq = ?', [seq]);
      return row ? toAuditEntry(row) : null;
    },
    async list(f) {
      const { where, args } = auditWhere(f);
      return (await all<AuditRow>(pool, `SELECT * FROM audit ${where} ORDER BY seq DESC LIMIT ?`, [...args, f.limit ?? 200])).map(toAuditEntry);
    },
    async verify() {
      // One snapshot for the rows and the head; read in pages so a long log is never held whole.
      return tx(
        pool,
        async (c) => {
          const head = (await one<{ seq: number; hash: string }>(c, 'SELECT seq, hash FROM audit_head WHERE id = 1')) ?? null;
          const verifier = chainVerifier();
          for (let after = 0; ; ) {
            const rows = await all<AuditRow>(c, 'SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT 5000', [after]);
            if (!rows.length) return verifier.finish(head);
            for (const row of rows) {
              const failure = verifier.add(toAuditEntry(row));
              if (failure) return failure;
            }
            after = rows.at(-1)!.seq;
          }
        },
        'REPEATABLE READ',
      );
    },
  };
}
