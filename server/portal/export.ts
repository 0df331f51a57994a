/**
 * "Download my data": one JSON document with what is held about the customer (every fact, with
 * whether agents see it and why), their consents and every change to them, their opt-out and GPC
 * state, their consent receipts, who their data goes to (with the tickets sent to each), and the
 * audit entries about them (with the prompts sent to a model on their behalf, masked, unless erased).
 */
import { auditEntryView } from '../audit/chain.js';
import type { Store, CustomerSnapshot } from '../store/types.js';
import type { Holdings } from './holdings.js';
import type { ConsentReceipt } from './receipts.js';
import type { RecipientShown } from './recipients.js';

export const EXPORT_FORMAT = 'candor.export/v1';

export async function exportFor(
  store: Store,
  snap: CustomerSnapshot,
  held: Holdings,
  receipts: ConsentReceipt[],
  recipients: readonly RecipientShown[],
) {
  const id = snap.customer.id;
  const audit = await store.audit.list({ customerId: id, limit: 100_000 });
  return {
    format: EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    customer: { ...snap.customer, erasedAt: snap.erasedAt },
    flags: snap.flags,
    facts: held.facts,
    erasedFacts: snap.facts
      .filter((f) => f.erased)
      .map((f) => ({ id: f.id, category: f.category, source: f.source, collectedAt: f.collectedAt })),
    consents: held.consents,
    consentHistory: await store.consents.history(id),
    receipts,
    recipients,
    // The customer's own copy carries what was sent to a model about them (masked), unless erased.
    audit: audit.reverse().map((e) => ({ ...auditEntryView(e), sealed: e.seal?.value ?? null })),
  };
}
