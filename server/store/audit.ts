/**
 * The audit log: append-only and hash-chained (audit/chain.ts). Several servers may append to one
 * chain: each append reads the single head row with `forUpdate` inside the caller's transaction,
 * so appends take turns in the database and the chain stays one, whoever writes. Retention deletes the oldest
 * entries only after chaining a checkpoint that records their head (store/retention.ts): the head row always names
 * the newest entry, which a prune never removes.
 */
import {
  chainVerifier,
  checkpointOf,
  CHECKPOINT_KIND,
  hashEntry,
  newSeal,
  type AuditDraft,
  type AuditEntry,
} from '../audit/chain.js';
import type { Vault } from '../keys/vault.js';
import { whereOf, type Sql } from './sql.js';
import type { Store } from './types.js';

/** Where an erased seal's time stands when the customer's key was destroyed (a restored backup): none is known. */
export const SHREDDED = 'key destroyed';

interface AuditRow {
  seq: number;
  at: string;
  kind: string;
  actor: string;
  customer_id: string | null;
  payload_json: string;
  seal_digest: string | null;
  seal_salt: string | null;
  sealed_json: string | null;
  sealed_erased_at: string | null;
  prev_hash: string;
  hash: string;
}

/** `open` answers null for a seal whose customer's key was destroyed: it reads as erased. */
const toAuditEntry = (r: AuditRow, open: (stored: string) => string | null): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  kind: r.kind as AuditEntry['kind'],
  actor: r.actor,
  customerId: r.customer_id,
  payload: JSON.parse(r.payload_json),
  seal: r.seal_digest ? sealOf(r, r.sealed_json === null ? null : open(r.sealed_json)) : null,
  prevHash: r.prev_hash,
  hash: r.hash,
});

function sealOf(r: AuditRow, json: string | null): AuditEntry['seal'] {
  if (r.sealed_json !== null && json === null)
    return { digest: r.seal_digest!, salt: null, value: null, erasedAt: SHREDDED };
  return {
    digest: r.seal_digest!,
    salt: r.seal_salt,
    value: json ? JSON.parse(json) : null,
    erasedAt: r.sealed_erased_at,
  };
}

const opened = async (vault: Vault, rows: AuditRow[]) => {
  const open = await vault.opener(rows.map((r) => r.sealed_json));
  return rows.map((r) => toAuditEntry(r, open));
};

/** Each customer's sealer, for the drafts that carry a sealed part; an entry about no customer seals nothing. */
async function sealersOf(vault: Vault | undefined, drafts: readonly AuditDraft[]) {
  const sealers = new Map<string, (plain: string) => string>();
  for (const d of drafts) {
    if (!d.sealed || d.customerId === null || sealers.has(d.customerId)) continue;
    if (!vault) throw new Error(`appendAudit: a sealed ${d.kind} entry needs the vault`);
    sealers.set(d.customerId, await vault.sealer(d.customerId));
  }
  return sealers;
}

const COLUMNS = [
  'seq',
  'at',
  'kind',
  'actor',
  'customer_id',
  'payload_json',
  'seal_digest',
  'seal_salt',
  'sealed_json',
  'prev_hash',
  'hash',
];

/**
 * Appends inside the caller's transaction, so a change and its entries commit together; answers the new entries'
 * numbers.
 */
export async function appendAudit(q: Sql, drafts: readonly AuditDraft[], vault?: Vault): Promise<number[]> {
  if (!drafts.length) return [];
  const sealers = await sealersOf(vault, drafts);
  const head = (await q.one<{ seq: number; hash: string }>(
    `SELECT seq, hash FROM audit_head WHERE id = 1${q.forUpdate}`,
  ))!;
  let { seq, hash: prev } = head;
  const at = new Date().toISOString();
  const sealFor = (customerId: string | null, json: string) =>
    customerId === null ? json : sealers.get(customerId)!(json);
  const rows = drafts.map(({ sealed, ...d }) => {
    seq += 1;
    const seal = sealed ? newSeal(sealed) : null;
    const hash = hashEntry(prev, { ...d, seal, seq, at });
    const row = [
      seq,
      at,
      d.kind,
      d.actor,
      d.customerId,
      JSON.stringify(d.payload),
      seal?.digest ?? null,
      seal?.salt ?? null,
      sealed ? sealFor(d.customerId, JSON.stringify(sealed)) : null,
      prev,
      hash,
    ] as const;
    prev = hash;
    return row;
  });
  await q.insertRows('audit', COLUMNS, rows);
  await q.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [seq, prev]);
  return rows.map((r) => r[0]);
}

/**
 * Erases the sealed parts of a customer's entries (or only those whose payload lists `factId` in
 * `factIds`), inside the caller's transaction: value and salt go, the digest stays as a tombstone.
 */
export async function eraseSeals(q: Sql, customerId: string, at: string, factId?: string): Promise<number> {
  const held = 'customer_id = ? AND seal_digest IS NOT NULL AND sealed_erased_at IS NULL';
  if (factId === undefined)
    return q.run(`UPDATE audit SET seal_salt = NULL, sealed_json = NULL, sealed_erased_at = ? WHERE ${held}`, [
      at,
      customerId,
    ]);
  // The fact's entries are found by reading their payloads here: the two databases query JSON differently.
  const rows = await q.all<{ seq: number; payload_json: string }>(`SELECT seq, payload_json FROM audit WHERE ${held}`, [
    customerId,
  ]);
  const seqs = rows
    .filter((r) =>
      ((JSON.parse(r.payload_json) as { factIds?: unknown }).factIds as unknown[] | undefined)?.includes(factId),
    )
    .map((r) => r.seq);
  for (const seq of seqs)
    await q.run('UPDATE audit SET seal_salt = NULL, sealed_json = NULL, sealed_erased_at = ? WHERE seq = ?', [at, seq]);
  return seqs.length;
}

/** The newest checkpoint in the log, with its seq. */
export async function newestCheckpoint(q: Sql) {
  const row = await q.one<{ seq: number; kind: AuditEntry['kind']; payload_json: string }>(
    'SELECT seq, kind, payload_json FROM audit WHERE kind = ? ORDER BY seq DESC LIMIT 1',
    [CHECKPOINT_KIND],
  );
  const checkpoint = row ? checkpointOf({ kind: row.kind, payload: JSON.parse(row.payload_json) }) : null;
  return row && checkpoint ? { seq: row.seq, checkpoint } : null;
}

export function auditStore(sql: Sql, vault: Vault): Store['audit'] {
  return {
    append: (drafts) => (drafts.length ? sql.tx((q) => appendAudit(q, drafts, vault)) : Promise.resolve([])),
    async get(seq) {
      const row = await sql.one<AuditRow>('SELECT * FROM audit WHERE seq = ?', [seq]);
      return row ? (await opened(vault, [row]))[0]! : null;
    },
    async list(f) {
      const { where, args } = whereOf([
        ['customer_id = ?', f.customerId],
        ['actor = ?', f.actor],
        ['kind = ?', f.kind],
        ['at >= ?', f.since],
        ['at <= ?', f.until],
        ['seq < ?', f.beforeSeq],
      ]);
      return opened(
        vault,
        await sql.all<AuditRow>(`SELECT * FROM audit ${where} ORDER BY seq DESC LIMIT ?`, [...args, f.limit ?? 200]),
      );
    },
    verify() {
      // One moment of the log and its head, read in pages so a long log is never held whole; a pruned log from the
      // newest checkpoint, which comes after the entries it vouches for.
      return sql.read(async (q) => {
        const head =
          (await q.one<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1')) ?? null;
        const verifier = chainVerifier(await newestCheckpoint(q));
        for (let after = 0; ; ) {
          const rows = await q.all<AuditRow>('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT 5000', [after]);
          if (!rows.length) return verifier.finish(head);
          for (const entry of await opened(vault, rows)) {
            const failure = verifier.add(entry);
            if (failure) return failure;
          }
          after = rows.at(-1)!.seq;
        }
      });
    },
  };
}
