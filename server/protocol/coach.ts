/**
 * The reply coach (issue 19): the agent's own reply, checked before they send it, and what came of each flag.
 * A flag names what is wrong with one sentence; a sentence that holds a withheld value is named by where it is
 * in the agent's text, never quoted back, so no answer carries a withheld value.
 */
import { z } from 'zod';
import { TicketId, WithheldReason } from './domain.js';
import type { Cell } from './insights.js';

/** Characters of reply one check reads: a long e-mail, not a document. */
export const REPLY_TEXT_MAX = 10_000;

/** `reply:check`: the reply box's plain text, for a ticket open in this panel. */
export const ReplyCheckRequest = z.strictObject({
  ticketId: TicketId,
  text: z.string().min(1).max(REPLY_TEXT_MAX),
});
export type ReplyCheckRequest = z.infer<typeof ReplyCheckRequest>;

export const FLAG_KINDS = ['undisclosed_fact', 'withheld_value', 'raw_identifier'] as const;
export const FlagKind = z.enum(FLAG_KINDS);
export type FlagKind = z.infer<typeof FlagKind>;

/** The identifier types the masking detectors verify (check digits or allocation rules). */
export const IdentifierType = z.enum(['CARD', 'IBAN', 'SSN', 'NINO']);
export type IdentifierType = z.infer<typeof IdentifierType>;

export const ReplyFlag = z.strictObject({
  id: z.string(),
  kind: FlagKind,
  /** Where the sentence is in the checked text (UTF-16 offsets, end exclusive). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The agent's sentence as typed; null when it holds a withheld value (the panel has its own copy). */
  sentence: z.string().nullable(),
  /** The sentence rewritten to fix every flag on it; null when the sentence should go (a withheld value). */
  rephrasing: z.string().nullable(),
  /** The category in words: the shown fact used without saying so, or the withheld one. */
  categoryName: z.string().optional(),
  /** Why the withheld fact is withheld. */
  reason: WithheldReason.optional(),
  identifier: IdentifierType.optional(),
});
export type ReplyFlag = z.infer<typeof ReplyFlag>;

export const ReplyCheck = z.strictObject({
  ticketId: z.string(),
  sentences: z.number().int().nonnegative(),
  flags: z.array(ReplyFlag),
  /** Checks left for this ticket in the current hour. */
  checksLeft: z.number().int().nonnegative(),
});
export type ReplyCheck = z.infer<typeof ReplyCheck>;

/** `reply:flag`: the agent applied a flag's rephrasing (or removed its sentence), or ignored it. */
export const FlagOutcome = z.strictObject({
  ticketId: TicketId,
  flagId: z.string().min(1).max(64),
  action: z.enum(['applied', 'ignored']),
});
export type FlagOutcome = z.infer<typeof FlagOutcome>;

/**
 * `GET /coach/summary?period=`: the last 7, 30 or 90 server days (UTC, today counted), or all that was counted. Counts
 * kept before days were (the first days of the coach) are in `all` only.
 */
export const COACH_PERIODS = ['7d', '30d', '90d', 'all'] as const;
export type CoachPeriod = (typeof COACH_PERIODS)[number];
export const CoachQuery = z.strictObject({ period: z.enum(COACH_PERIODS).default('30d') });
export type CoachQuery = z.infer<typeof CoachQuery>;

/** Flags of one kind (or all kinds): raised, and what agents did with them. */
export interface CoachFlagCells {
  flagged: Cell;
  followed: Cell;
  ignored: Cell;
}

/** One agent team's figures, each from at least `minCell` agents (tokens) or suppressed; no agent is named. */
export interface CoachTeam {
  /** The team's name as given to its tokens; null for tokens without one. */
  team: string | null;
  /** In words: the name, or "No team". */
  label: string;
  /** Reply checks run. */
  checks: Cell;
  kinds: (CoachFlagCells & { kind: FlagKind; label: string })[];
  /** Every kind together: the sum of the kinds, the row's total that suppression keeps from giving a cell away. */
  all: CoachFlagCells;
}

export interface CoachReport {
  period: CoachPeriod;
  /** The first day counted (YYYY-MM-DD), null for all; the last is today, `until`. */
  from: string | null;
  until: string;
  /** A figure from fewer agents than this is suppressed. */
  minCell: number;
  teams: CoachTeam[];
}
