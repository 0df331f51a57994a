/**
 * The benchmark's data set, generated from a seed so runs are comparable: `customers` customers
 * with `factsEach` facts and a consent for support each, plus one customer with 200 facts and 20
 * consents (the one the context figures are measured on). Loaded straight into a fresh Candor
 * SQLite file with bulk inserts (setting up is not what is measured, and a million single-row
 * transactions would take an hour); everything timed afterwards goes through the store's own code.
 * With encryption on, the file is encrypted with its key and the measured customer's values are sealed under their
 * data key, as the store seals them (a fact's text, value and source as one value); the other customers' values stay as
 * a plain data directory's would before
 * `candor encrypt` (a data key each would be 100,000 key-store commits), which the measured reads never touch.
 */
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { keysIn, openSqliteStore, type KeySettings } from '../server/store/index.js';
import { openKeys } from '../server/store/keys.js';
import { applyKey, DB_FILE } from '../server/store/sqlite.js';
import { seeded } from '../harness/seeded.js';

export const TARGET = 'c_target';
const PURPOSE = 'essential.service.operations.support';
const CATEGORIES = [
  'user.behavior.purchase_history',
  'user.behavior.browsing_history',
  'user.contact.email',
  'user.contact.phone_number',
  'user.contact.address.street',
  'user.contact.address.city',
  'user.device.ip_address',
  'user.demographic.age_range',
  'user.financial.bank_account',
  'user.authorization.credentials',
];
const PRODUCTS = [
  'Blender Pro 3000',
  'Kestrel kettle',
  'Trail Runner GTX shoes',
  'Desk lamp',
  'Yoga mat',
  'Garden hose',
  'Canvas tote bag',
  'Weekly bread box',
];
const AT = '2026-06-01T00:00:00.000Z';

function factRow(rnd: () => number, customer: string, i: number) {
  const category = CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]!;
  const order = 1000 + Math.floor(rnd() * 9000);
  const text = category.startsWith('user.behavior')
    ? `${PRODUCTS[Math.floor(rnd() * PRODUCTS.length)]}, order #${order}, delivered 14 Nov 2026`
    : `${category.split('.').at(-1)} value ${order}`;
  return [customer, `f${i}`, category, text, JSON.stringify({ order: String(order) }), 'orders', AT];
}

/** Creates the data directory's database and fills it; answers the number of facts written. */
export async function buildDataSet(
  dir: string,
  o: { customers: number; factsEach: number; seed?: number; progress?: (line: string) => void },
  keySettings: KeySettings = keysIn(dir),
): Promise<number> {
  await (await openSqliteStore(dir, keySettings)).close(); // the schema, by Candor's own migrations
  const keys = await openKeys(keySettings, true);
  const seal = await keys.vault.sealer(TARGET);
  await keys.vault.close();
  const db = new Database(path.join(dir, DB_FILE));
  if (keys.dbKey) applyKey(db, keys.dbKey.key);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // loading only; the server reopens it with synchronous=FULL
  const rnd = seeded(o.seed ?? 20261123);
  const customer = db.prepare(
    'INSERT INTO customers (id, display_name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const fact = db.prepare(
    'INSERT INTO facts (customer_id, id, category, text, value_json, ' +
      'source, collected_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const consent = db.prepare(
    'INSERT INTO consent_records (customer_id, consent_id, kind, ' +
      'consent_json, at, actor, channel, recorded_at) VALUES (?, ?, ' +
      "'granted', ?, ?, 'bench', 'bench', ?)",
  );
  const grant = (c: string, id: string, categories: string[], sealed = (v: string) => v) =>
    consent.run(
      c,
      id,
      sealed(JSON.stringify({ id, purpose: PURPOSE, categories, status: 'granted', at: AT, source: 'checkout' })),
      AT,
      AT,
    );
  let facts = 0;
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const id = `c_${String(n).padStart(7, '0')}`;
      customer.run(id, `Customer ${n}`, `customer${n}@example.org`, AT, AT);
      for (let i = 0; i < o.factsEach; i++) fact.run(...factRow(rnd, id, i));
      grant(id, 'k1', ['user.behavior', 'user.contact']);
      facts += o.factsEach;
    }
  });
  for (let n = 0; n < o.customers; n += 10_000) {
    batch(n, Math.min(o.customers, n + 10_000));
    o.progress?.(
      `data: ${Math.min(o.customers, n + 10_000).toLocaleString('en')}/${o.customers.toLocaleString('en')} customers`,
    );
  }
  const targetFacts = Array.from({ length: 200 }, (_, i) => {
    const [, id, category, text, value, source, collectedAt] = factRow(rnd, TARGET, i);
    return {
      id: id!,
      category: category!,
      text: text!,
      value: JSON.parse(value!),
      source: source!,
      collectedAt: collectedAt!,
    };
  });
  db.transaction(() => {
    customer.run(TARGET, seal('Dana Kowalski'), seal('dana@example.org'), AT, AT);
    for (let k = 0; k < 20; k++) grant(TARGET, `k${k}`, [CATEGORIES[k % CATEGORIES.length]!], seal);
  })();
  db.close();
  // The measured customer's facts are written as ingest writes them (sealed in groups when encrypting).
  const store = await openSqliteStore(dir, keySettings);
  await store.facts.upsertMany(TARGET, targetFacts, { actor: 'bench', channel: 'bench' });
  await store.close();
  return facts + 200;
}
