/**
 * `candor retention show` (what a run would remove now, per kind, and from when the audit log starts) and
 * `candor retention run` (removes it, in batches, with progress on stderr), from the server's machine: DATABASE_URL,
 * else CANDOR_DATA_DIR, and the CANDOR_RETAIN_* settings the server uses. A run is audited as `retention.applied` by
 * `cli`; it waits for nobody: when a server holds the lease, it says so and exits 1.
 */
import { parseConfig } from '../config.js';
import { openStore } from '../store/index.js';
import { formatDayAndTime } from '../dates.js';
import { KINDS, type RetentionDays } from '../retention/periods.js';
import { dueAt, runRetention } from '../retention/run.js';
import { retentionDepsOf } from '../retention/schedule.js';
import type { RetentionCutoffs, RetentionKind, Store } from '../store/types.js';
import { UsageError, type Io } from './io.js';

const n = (x: number) => x.toLocaleString('en');

/** "older than 365 days (before 5 December 2025 at 14:02 UTC)", or "kept forever". */
const period = (days: RetentionDays, cutoffs: RetentionCutoffs, kind: RetentionKind) =>
  cutoffs[kind] ? `older than ${n(days[kind]!)} days (before ${formatDayAndTime(cutoffs[kind])})` : 'kept forever';

async function startLine(store: Store): Promise<string> {
  const { audit } = await store.retention.oldest();
  if (!audit) return 'The audit log is empty.';
  return `The audit log starts at ${formatDayAndTime(audit.at)}${audit.pruned ? ' (older entries were removed by retention)' : ''}.`;
}

export async function retentionCommand(args: string[], io: Io): Promise<number> {
  if (args.length !== 1 || !['show', 'run'].includes(args[0]!))
    throw new UsageError('expected "retention show" or "retention run"');
  const config = parseConfig();
  const store = await openStore(config);
  const deps = retentionDepsOf(config, store);
  try {
    if (args[0] === 'show') {
      const { cutoffs, due } = await dueAt(deps, Date.now());
      io.out('What a retention run would remove now:');
      for (const { kind, label } of KINDS)
        io.out(`  ${label}: ${cutoffs[kind] ? n(due[kind]) : '-'}, ${period(deps.days, cutoffs, kind)}`);
      io.out(await startLine(store));
      return 0;
    }
    const r = await runRetention(deps, {
      actor: 'cli',
      trigger: 'command',
      progress: (p) => io.err(`  ${p.kind}: ${n(p.removed)} of ${n(p.due)} removed`),
    });
    if (!r.ran) {
      io.out('Another server or command is applying retention now; nothing was removed. Try again later.');
      return 1;
    }
    io.out('Retention applied:');
    for (const { kind, label } of KINDS)
      io.out(`  ${label}: ${removedLine(r.removed[kind], deps.days, r.cutoffs, kind)}`);
    io.out(await startLine(store));
    io.out(`Recorded in the audit log as entry ${r.auditSeq}.`);
    return 0;
  } finally {
    await store.close();
  }
}

const removedLine = (removed: number, days: RetentionDays, c: RetentionCutoffs, kind: RetentionKind) =>
  c[kind] ? `${n(removed)} removed, ${period(days, c, kind)}` : 'kept forever';
