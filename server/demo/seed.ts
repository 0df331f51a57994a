/** Writes the demo customers, facts, consents and flags through the Store, as any other ingest would. */
import type { ConsentRecord } from '../consent/ledger.js';
import { Consent, Customer, Fact, Timestamp } from '../protocol/domain.js';
import type { ChangeMeta, Store } from '../store/types.js';
import { DEMO_CUSTOMERS } from './data.js';

const META: ChangeMeta = { actor: 'system', channel: 'demo' };

// Parsing normalises every time to `…000Z`, the form the rest of the store compares as strings.
function parseRecord(r: ConsentRecord): ConsentRecord {
  return r.kind === 'granted'
    ? { kind: 'granted', consent: Consent.parse(r.consent) }
    : { kind: 'withdrawn', consentId: r.consentId, at: Timestamp.parse(r.at) };
}

export async function seedDemo(store: Store): Promise<{ customers: number; facts: number }> {
  let facts = 0;
  for (const demo of DEMO_CUSTOMERS) {
    const customer = Customer.parse(demo.customer);
    await store.customers.upsert(customer, META);
    const written = await store.facts.upsertMany(
      customer.id,
      demo.facts.map((f) => Fact.parse(f)),
      META,
    );
    facts += written.created + written.updated;
    // The demo's consents and withdrawals happened before it began: brought over with their dates, as any import.
    await store.consents.append(customer.id, demo.consents.map(parseRecord), {
      ...META,
      by: 'import',
      system: 'the Candor demo data',
    });
    for (const flag of demo.flags ?? [])
      await store.customers.recordFlag(customer.id, flag.kind, Timestamp.parse(flag.at), META);
  }
  return { customers: DEMO_CUSTOMERS.length, facts };
}
