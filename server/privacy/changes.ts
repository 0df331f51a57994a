/**
 * The customer-side changes — consent granted or withdrawn, opt-out, GPC, erasure — made the same
 * way whoever asks: the REST API (an agent or the helpdesk on the customer's behalf) or the
 * customer in the privacy portal. Each one commits with its audit entry, then reaches every open
 * panel through the same push, so a change in the portal shows in a panel as fast as one over REST.
 */
import type { Consent } from '../protocol/domain.js';
import type { ConsentState } from '../consent/ledger.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { Notice } from '../protocol/events.js';
import type { ChangeMeta, CustomerErasure, Store } from '../store/types.js';
import { consentNotice, erasureNotice, flagNotice } from '../realtime/notices.js';
import { deleteRecordings, scrubFacts } from '../recorder/erase.js';

export interface ChangeDeps {
  store: Store;
  taxonomy: Taxonomy;
  /** Recomputes and pushes the view of every open panel showing this customer (and tells the recorder). */
  notify(customerId: string, notice: Notice): Promise<void>;
  /** Ends the recorder's live sessions of an erased customer before their files are deleted. */
  forgetRecordings(customerId: string): Promise<void>;
  /** Folders holding recorded sessions on this server: the recordings and the gate suite. */
  recordingDirs: readonly string[];
}

export async function grantConsent(deps: ChangeDeps, customerId: string, consent: Consent, meta: ChangeMeta): Promise<void> {
  await deps.store.consents.append(customerId, { kind: 'granted', consent }, meta);
  const kind = consent.status === 'granted' ? 'consent.granted' : 'consent.withdrawn';
  await deps.notify(customerId, consentNotice(deps.taxonomy, kind, consent.categories, consent.at));
}

/** The consent as it stands after; an already withdrawn consent is answered as it is. */
export async function withdrawConsent(deps: ChangeDeps, customerId: string, current: ConsentState, at: string, meta: ChangeMeta): Promise<ConsentState> {
  if (current.withdrawnAt) return current;
  await deps.store.consents.append(customerId, { kind: 'withdrawn', consentId: current.id, at }, meta);
  await deps.notify(customerId, consentNotice(deps.taxonomy, 'consent.withdrawn', current.categories, at));
  return { ...current, withdrawnAt: at };
}

export async function recordFlag(deps: ChangeDeps, customerId: string, kind: 'opted_out' | 'opted_in' | 'gpc', meta: ChangeMeta) {
  const at = new Date().toISOString();
  const flags = await deps.store.customers.recordFlag(customerId, kind, at, meta);
  await deps.notify(customerId, flagNotice(`customer.${kind}`, at));
  return flags;
}

/** Null when there is no such fact. */
export async function eraseFact(deps: ChangeDeps, customerId: string, factId: string, meta: ChangeMeta) {
  const at = new Date().toISOString();
  const erased = await deps.store.facts.erase(customerId, factId, at, meta);
  if (!erased) return null;
  // The live recorder hears of it through the push; closed recordings are rewritten here.
  await deps.notify(customerId, erasureNotice(deps.taxonomy, erased.category, at));
  const files = await scrubFacts(deps.recordingDirs, await deps.store.recordings.ofCustomer(customerId), [factId]);
  return { ...erased, at, files };
}

/**
 * Erases the customer: the store first (one transaction: facts, name, e-mail, outcome texts, the
 * audit log's sealed parts), then their recorded sessions. Running it again finishes a run a crash
 * cut short. Null when there is no such customer.
 */
export async function eraseCustomer(deps: ChangeDeps, customerId: string, meta: ChangeMeta): Promise<(CustomerErasure & { files: string[] }) | null> {
  const erasure = await deps.store.customers.erase(customerId, new Date().toISOString(), meta);
  if (!erasure) return null;
  await deps.forgetRecordings(customerId);
  await deps.notify(customerId, { kind: 'customer.erased', at: erasure.erasedAt, text: "The customer's data was erased at their request" });
  const files = await deleteRecordings(deps.recordingDirs, erasure.recordings);
  return { ...erasure, files };
}
