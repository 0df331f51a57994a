/**
 * What erasure removes and what stays of an erased customer, as statements both stores run (the
 * same SQL in SQLite and PostgreSQL), and the refusal to store anything new about them.
 */
import { AppError } from '../errors.js';

/** An erased customer keeps its id (consent records and audit entries point at it) and this name. */
export const ERASED_NAME = 'Erased customer';
/** What stands where a consent's free-text source was. */
export const ERASED_SOURCE = '(erased)';

export type Statement = readonly [sql: string, params: readonly unknown[]];

/** One fact's text, value and source go; id, category and times stay as a tombstone. */
export const eraseFactStatement = (customerId: string, factId: string, at: string): Statement => [
  "UPDATE facts SET text = NULL, value_json = NULL, source = '', erased_at = ? WHERE customer_id = ? AND id = ? AND erased_at IS NULL",
  [at, customerId, factId],
];

/**
 * Every value and free text tied to the customer outside the audit log and the consent ledger:
 * facts, name and e-mail, the edits, reasons and ticket ids of suggestion outcomes, portal links
 * and sessions. The edit size stays for the lead's figures.
 */
export const eraseCustomerStatements = (customerId: string, at: string): Statement[] => [
  ["UPDATE facts SET text = NULL, value_json = NULL, source = '', erased_at = COALESCE(erased_at, ?) WHERE customer_id = ?", [at, customerId]],
  ['UPDATE customers SET display_name = ?, email = NULL, erased_at = ?, updated_at = ? WHERE id = ?', [ERASED_NAME, at, at, customerId]],
  ["UPDATE outcomes SET edit_text = CASE WHEN edit_text IS NULL THEN NULL ELSE '' END, reason = NULL, ticket_id = '' WHERE customer_id = ?", [customerId]],
  ['DELETE FROM portal_sessions WHERE customer_id = ?', [customerId]],
  ['DELETE FROM portal_links WHERE customer_id = ?', [customerId]],
];

export const CONSENT_TEXTS = 'SELECT seq, consent_json, evidence_json FROM consent_records WHERE customer_id = ?';

/**
 * Consent records stay (they prove what was allowed, and when) without their free text: the
 * consent's source and the ticket it was relayed from.
 */
export function scrubConsentRecords(rows: readonly { seq: number; consent_json: string | null; evidence_json: string | null }[]): Statement[] {
  return rows.map((r) => {
    const consent = r.consent_json ? JSON.stringify({ ...JSON.parse(r.consent_json), source: ERASED_SOURCE }) : null;
    const { ticketId: _ticket, ...evidence } = r.evidence_json ? JSON.parse(r.evidence_json) : { by: 'system' };
    return ['UPDATE consent_records SET consent_json = ?, evidence_json = ? WHERE seq = ?', [consent, JSON.stringify(evidence), r.seq]] as const;
  });
}

// An erased customer stays erased: a sync job must not bring back what the customer had removed.
export const customerErased = (customerId: string, erasedAt: string, path: (string | number)[]) =>
  new AppError('customer_erased', `customer ${customerId} had their data erased on ${erasedAt}; nothing new is stored about them`, 409, path);
