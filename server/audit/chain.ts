/**
 * The audit log is append-only and hash-chained: each entry's hash covers the previous hash and
 * the entry's canonical JSON, so a changed, inserted or deleted entry breaks the chain. The payload
 * holds ids, counts and reasons. What may quote a customer (a prompt as sent to a model, masked) is
 * *sealed* apart: the chain covers only a salted hash of it, so erasing the sealed part and its
 * salt leaves a tombstone and a chain that still verifies, and the salt keeps the hash from being
 * guessed back into the value.
 */
import { createHash, randomBytes } from 'node:crypto';
import stringify from 'safe-stable-stringify';

export { AUDIT_KINDS, type AuditKind } from './kinds.js';
import type { AuditKind } from './kinds.js';

export interface AuditDraft {
  kind: AuditKind;
  /** Who did it: `agent:tok_…`, `admin:tok_…`, `customer`, `system`. */
  actor: string;
  customerId: string | null;
  /** Ids, counts, reasons and consent ids relied on; never values. */
  payload: Record<string, unknown>;
  /** What may quote the customer, kept out of the chain's reach so erasure can remove it. */
  sealed?: Record<string, unknown>;
}

export interface Seal {
  /** sha256 of the salt and the sealed part; what the chain covers. */
  digest: string;
  /** Both null once erased. */
  salt: string | null;
  value: Record<string, unknown> | null;
  erasedAt: string | null;
}

export interface AuditEntry extends Omit<AuditDraft, 'sealed'> {
  seq: number;
  at: string;
  seal: Seal | null;
  prevHash: string;
  hash: string;
}

export const sealDigest = (salt: string, value: Record<string, unknown>) =>
  createHash('sha256')
    .update(`${salt}\n${stringify(value)}`)
    .digest('hex');

export function newSeal(value: Record<string, unknown>): Seal {
  const salt = randomBytes(32).toString('hex');
  return { digest: sealDigest(salt, value), salt, value, erasedAt: null };
}

export const GENESIS = '0'.repeat(64);

export function hashEntry(prevHash: string, e: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  // `sealDigest` joins the body only when there is a seal, so entries written before seals existed keep their hashes.
  const seal = e.seal ? { sealDigest: e.seal.digest } : {};
  const body = stringify({
    seq: e.seq,
    at: e.at,
    kind: e.kind,
    actor: e.actor,
    customerId: e.customerId,
    payload: e.payload,
    ...seal,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

export type VerifyResult =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; seq: number; problem: string };

/** An erased seal is a tombstone (nothing left to check); a present one must match its digest. */
const sealIntact = (s: Seal) =>
  s.value === null
    ? s.salt === null && s.erasedAt !== null
    : s.salt !== null && sealDigest(s.salt, s.value) === s.digest;

/**
 * Checks entries one at a time, in seq order, so a long log can be read in pages: `add` answers
 * the first failure (null while all is well), `finish` checks the end against the head the store
 * keeps apart from the entries, which is what catches a deleted last entry.
 */
export function chainVerifier() {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  return {
    add(e: AuditEntry): VerifyResult | null {
      count += 1;
      if (e.seq !== expectedSeq)
        return {
          ok: false,
          entries: count,
          seq: expectedSeq,
          problem: `entry ${expectedSeq} is missing (next is ${e.seq})`,
        };
      if (e.prevHash !== prev)
        return {
          ok: false,
          entries: count,
          seq: e.seq,
          problem: `entry ${e.seq} does not link to the entry before it`,
        };
      if (hashEntry(prev, e) !== e.hash)
        return { ok: false, entries: count, seq: e.seq, problem: `entry ${e.seq} was changed after it was written` };
      if (e.seal && !sealIntact(e.seal))
        return {
          ok: false,
          entries: count,
          seq: e.seq,
          problem: `the sealed part of entry ${e.seq} was changed after it was written`,
        };
      prev = e.hash;
      expectedSeq += 1;
      return null;
    },
    finish(head: { seq: number; hash: string } | null): VerifyResult {
      const last = expectedSeq - 1;
      if ((head?.seq ?? 0) !== last || (head?.hash ?? GENESIS) !== prev) {
        return {
          ok: false,
          entries: count,
          seq: head?.seq ?? 0,
          problem:
            `the log ends at entry ${last} but its head records entry ` +
            `${head?.seq ?? 0}: entries were deleted or added outside the log`,
        };
      }
      return { ok: true, entries: count, head: prev };
    },
  };
}

export function verifyChain(entries: Iterable<AuditEntry>, head: { seq: number; hash: string } | null): VerifyResult {
  const verifier = chainVerifier();
  for (const e of entries) {
    const failure = verifier.add(e);
    if (failure) return failure;
  }
  return verifier.finish(head);
}

/**
 * An entry as the lead's audit API shows it: whether it has a sealed part and when that was erased,
 * never the part itself nor its salt. What a model was sent is shown through `/model-calls/:seq`,
 * which asks the policy first (a consent withdrawn since hides it).
 */
export type AuditEntryView = Omit<AuditEntry, 'seal'> & {
  /** The actor as people read it (a token's name and role); the actor itself when no name is known. */
  actorName: string;
  ticketId: string | null;
  sealed: 'held' | 'erased' | null;
  sealedErasedAt: string | null;
};

/** The ticket an entry is about, from its seal (entries written before tickets were sealed keep it in the payload). */
const ticketOf = (e: AuditEntry): string | null => {
  const t = e.seal?.value?.ticketId ?? e.payload.ticketId;
  return typeof t === 'string' ? t : null;
};

export function auditEntryView(entry: AuditEntry, nameOf: (actor: string) => string = (a) => a): AuditEntryView {
  const { seal, ...e } = entry;
  return {
    ...e,
    actorName: nameOf(e.actor),
    ticketId: ticketOf(entry),
    sealed: seal ? (seal.value ? 'held' : 'erased') : null,
    sealedErasedAt: seal?.erasedAt ?? null,
  };
}
