/**
 * The audit log is append-only and hash-chained: each entry's hash covers the previous hash and
 * the entry's canonical JSON, so a changed, inserted or deleted entry breaks the chain. The payload
 * holds ids, counts and reasons. What may quote a customer (a prompt as sent to a model, masked) is
 * *sealed* apart: the chain covers only a salted hash of it, so erasing the sealed part and its
 * salt leaves a tombstone and a chain that still verifies, and the salt keeps the hash from being
 * guessed back into the value.
 */
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { freshBytes } from '../keys/random.js';

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
  const salt = freshBytes(32).toString('hex');
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

/**
 * What an `audit.checkpoint` entry says of the entries retention removed before it: the head they ended at (the last
 * one's seq, hash and time) and how many went. It is an entry of the chain like any other, so it cannot be changed
 * without breaking the chain; the entry after `throughSeq` must link to `throughHash`.
 */
export interface Checkpoint {
  throughSeq: number;
  throughHash: string;
  throughAt: string;
  removed: number;
}

export const CHECKPOINT_KIND = 'audit.checkpoint' satisfies AuditKind;

/** The checkpoint an entry carries, or null when it is not a well-formed checkpoint entry. */
export function checkpointOf(e: Pick<AuditEntry, 'kind' | 'payload'>): Checkpoint | null {
  if (e.kind !== CHECKPOINT_KIND) return null;
  const { throughSeq, throughHash, throughAt, removed } = e.payload;
  const ok =
    Number.isInteger(throughSeq) &&
    (throughSeq as number) >= 1 &&
    typeof throughHash === 'string' &&
    /^[0-9a-f]{64}$/.test(throughHash) &&
    typeof throughAt === 'string' &&
    Number.isInteger(removed);
  return ok ? ({ throughSeq, throughHash, throughAt, removed } as Checkpoint) : null;
}

/** The entry that replaces entries 1..`through.seq` (`removed` of them still there) when retention deletes them. */
export const checkpointDraft = (through: Pick<AuditEntry, 'seq' | 'hash' | 'at'>, removed: number): AuditDraft => ({
  kind: CHECKPOINT_KIND,
  actor: 'system',
  customerId: null,
  payload: { throughSeq: through.seq, throughHash: through.hash, throughAt: through.at, removed },
});

/** Where a pruned log starts: the checkpoint that vouches for the entries before it. */
export interface PrunedStart {
  firstSeq: number;
  checkpointSeq: number;
  throughAt: string;
}

export type VerifyResult =
  | { ok: true; entries: number; head: string; pruned?: PrunedStart }
  | { ok: false; entries: number; seq: number; problem: string };

/** An erased seal is a tombstone (nothing left to check); a present one must match its digest. */
const sealIntact = (s: Seal) =>
  s.value === null
    ? s.salt === null && s.erasedAt !== null
    : s.salt !== null && sealDigest(s.salt, s.value) === s.digest;

const broken = (entries: number, seq: number, problem: string): VerifyResult => ({ ok: false, entries, seq, problem });

/**
 * Checks entries one at a time, in seq order, so a long log can be read in pages: `add` answers
 * the first failure (null while all is well), `finish` checks the end against the head the store
 * keeps apart from the entries, which is what catches a deleted last entry.
 *
 * A log retention pruned starts after entry 1. `anchor` is the newest checkpoint entry in the log (the store reads it
 * first, since it comes after the entries it vouches for): the first entry must follow the entry it recorded and
 * link to its hash, or, while a prune is still deleting, the recorded entry must still be there with that hash.
 * `finish` then checks that the anchor was met in the chain, hash-checked, as its newest checkpoint.
 */
export function chainVerifier(anchor: { seq: number; checkpoint: Checkpoint } | null = null) {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  let firstSeq: number | null = null;
  /** While a prune is under way: the entry the anchor recorded, met later in the chain. */
  let recorded: { seq: number; hash: string } | null = null;
  let newest: { seq: number; checkpoint: Checkpoint } | null = null;

  function start(e: AuditEntry): VerifyResult | null {
    firstSeq = e.seq;
    expectedSeq = e.seq;
    const through = anchor?.checkpoint.throughSeq ?? 0;
    if (e.seq - 1 > through)
      return broken(
        1,
        through + 1,
        anchor
          ? `entries ${through + 1} to ${e.seq - 1} are missing: the newest checkpoint (entry ${anchor.seq}) ` +
              `records the removal of entries up to ${through} only`
          : `entries 1 to ${e.seq - 1} are missing and no checkpoint records their removal`,
      );
    // While a prune is deleting, the entries before the recorded one are going: that one, met below, vouches for them.
    if (anchor && e.seq - 1 < through) recorded = { seq: through, hash: anchor.checkpoint.throughHash };
    if (e.seq > 1) prev = e.seq - 1 === through ? anchor!.checkpoint.throughHash : e.prevHash;
    return null;
  }

  return {
    add(e: AuditEntry): VerifyResult | null {
      count += 1;
      if (firstSeq === null) {
        const failure = start(e);
        if (failure) return failure;
      }
      if (e.seq !== expectedSeq)
        return broken(count, expectedSeq, `entry ${expectedSeq} is missing (next is ${e.seq})`);
      if (e.prevHash !== prev)
        return broken(
          count,
          e.seq,
          e.seq === firstSeq && e.seq > 1
            ? `entry ${e.seq} does not link to the head the checkpoint (entry ${anchor!.seq}) recorded`
            : `entry ${e.seq} does not link to the entry before it`,
        );
      if (hashEntry(prev, e) !== e.hash) return broken(count, e.seq, `entry ${e.seq} was changed after it was written`);
      if (e.seal && !sealIntact(e.seal))
        return broken(count, e.seq, `the sealed part of entry ${e.seq} was changed after it was written`);
      if (recorded?.seq === e.seq && recorded.hash !== e.hash)
        return broken(count, e.seq, `entry ${e.seq} is not the one the checkpoint (entry ${anchor!.seq}) recorded`);
      if (e.kind === CHECKPOINT_KIND) {
        const checkpoint = checkpointOf(e);
        if (!checkpoint || checkpoint.throughSeq >= e.seq)
          return broken(count, e.seq, `checkpoint entry ${e.seq} does not name an earlier entry it replaces`);
        if (newest && checkpoint.throughSeq < newest.checkpoint.throughSeq)
          return broken(count, e.seq, `checkpoint entry ${e.seq} goes back before the checkpoint ${newest.seq}`);
        newest = { seq: e.seq, checkpoint };
      }
      prev = e.hash;
      expectedSeq += 1;
      return null;
    },
    finish(head: { seq: number; hash: string } | null): VerifyResult {
      const last = expectedSeq - 1;
      if ((head?.seq ?? 0) !== last || (head?.hash ?? GENESIS) !== prev) {
        return broken(
          count,
          head?.seq ?? 0,
          `the log ends at entry ${last} but its head records entry ` +
            `${head?.seq ?? 0}: entries were deleted or added outside the log`,
        );
      }
      if (anchor && (newest?.seq !== anchor.seq || stringify(newest.checkpoint) !== stringify(anchor.checkpoint)))
        return broken(count, anchor.seq, `the log starts from checkpoint ${anchor.seq}, which is not its newest`);
      if (!anchor || firstSeq === null) return { ok: true, entries: count, head: prev };
      return {
        ok: true,
        entries: count,
        head: prev,
        pruned: { firstSeq, checkpointSeq: anchor.seq, throughAt: anchor.checkpoint.throughAt },
      };
    },
  };
}

/** The newest checkpoint among entries in seq order, with its seq: the anchor `chainVerifier` starts from. */
export function newestCheckpoint(entries: readonly AuditEntry[]): { seq: number; checkpoint: Checkpoint } | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const checkpoint = checkpointOf(entries[i]!);
    if (checkpoint) return { seq: entries[i]!.seq, checkpoint };
  }
  return null;
}

export function verifyChain(entries: readonly AuditEntry[], head: { seq: number; hash: string } | null): VerifyResult {
  const verifier = chainVerifier(newestCheckpoint(entries));
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
