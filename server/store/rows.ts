/**
 * Rows as both databases return them (the same tables and column names in SQLite and PostgreSQL),
 * and the records the `Store` interface answers with. One mapping, so the two stores cannot drift.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../audit/chain.js';
import type { ConsentRecord } from '../consent/ledger.js';
import type { StoredFact } from './types.js';
import type { Consent, ConsentEvidence, Customer, CustomerFlags, Role } from '../protocol/domain.js';
import type { ConsentHistoryEntry, ConsentMeta, FlagKind, OutcomeRecord, TokenRecord } from './types.js';

export interface CustomerRow {
  id: string;
  display_name: string;
  email: string | null;
}
export const toCustomer = (r: CustomerRow): Customer => ({ id: r.id, displayName: r.display_name, ...(r.email ? { email: r.email } : {}) });

/** Folds a customer's flag events, oldest first: opt-out and opt-in toggle, GPC sticks. */
export function foldFlags(kinds: Iterable<FlagKind>): CustomerFlags {
  const flags = { optedOut: false, gpc: false };
  for (const kind of kinds) {
    if (kind === 'opted_out') flags.optedOut = true;
    if (kind === 'opted_in') flags.optedOut = false;
    if (kind === 'gpc') flags.gpc = true;
  }
  return flags;
}

export interface FactRow {
  id: string;
  category: string;
  text: string | null;
  value_json: string | null;
  source: string;
  collected_at: string;
  erased_at: string | null;
}
export const FACT_COLUMNS = 'id, category, text, value_json, source, collected_at, erased_at';
export const toFact = (r: FactRow): StoredFact => ({
  id: r.id,
  category: r.category,
  text: r.text ?? '',
  value: r.value_json ? JSON.parse(r.value_json) : null,
  source: r.source,
  collectedAt: r.collected_at,
  ...(r.erased_at ? { erased: true } : {}),
});

export interface ConsentRow {
  seq: number;
  consent_id: string;
  kind: 'granted' | 'withdrawn';
  consent_json: string | null;
  at: string;
  actor: string;
  channel: string;
  evidence_json: string | null;
  recorded_at: string;
}
export const toConsentRecord = (r: Pick<ConsentRow, 'kind' | 'consent_id' | 'consent_json' | 'at'>): ConsentRecord =>
  r.kind === 'granted' ? { kind: 'granted', consent: JSON.parse(r.consent_json!) as Consent } : { kind: 'withdrawn', consentId: r.consent_id, at: r.at };
export const toHistoryEntry = (r: ConsentRow): ConsentHistoryEntry => ({
  seq: r.seq,
  kind: r.kind,
  consentId: r.consent_id,
  consent: r.consent_json ? JSON.parse(r.consent_json) : null,
  at: r.at,
  actor: r.actor,
  channel: r.channel,
  evidence: r.evidence_json ? JSON.parse(r.evidence_json) : { by: 'system' },
  recordedAt: r.recorded_at,
});

/** The evidence a consent record keeps: who asserted it, the ticket, the system it was imported from. */
export const evidenceOf = (meta: ConsentMeta): ConsentEvidence => ({ by: meta.by, ...(meta.ticketId ? { ticketId: meta.ticketId } : {}), ...(meta.system ? { system: meta.system } : {}) });

/**
 * A consent change's row and audit entry, the same in both stores: the entry names who asserted it,
 * and seals the ticket it was said in (erasure removes it; the chain keeps only a salted digest).
 */
export function consentChange(customerId: string, r: ConsentRecord, meta: ConsentMeta) {
  const evidence = evidenceOf(meta);
  const common = { actor: meta.actor, customerId, ...sealedTicket(meta) };
  const said = { channel: meta.channel, by: meta.by, ...(meta.system ? { system: meta.system } : {}) };
  if (r.kind === 'granted') {
    const k = r.consent;
    return {
      row: [customerId, k.id, 'granted', JSON.stringify(k), k.at, meta.actor, meta.channel, JSON.stringify(evidence)] as const,
      audit: { ...common, kind: k.status === 'granted' ? ('consent.granted' as const) : ('consent.withdrawn' as const), payload: { consentId: k.id, status: k.status, purpose: k.purpose, categories: k.categories, ...said } },
    };
  }
  return {
    row: [customerId, r.consentId, 'withdrawn', null, r.at, meta.actor, meta.channel, JSON.stringify(evidence)] as const,
    audit: { ...common, kind: 'consent.withdrawn' as const, payload: { consentId: r.consentId, at: r.at, ...said } },
  };
}

/** A ticket id ties an entry to the helpdesk's copy of the conversation: sealed, so erasure can remove it. */
export const sealedTicket = (meta: { ticketId?: string | undefined }) => (meta.ticketId ? { sealed: { ticketId: meta.ticketId } } : {});
export const INSERT_CONSENT = 'INSERT INTO consent_records (customer_id, consent_id, kind, consent_json, at, actor, channel, evidence_json, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

export interface TokenRow {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}
export const TOKEN_COLUMNS = 'id, name, role, created_at, revoked_at';
export const toToken = (r: TokenRow): TokenRecord => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at });
/** Tokens are high-entropy, so a plain SHA-256 is enough (no slow hash). */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface OutcomeRow {
  seq: number;
  at: string;
  actor: string;
  ticket_id: string;
  customer_id: string;
  suggestion_id: string;
  template_id: string;
  template_version: number;
  engine: OutcomeRecord['engine'];
  action: OutcomeRecord['action'];
  edit_text: string | null;
  edit_distance: number | null;
  rating: OutcomeRecord['rating'];
  reason: string | null;
}
export const toOutcome = (r: OutcomeRow): OutcomeRecord => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  ticketId: r.ticket_id,
  customerId: r.customer_id,
  suggestionId: r.suggestion_id,
  template: { id: r.template_id, version: r.template_version },
  engine: r.engine,
  action: r.action,
  edit: r.edit_text === null ? null : { text: r.edit_text, distance: r.edit_distance ?? 0 },
  rating: r.rating,
  reason: r.reason,
});

export interface AuditRow {
  seq: number;
  at: string;
  kind: string;
  actor: string;
  customer_id: string | null;
  payload_json: string;
  seal_digest: string | null;
  seal_salt: string | null;
  sealed_json: string | null;
  sealed_erased_at: string | null;
  prev_hash: string;
  hash: string;
}
export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  kind: r.kind as AuditEntry['kind'],
  actor: r.actor,
  customerId: r.customer_id,
  payload: JSON.parse(r.payload_json),
  seal: r.seal_digest ? { digest: r.seal_digest, salt: r.seal_salt, value: r.sealed_json ? JSON.parse(r.sealed_json) : null, erasedAt: r.sealed_erased_at } : null,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Template versions' columns under the record's own names: rows come out as `TemplateVersionRecord`s. */
export const TEMPLATE_COLUMNS = `template_id AS "templateId", version, file, source, author, message, diff, rolled_back_from AS "rolledBackFrom", created_at AS "createdAt"`;

/** The `WHERE` of an outcome listing, with `?` placeholders (PostgreSQL numbers them). */
export function outcomeWhere(f: { templateId?: string; since?: string; until?: string }): { where: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.templateId) where.push('template_id = ?'), args.push(f.templateId);
  if (f.since) where.push('at >= ?'), args.push(f.since);
  if (f.until) where.push('at < ?'), args.push(f.until);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

/** The `WHERE` of an audit listing, with `?` placeholders (PostgreSQL numbers them). */
export function auditWhere(f: { customerId?: string; actor?: string; kind?: string; since?: string; until?: string }): { where: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.customerId) where.push('customer_id = ?'), args.push(f.customerId);
  if (f.actor) where.push('actor = ?'), args.push(f.actor);
  if (f.kind) where.push('kind = ?'), args.push(f.kind);
  if (f.since) where.push('at >= ?'), args.push(f.since);
  if (f.until) where.push('at <= ?'), args.push(f.until);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}
