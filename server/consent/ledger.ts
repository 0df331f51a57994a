/**
 * The consent ledger is append-only: a grant, a denial or a withdrawal is a new record, never an
 * update. `fold` turns a customer's records, oldest first, into the consents as they stand, which
 * is what the policy reads. The store and the replay both fold with this one function.
 */
import type { Consent } from '../protocol/domain.js';

export type ConsentRecord =
  | { kind: 'granted'; consent: Consent }
  | { kind: 'withdrawn'; consentId: string; at: string };

export type ConsentState = Consent & { withdrawnAt: string | null };

export function fold(records: Iterable<ConsentRecord>): ConsentState[] {
  const byId = new Map<string, ConsentState>();
  for (const r of records) {
    if (r.kind === 'granted') {
      // A new grant replaces the consent and with it any earlier withdrawal.
      byId.set(r.consent.id, { ...r.consent, withdrawnAt: null });
    } else {
      // The earliest withdrawal counts: one dated later (or, before times were the server's, in the future) never
      // delays an earlier one.
      const current = byId.get(r.consentId);
      if (current && (current.withdrawnAt === null || r.at < current.withdrawnAt))
        byId.set(r.consentId, { ...current, withdrawnAt: r.at });
    }
  }
  return [...byId.values()];
}
