/**
 * A breach report (`POST /api/v1/breach-reports`, `candor breach report`): the compromised principal — a token by
 * its id (revoked ones too) or an actor as the audit log records it — and the window to search. What it answers holds
 * ids, categories, counts and times, never a fact's text or value.
 */
import { z } from 'zod';
import { Id, Timestamp } from './domain.js';

export const BreachBody = z
  .strictObject({
    /** A token's id (`tok_…`): its actor in the log is its role and id. */
    tokenId: Id.optional(),
    /** An actor exactly as the audit log records it (`agent:tok_…`, `cli`). */
    actor: z.string().min(1).max(200).optional(),
    from: Timestamp,
    /** The server's now when absent. */
    until: Timestamp.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.tokenId === undefined && b.actor === undefined)
      ctx.addIssue({ code: 'custom', path: ['tokenId'], message: 'name the compromised token (or give actor)' });
    if (b.tokenId !== undefined && b.actor !== undefined)
      ctx.addIssue({ code: 'custom', path: ['actor'], message: 'give tokenId or actor, not both' });
  });
export type BreachBody = z.infer<typeof BreachBody>;

/** What the principal was given of one category of a customer's facts in the window. */
export interface BreachCategory {
  /** Null for facts no longer on record. */
  category: string | null;
  categoryName: string;
  /** Distinct facts. */
  facts: number;
  /** Views (tickets opened or refreshed) that showed them. */
  shown: number;
  /** Model calls that carried them. */
  sentToModel: number;
  first: string;
  last: string;
}

export interface BreachCustomer {
  customerId: string;
  /** An erased customer is listed with counts only: no name, no categories. */
  erased: boolean;
  displayName: string | null;
  facts: number;
  shown: number;
  sentToModel: number;
  first: string;
  last: string;
  categories: BreachCategory[];
}

export interface BreachReport {
  subject: { actor: string; tokenId: string | null; name: string | null; revokedAt: string | null };
  window: { from: string; until: string };
  /** The server's time the report was made: the 72-hour clock (GDPR Art. 33) starts here. */
  detectedAt: string;
  deadline: string;
  /** The deadline in words, as of `detectedAt`. */
  timeLeft: string;
  customers: BreachCustomer[];
  /** One draft per affected customer still held (none for erased ones): text to review, never sent by Candor. */
  notices: { customerId: string; text: string }[];
  /** The template the drafts came from; null when none is published (no drafts then). */
  noticeTemplate: { id: string; version: number } | null;
  /**
   * When retention pruned the audit log: the time its oldest entry left was written. Nothing before it can be
   * counted, so a window that starts earlier may miss views. Null when the log was never pruned.
   */
  logStartsAt: string | null;
  /** The report's own audit entry. */
  auditSeq: number;
}
