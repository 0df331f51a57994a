/** The audit log in SQLite. `appendAudit` runs inside the caller's transaction, so a change and its entry commit together. */
import { GENESIS, hashEntry, newSeal, verifyChain, type AuditDraft } from '../../audit/chain.js';
import { auditWhere, toAuditEntry, type AuditRow } from '../rows.js';
import type { AuditFilter, Store } from '../types.js';
import { prepared, type Db } from './db.js';

export function appendAudit(db: Db, drafts: readonly AuditDraft[]): number[] {
  const head = prepared(db, 'SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS;
  const insert = prepared(
    db,
    'INSERT INTO audit (seq, at, kind, actor, customer_id, payload_json, seal_digest, seal_salt, sealed_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const at = new Date().toISOString();
  const seqs: number[] = [];
  for (const { sealed, ...d } of drafts) {
    seq += 1;
    seqs.push(seq);
    const seal = sealed ? newSeal(sealed) : null;
    const hash = hashEntry(prev, { ...d, seal, seq, at });
    insert.run(seq, at, d.kind, d.actor, d.customerId, JSON.stringify(d.payload), seal?.digest ?? null, seal?.salt ?? null, sealed ? JSON.stringify(sealed) : null, prev, hash);
    prev = hash;
  }
  prepared(db, 'INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash').run(seq, prev);
  return seqs;
}

/**
 * Erases the sealed parts of a customer's entries (or only those whose payload lists `factId` in
 * `factIds`), inside the caller's transaction: value and salt go, the digest stays as a tombstone.
 */
export function eraseSeals(db: Db, customerId: string, at: string, factId?: string): number {
  const onlyFact = factId === undefined ? '' : "AND EXISTS (SELECT 1 FROM json_each(payload_json, '$.factIds') WHERE value = ?)";
  const sql = `UPDATE audit SET seal_salt = NULL, sealed_json = NULL, sealed_erased_at = ?
    WHERE customer_id = ? AND seal_digest IS NOT NULL AND sealed_erased_at IS NULL ${onlyFact}`;
  return db.prepare(sql).run(at, customerId, ...(factId === undefined ? [] : [factId])).changes;
}

export function auditStore(db: Db): Store['audit'] {
  const append = db.transaction((drafts: AuditDraft[]) => appendAudit(db, drafts));
  return {
    async append(drafts) {
      return drafts.length ? append(drafts) : [];
    },
    async get(seq) {
      const row = db.prepare('SELECT * FROM audit WHERE seq = ?').get(seq) as AuditRow | undefined;
      return row ? toAuditEntry(row) : null;
    },
    async list(f: AuditFilter) {
      const { where, args } = auditWhere(f);
      return (db.prepare(`SELECT * FROM audit ${where} ORDER BY seq DESC LIMIT ?`).all(...args, f.limit ?? 200) as AuditRow[]).map(toAuditEntry);
    },
    async verify() {
      const read = db.transaction(() => {
        const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
        const rows = (db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>);
        return verifyChain((function* () { for (const r of rows) yield toAuditEntry(r); })(), head ?? null);
      });
      return read();
    },
  };
}
