/**
 * The retention periods as configured, per kind of record, and the cutoff each gives at a moment: records older than
 * it are due. A period of null is `forever`.
 */
import type { Config } from '../config.js';
import type { RetentionCutoffs, RetentionKind } from '../store/types.js';

export type RetentionDays = Record<RetentionKind, number | null>;

export const KINDS: readonly { kind: RetentionKind; label: string }[] = [
  { kind: 'audit', label: 'audit entries' },
  { kind: 'recordings', label: 'recordings' },
  { kind: 'outcomes', label: 'suggestion outcomes' },
  { kind: 'portal', label: 'expired portal links and sessions' },
];

export const retentionDays = (
  c: Pick<
    Config,
    | 'CANDOR_RETAIN_AUDIT_DAYS'
    | 'CANDOR_RETAIN_RECORDINGS_DAYS'
    | 'CANDOR_RETAIN_OUTCOMES_DAYS'
    | 'CANDOR_RETAIN_PORTAL_DAYS'
  >,
): RetentionDays => ({
  audit: c.CANDOR_RETAIN_AUDIT_DAYS,
  recordings: c.CANDOR_RETAIN_RECORDINGS_DAYS,
  outcomes: c.CANDOR_RETAIN_OUTCOMES_DAYS,
  portal: c.CANDOR_RETAIN_PORTAL_DAYS,
});

const DAY_MS = 86_400_000;

export function cutoffsAt(days: RetentionDays, now: number): RetentionCutoffs {
  const cutoffs: RetentionCutoffs = {};
  for (const { kind } of KINDS) {
    const d = days[kind];
    if (d !== null) cutoffs[kind] = new Date(now - d * DAY_MS).toISOString();
  }
  return cutoffs;
}
