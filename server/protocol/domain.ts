/**
 * The domain records every boundary speaks: customers, facts, consents and the customer's flags.
 * These zod schemas are the single source of truth; types are inferred from them.
 * Keys are checked here for form only; whether a key is *known* depends on the organisation's
 * taxonomy and is checked by `taxonomy.checkKeys` right after parsing.
 */
import { z } from 'zod';

/** A fideslang-style key: lower-case segments joined by dots (`user.behavior.purchase_history`). */
export const TaxonomyKey = z
  .string()
  .max(200)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, {
    message: 'expected a dot-separated taxonomy key such as "user.behavior.purchase_history"',
  });

/** ISO 8601 date-time with an explicit offset; normalised to UTC `…Z` so strings compare in time order. */
export const Timestamp = z.iso
  .datetime({ offset: true, message: 'expected an ISO 8601 date-time with a time zone, e.g. "2026-03-01T00:00:00Z"' })
  .transform((s) => new Date(s).toISOString());

export const Id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:@-]*$/, { message: 'expected an id of letters, digits and _ . : @ -' });

export const Fact = z.strictObject({
  id: Id,
  category: TaxonomyKey,
  text: z.string().min(1).max(2000),
  value: z.record(z.string(), z.json()).nullable().optional(),
  source: z.string().min(1).max(100),
  collectedAt: Timestamp,
});
export type Fact = z.infer<typeof Fact>;

export const ConsentStatus = z.enum(['granted', 'denied']);

export const Consent = z.strictObject({
  id: Id,
  purpose: TaxonomyKey,
  categories: z.array(TaxonomyKey).min(1).max(100),
  status: ConsentStatus,
  at: Timestamp,
  expiresAt: Timestamp.nullable().optional(),
  source: z.string().min(1).max(100),
});
export type Consent = z.infer<typeof Consent>;

export const CustomerFlags = z.strictObject({
  optedOut: z.boolean().default(false),
  gpc: z.boolean().default(false),
});
export type CustomerFlags = z.infer<typeof CustomerFlags>;

export const Customer = z.strictObject({
  id: Id,
  displayName: z.string().min(1).max(200),
  email: z.email().max(320).optional(),
});
export type Customer = z.infer<typeof Customer>;

/** The fixed vocabulary for why a fact is withheld (DESIGN.md, "The consent policy"). */
export const WithheldReason = z.enum([
  'no_consent',
  'withdrawn',
  'expired',
  'needs_explicit_consent',
  'never_shown',
  'opted_out',
]);
export type WithheldReason = z.infer<typeof WithheldReason>;

/** A helpdesk's ticket id as the panel and the REST API name it. */
export const TicketId = z.string().min(1).max(200);

/**
 * Who asserted a consent change (DESIGN.md, "Authority"): the customer in the portal, an agent or
 * admin relaying what the customer said (in a ticket, when there is one), consents brought over
 * from another system (an import, naming it), or Candor itself.
 */
export const ConsentAuthority = z.enum(['customer', 'agent', 'admin', 'import', 'system']);
export type ConsentAuthority = z.infer<typeof ConsentAuthority>;

export const ConsentEvidence = z.strictObject({
  by: ConsentAuthority,
  /** The ticket in which the customer said so, for a relayed change. */
  ticketId: TicketId.optional(),
  /** The system an imported consent came from. */
  system: z.string().min(1).max(100).optional(),
});
export type ConsentEvidence = z.infer<typeof ConsentEvidence>;

/** Token roles; `privacy` is the privacy officer (breach reports), with no agent or lead powers. */
export const Role = z.enum(['agent', 'lead', 'admin', 'privacy']);
export type Role = z.infer<typeof Role>;
/** `GET /api/v1/me`: which token this is and its role (the options page's check, the panel's card). */
export const Me = z.object({ tokenId: z.string(), role: Role });

/** The agent team a token belongs to, for the reply coach's figures per team (README, "The reply coach"). */
export const TeamName = z
  .string({ message: 'expected a team name (text)' })
  .trim()
  .min(1, { message: 'expected a team name of 1 to 60 characters, not blank' })
  .max(60, { message: 'expected a team name of at most 60 characters' });

/** The languages a ticket may be in: suggestions, the guard's disclosure check and footnotes know these. */
export const Locale = z.enum(['en', 'de', 'fr', 'es', 'nl'], { message: 'expected one of en, de, fr, es, nl' });
export type Locale = z.infer<typeof Locale>;

/** One message of a ticket's conversation, as the helpdesk shows it. */
export const Message = z.strictObject({
  role: z.enum(['customer', 'agent']),
  text: z.string().max(20_000),
  at: Timestamp.optional(),
});
export type Message = z.infer<typeof Message>;
