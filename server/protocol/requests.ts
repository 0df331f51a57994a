/** Privacy requests recognised in a customer's message, and the register that tracks them to their deadline. */
import { z } from 'zod';
import { TicketId } from './domain.js';

export const REQUEST_KINDS = ['access', 'erasure', 'rectification', 'opt_out'] as const;
export const RequestKind = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKind>;

export const REQUEST_LANGS = ['en', 'de', 'fr', 'es', 'nl'] as const;
export const RequestLang = z.enum(REQUEST_LANGS);
export type RequestLang = z.infer<typeof RequestLang>;

/** One request found in a text: its kind, the language of the words that asked, and where they are. */
export const DetectedRequest = z.strictObject({
  kind: RequestKind,
  lang: RequestLang,
  evidence: z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) }),
});
export type DetectedRequest = z.infer<typeof DetectedRequest>;

export const REQUEST_STATUSES = ['open', 'fulfilled', 'refused'] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** The deadline rule a jurisdiction sets: GDPR one month from arrival (extendable), CCPA 45 days. */
export const DeadlineRule = z.enum(['gdpr', 'ccpa']);
export type DeadlineRule = z.infer<typeof DeadlineRule>;

/** Which rule `CANDOR_JURISDICTION` names (config.ts refuses one that names none). */
const GDPR = new Set(['EU', 'EEA', 'GDPR', 'UK', 'GB', 'CH', 'IS', 'LI', 'NO']);
const EU_MEMBERS = 'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');
const CCPA = new Set(['CCPA', 'CPRA', 'US-CA', 'CALIFORNIA']);

/** Null for a jurisdiction Candor knows no deadline for (the config names what it accepts). */
export function ruleOf(jurisdiction: string): DeadlineRule | null {
  const j = jurisdiction.trim().toUpperCase();
  if (GDPR.has(j) || EU_MEMBERS.includes(j)) return 'gdpr';
  return CCPA.has(j) ? 'ccpa' : null;
}

export const JURISDICTIONS_ACCEPTED =
  'EU, EEA, UK, GDPR or an EU/EEA country code such as DE (one month), or US-CA, CCPA (45 days)';

/** One entry of the register: what was asked in which ticket, when it arrived and when it is due. */
export const PrivacyRequest = z.strictObject({
  id: z.string(),
  kind: RequestKind,
  lang: RequestLang,
  /** Null once the customer's data was erased: the ticket id goes with it, the record of the request stays. */
  ticketId: z.string().nullable(),
  customerId: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  rule: DeadlineRule,
  status: RequestStatus,
  /** When it was fulfilled or refused. */
  closedAt: z.string().nullable(),
  /** How it was fulfilled ("export downloaded in the portal"), or why it was refused. */
  outcome: z.string().nullable(),
});
export type PrivacyRequest = z.infer<typeof PrivacyRequest>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** `GET /api/v1/privacy-requests?status=open&overdue=true`. */
export const PrivacyRequestQuery = z.strictObject({
  status: RequestStatus.optional(),
  overdue: flag.optional(),
});
export type PrivacyRequestQuery = z.infer<typeof PrivacyRequestQuery>;

/** `POST /api/v1/privacy-requests/:id/refusal`: a refusal always says why (the customer must be told). */
export const RequestRefusal = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, 'expected a reason of at least 10 characters, as the customer will be told it')
    .max(2000),
});
export type RequestRefusal = z.infer<typeof RequestRefusal>;

/** `request:opt-out`: record, with the ticket as evidence, the opt-out its customer asked for in it. */
export const RequestOptOut = z.strictObject({ ticketId: TicketId, requestId: z.string().min(1).max(100) });
export type RequestOptOut = z.infer<typeof RequestOptOut>;
