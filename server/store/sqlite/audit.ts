/** The audit log in SQLite. `appendAudit` runs inside the caller's transaction, so a change and its entry commit together. */
import { GENESIS, hashEntry, verifyChain, type AuditDraft, type AuditEntry } from '../../audit/chain.js';
import type { AuditFilter, Store } from '../types.js';
import type { Db } from './db.js';

interface Row {
  seq: number;
  at: string;
  kind: string;
  actor: string;
  customer_id: string | null;
  payload_json: string;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  kind: r.kind as AuditEntry['kind'],
  actor: r.actor,
  customerId: r.customer_id,
  payload: JSON.parse(r.payload_json),
  prevHash: r.prev_hash,
  hash: r.hash,
});

export function appendAudit(db: Db, drafts: readonly AuditDraft[]): number[] {
  const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS;
  const insert = db.prepare('INSERT INTO audit (seq, at, kind, actor, customer_id, payload_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const at = new Date().toISOString();
  const seqs: number[] = [];
  for (const d of drafts) {
    seq += 1;
    seqs.push(seq);
    const hash = hashEntry(prev, { ...d, seq, at });
    insert.run(seq, at, d.kind, d.actor, d.customerId, JSON.stringify(d.payload), prev, hash);
    prev = hash;
  }
  db.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash').run(seq, prev);
  return seqs;
}

export function auditStore(db: Db): Store['audit'] {
  const append = db.transaction((drafts: AuditDraft[]) => appendAudit(db, drafts));
  return {
    async append(drafts) {
      return drafts.length ? append(drafts) : [];
    },
    async get(seq) {
      const row = db.prepare('SELECT * FROM audit WHERE seq = ?').get(seq) as Row | undefined;
      return row ? toEntry(row) : null;
    },
    async list(f: AuditFilter) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (f.customerId) where.push('customer_id = ?'), args.push(f.customerId);
      if (f.actor) where.push('actor = ?'), args.push(f.actor);
      if (f.kind) where.push('kind = ?'), args.push(f.kind);
      if (f.since) where.push('at >= ?'), args.push(f.since);
      if (f.until) where.push('at <= ?'), args.push(f.until);
      const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
      return (db.prepare(sql).all(...args, f.limit ?? 200) as Row[]).map(toEntry);
    },
    async verify() {
      const read = db.transaction(() => {
        const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
        const rows = (db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<Row>);
        return verifyChain((function* () { for (const r of rows) yield toEntry(r); })(), head ?? null);
      });
      return read();
    },
  };
}
