/**
 * One run of retention: what is older than its period goes, kind by kind, a batch at a time (the server answers
 * between batches), under the store's lease so two servers or a server and `candor retention run` never run at once.
 * The audit log loses a prefix behind a checkpoint entry, so its chain still verifies. Every run is audited with
 * counts per kind, never a value.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { deleteRecordings } from '../recorder/erase.js';
import type { RetentionCutoffs, RetentionKind, Store } from '../store/types.js';
import { cutoffsAt, KINDS, type RetentionDays } from './periods.js';

export interface RetentionDeps {
  store: Store;
  days: RetentionDays;
  /** Recording files live here; their copies in the gate suite are the lead's choice and stay. */
  recordingsDir: string;
  gateDir: string;
}

export type RetentionCounts = Record<RetentionKind, number>;
export type Progress = (p: { kind: RetentionKind; removed: number; due: number }) => void;

/** How long a holder keeps the lease without renewing it (it renews before every batch). */
const LEASE_MS = 10 * 60_000;
const none = (): RetentionCounts => ({ audit: 0, recordings: 0, outcomes: 0, portal: 0 });
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Pages of the recordings made before `before`: the ones with a gate copy keep their row, so the page moves on. */
async function* oldRecordings(store: Store, before: string) {
  for (let after = ''; ; ) {
    const ids = await store.retention.recordingsBefore(before, after);
    if (!ids.length) return;
    yield ids;
    after = ids.at(-1)!;
  }
}

const inGate = (deps: RetentionDeps, id: string) => existsSync(path.join(deps.gateDir, `${id}.json`));
/** A recording still has something to remove: its file, or its row when no gate copy needs it for erasure. */
const removable = (deps: RetentionDeps, id: string) =>
  existsSync(path.join(deps.recordingsDir, `${id}.json`)) || !inGate(deps, id);

/** What a run at `now` would remove, per kind, and the cutoffs it would use. */
export async function dueAt(deps: RetentionDeps, now: number) {
  const cutoffs = cutoffsAt(deps.days, now);
  const due = { ...(await deps.store.retention.due(cutoffs)), recordings: 0 };
  if (cutoffs.recordings)
    for await (const ids of oldRecordings(deps.store, cutoffs.recordings))
      due.recordings += ids.filter((id) => removable(deps, id)).length;
  return { cutoffs, due };
}

async function removeRecordings(deps: RetentionDeps, before: string, onBatch: (n: number) => void) {
  for await (const ids of oldRecordings(deps.store, before)) {
    const gone = ids.filter((id) => removable(deps, id));
    await deleteRecordings([deps.recordingsDir], gone);
    await deps.store.retention.forgetRecordings(gone.filter((id) => !inGate(deps, id)));
    onBatch(gone.length);
  }
}

/** Batches of `step` until one removes nothing. */
async function inBatches(step: () => Promise<number>, onBatch: (n: number) => void) {
  for (let n = await step(); n > 0; n = await step()) {
    onBatch(n);
    await nextTurn();
  }
}

export type RunResult =
  | { ran: true; removed: RetentionCounts; cutoffs: RetentionCutoffs; auditSeq: number }
  | { ran: false; reason: 'busy' };

export async function runRetention(
  deps: RetentionDeps,
  o: { now?: number; actor: string; trigger: 'schedule' | 'command'; progress?: Progress },
): Promise<RunResult> {
  const { store } = deps;
  const holder = randomBytes(8).toString('hex');
  const lease = () =>
    store.retention.lease(holder, new Date(Date.now() + LEASE_MS).toISOString(), new Date().toISOString());
  if (!(await lease())) return { ran: false, reason: 'busy' };
  try {
    const { cutoffs, due } = await dueAt(deps, o.now ?? Date.now());
    const removed = none();
    const counted = (kind: RetentionKind) => async (n: number) => {
      removed[kind] += n;
      o.progress?.({ kind, removed: removed[kind], due: Math.max(due[kind], removed[kind]) });
    };
    const renewed = (step: () => Promise<number>) => async () => ((await lease()) ? step() : 0);
    if (cutoffs.audit) {
      const through = await store.retention.checkpointAudit(cutoffs.audit);
      if (through !== null)
        await inBatches(
          renewed(() => store.retention.deleteAudit(through)),
          counted('audit'),
        );
    }
    if (cutoffs.recordings) await removeRecordings(deps, cutoffs.recordings, counted('recordings'));
    if (cutoffs.outcomes)
      await inBatches(
        renewed(() => store.retention.deleteOutcomes(cutoffs.outcomes!)),
        counted('outcomes'),
      );
    if (cutoffs.portal)
      await inBatches(
        renewed(() => store.retention.deletePortal(cutoffs.portal!)),
        counted('portal'),
      );
    const [auditSeq] = await store.audit.append([
      {
        kind: 'retention.applied',
        actor: o.actor,
        customerId: null,
        payload: {
          trigger: o.trigger,
          removed,
          days: Object.fromEntries(KINDS.map(({ kind }) => [kind, deps.days[kind] ?? 'forever'])),
          cutoffs,
        },
      },
    ]);
    return { ran: true, removed, cutoffs, auditSeq: auditSeq! };
  } finally {
    await store.retention.release(holder);
  }
}
