/**
 * What happened to consents, as dated events: granted, withdrawn (a withdrawal, or a denial replacing a live grant),
 * expired (its end date passed while it was granted). Read from the ledger in order, one consent of one customer at a
 * time, the way `consent/ledger.ts` folds it.
 */
import type { Consent } from '../protocol/domain.js';
import type { InsightEvents } from '../store/types.js';

export type ConsentChange = 'granted' | 'withdrawn' | 'expired';

export interface ConsentEvent {
  change: ConsentChange;
  customerId: string;
  at: string;
  purpose: string;
  categories: readonly string[];
}

interface State {
  consent: Consent;
  withdrawnAt: string | null;
}

const live = (s: State | undefined, at: string) =>
  s !== undefined &&
  s.consent.status === 'granted' &&
  (s.withdrawnAt === null || s.withdrawnAt > at) &&
  (!s.consent.expiresAt || s.consent.expiresAt > at);

/** When the consent expired before `until` (its replacement, or never), if it was still granted when it did. */
function expiry(s: State, until: string | null): string | null {
  const end = s.consent.expiresAt;
  if (s.consent.status !== 'granted' || !end || (until !== null && end > until)) return null;
  return s.withdrawnAt === null || s.withdrawnAt >= end ? end : null;
}

export function consentEvents(records: InsightEvents['consents']): ConsentEvent[] {
  const out: ConsentEvent[] = [];
  const states = new Map<string, State>();
  const emit = (change: ConsentChange, customerId: string, consent: Consent, at: string) =>
    out.push({ change, customerId, at, purpose: consent.purpose, categories: consent.categories });
  const expire = (customerId: string, s: State, until: string | null) => {
    const at = expiry(s, until);
    if (at) emit('expired', customerId, s.consent, at);
  };

  for (const { customerId, record } of records) {
    if (record.kind === 'granted') {
      const key = `${customerId}\u0000${record.consent.id}`;
      const before = states.get(key);
      const k = record.consent;
      if (before) expire(customerId, before, k.at);
      if (k.status === 'granted') emit('granted', customerId, k, k.at);
      else if (live(before, k.at)) emit('withdrawn', customerId, before!.consent, k.at);
      states.set(key, { consent: k, withdrawnAt: null });
    } else {
      const s = states.get(`${customerId}\u0000${record.consentId}`);
      if (!s || s.withdrawnAt !== null) continue;
      if (live(s, record.at)) emit('withdrawn', customerId, s.consent, record.at);
      s.withdrawnAt = record.at;
    }
  }
  for (const [key, s] of states) expire(key.slice(0, key.indexOf('\u0000')), s, null);
  return out;
}
