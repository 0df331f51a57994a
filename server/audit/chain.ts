/**
 * The audit log is append-only and hash-chained: each entry's hash covers the previous hash and
 * the entry's canonical JSON, so a changed, inserted or deleted entry breaks the chain. Entries
 * hold ids, counts and reasons — never a customer's values — so erasure never has to touch them.
 */
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

export const AUDIT_KINDS = [
  'context.viewed',
  'suggestions.shown',
  'model.called',
  'consent.granted',
  'consent.withdrawn',
  'customer.upserted',
  'customer.opted_out',
  'customer.opted_in',
  'customer.gpc',
  'facts.ingested',
  'fact.erased',
  'token.created',
  'template.published',
  'settings.changed',
  'token.revoked',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditDraft {
  kind: AuditKind;
  /** Who did it: `agent:tok_…`, `admin:tok_…`, `customer`, `system`. */
  actor: string;
  customerId: string | null;
  /** Ids, counts, reasons and consent ids relied on; never values. */
  payload: Record<string, unknown>;
}

export interface AuditEntry extends AuditDraft {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

export function hashEntry(prevHash: string, e: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  const body = stringify({ seq: e.seq, at: e.at, kind: e.kind, actor: e.actor, customerId: e.customerId, payload: e.payload });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

export type VerifyResult = { ok: true; entries: number; head: string } | { ok: false; entries: number; seq: number; problem: string };

/**
 * Checks entries (in seq order) against each other and against the head the store keeps apart
 * from them, which is what catches a deleted last entry.
 */
export function verifyChain(entries: Iterable<AuditEntry>, head: { seq: number; hash: string } | null): VerifyResult {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (const e of entries) {
    count += 1;
    if (e.seq !== expectedSeq) return { ok: false, entries: count, seq: expectedSeq, problem: `entry ${expectedSeq} is missing (next is ${e.seq})` };
    if (e.prevHash !== prev) return { ok: false, entries: count, seq: e.seq, problem: `entry ${e.seq} does not link to the entry before it` };
    if (hashEntry(prev, e) !== e.hash) return { ok: false, entries: count, seq: e.seq, problem: `entry ${e.seq} was changed after it was written` };
    prev = e.hash;
    expectedSeq += 1;
  }
  const last = expectedSeq - 1;
  if ((head?.seq ?? 0) !== last || (head?.hash ?? GENESIS) !== prev) {
    return { ok: false, entries: count, seq: head?.seq ?? 0, problem: `the log ends at entry ${last} but its head records entry ${head?.seq ?? 0}: entries were deleted or added outside the log` };
  }
  return { ok: true, entries: count, head: prev };
}
