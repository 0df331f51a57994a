/**
 * What changed in a customer's data between two snapshots, as the session format's events. A
 * panel's notice only says what kind of change happened ("facts.changed"); the snapshots say which
 * consent, which fact, and with what content.
 */
import type { ConsentState } from '../consent/ledger.js';
import type { Consent } from '../protocol/domain.js';
import type { SessionEvent } from '../protocol/session.js';
import type { CustomerSnapshot } from '../store/types.js';
import stringify from 'safe-stable-stringify';

/** A consent as the file holds it: its withdrawal is an event, not a field. */
export const plainConsent = ({ withdrawnAt: _withdrawn, ...k }: ConsentState): Consent => k;

const same = (a: unknown, b: unknown) => stringify(a) === stringify(b);

export function changesBetween(before: CustomerSnapshot, after: CustomerSnapshot, at: string): SessionEvent[] {
  const events: SessionEvent[] = [];
  const consents = new Map(before.consents.map((k) => [k.id, k]));
  for (const k of after.consents) {
    const was = consents.get(k.id);
    // A grant, a denial, or a re-grant after a withdrawal: the consent as it now stands replaces the old one.
    if (!was || !same(plainConsent(was), plainConsent(k)) || (was.withdrawnAt !== null && k.withdrawnAt === null)) {
      events.push({ role: 'event', type: 'consent.granted', consent: plainConsent(k), at });
    }
    if (k.withdrawnAt !== null && (!was || was.withdrawnAt === null))
      events.push({ role: 'event', type: 'consent.withdrawn', consentId: k.id, at: k.withdrawnAt });
  }
  // Lifting an opt-out has no event in the format: the replay stays with the stricter state.
  if (after.flags.optedOut && !before.flags.optedOut) events.push({ role: 'event', type: 'customer.opted_out', at });
  if (after.flags.gpc && !before.flags.gpc) events.push({ role: 'event', type: 'customer.gpc', at });
  const facts = new Map(before.facts.map((f) => [f.id, f]));
  for (const { erased, ...f } of after.facts) {
    const was = facts.get(f.id);
    if (erased) {
      if (was && !was.erased) events.push({ role: 'event', type: 'fact.erased', factId: f.id, at });
    } else if (!was || !same({ ...was, erased: undefined }, f)) {
      events.push({ role: 'event', type: 'fact.added', fact: f, at });
    }
  }
  return events;
}
