/** Customers, flags, the one-snapshot read the policy needs, and erasure, in PostgreSQL. */
import { fold } from '../../consent/ledger.js';
import { foldFlags, sealedTicket, toCustomer, toConsentRecord, toFact, FACT_COLUMNS, type ConsentRow, type CustomerRow, type FactRow } from '../rows.js';
import type { CustomerErasure, FlagKind, Store } from '../types.js';
import { CONSENT_TEXTS, eraseCustomerStatements, scrubConsentRecords } from '../erased.js';
import { appendAudit, eraseSeals } from './audit.js';
import { all, one, run, tx, type Pool, type Sql } from './db.js';
import { refuseErased } from './erased.js';

const readFlags = async (c: Sql, id: string) => foldFlags((await all<{ kind: FlagKind }>(c, 'SELECT kind FROM flag_events WHERE customer_id = ? ORDER BY seq', [id])).map((r) => r.kind));

export function customerStore(pool: Pool): Store['customers'] {
  const get = async (c: Sql, id: string) => {
    const r = await one<CustomerRow>(c, 'SELECT id, display_name, email FROM customers WHERE id = ?', [id]);
    return r ? toCustomer(r) : null;
  };
  return {
    async upsert(cu, meta) {
      return tx(pool, async (c) => {
        // Locks the row (if any), so two upserts of one customer cannot both count as "created".
        const existed = (await one(c, 'SELECT 1 FROM customers WHERE id = ? FOR UPDATE', [cu.id])) !== undefined;
        await refuseErased(c, cu.id, ['params', 'customerId']);
        const now = new Date().toISOString();
        await run(
          c,
          `INSERT INTO customers (id, display_name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email, updated_at = excluded.updated_at`,
          [cu.id, cu.displayName, cu.email ?? null, now, now],
        );
        await appendAudit(c, [{ kind: 'customer.upserted', actor: meta.actor, customerId: cu.id, payload: { created: !existed } }]);
        return existed ? 'updated' : 'created';
      });
    },
    async get(id) {
      return get(pool, id);
    },
    async findByEmail(email) {
      const r = await one<CustomerRow>(pool, 'SELECT id, display_name, email FROM customers WHERE lower(email) = lower(?)', [email]);
      return r ? toCustomer(r) : null;
    },
    async snapshot(id) {
      // One statement sees one snapshot of every table, in one round trip (no transaction needed).
      const row = await one<CustomerRow & { erased_at: string | null; facts: FactRow[]; consents: ConsentRow[]; flags: FlagKind[] }>(
        pool,
        `SELECT c.id, c.display_name, c.email, c.erased_at,
           (SELECT COALESCE(json_agg(f), '[]') FROM (SELECT ${FACT_COLUMNS} FROM facts WHERE customer_id = c.id) f) AS facts,
           (SELECT COALESCE(json_agg(k ORDER BY k.seq), '[]') FROM (SELECT seq, kind, consent_id, consent_json, at FROM consent_records WHERE customer_id = c.id) k) AS consents,
           (SELECT COALESCE(json_agg(e.kind ORDER BY e.seq), '[]') FROM flag_events e WHERE e.customer_id = c.id) AS flags
         FROM customers c WHERE c.id = ?`,
        [id],
      );
      if (!row) return null;
      return { customer: toCustomer(row), flags: foldFlags(row.flags), facts: row.facts.map(toFact), consents: fold(row.consents.map(toConsentRecord)), erasedAt: row.erased_at };
    },
    async recordFlag(id, kind, at, meta) {
      return tx(pool, async (c) => {
        await run(c, 'INSERT INTO flag_events (customer_id, kind, at, actor, channel) VALUES (?, ?, ?, ?, ?)', [id, kind, at, meta.actor, meta.channel]);
        await appendAudit(c, [{ kind: `customer.${kind}`, actor: meta.actor, customerId: id, payload: { channel: meta.channel, at }, ...sealedTicket(meta) }]);
        return readFlags(c, id);
      });
    },
    async erase(id, at, meta) {
      return tx(pool, async (c): Promise<CustomerErasure | null> => {
        const row = await one<{ erased_at: string | null }>(c, 'SELECT erased_at FROM customers WHERE id = ? FOR UPDATE', [id]);
        if (!row) return null;
        const recordings = (await all<{ recording_id: string }>(c, 'SELECT recording_id FROM recording_owners WHERE customer_id = ? ORDER BY recording_id', [id])).map((r) => r.recording_id);
        if (row.erased_at) return { erasedAt: row.erased_at, factIds: [], recordings };
        const factIds = (await all<{ id: string }>(c, 'SELECT id FROM facts WHERE customer_id = ? AND erased_at IS NULL ORDER BY id', [id])).map((r) => r.id);
        const consents = await all<Parameters<typeof scrubConsentRecords>[0][number]>(c, CONSENT_TEXTS, [id]);
        for (const [sql, params] of [...eraseCustomerStatements(id, at), ...scrubConsentRecords(consents)]) await run(c, sql, params);
        const sealedEntries = await eraseSeals(c, id, at);
        await appendAudit(c, [{ kind: 'customer.erased', actor: meta.actor, customerId: id, payload: { factIds, sealedEntries, recordings, channel: meta.channel } }]);
        return { erasedAt: at, factIds, recordings };
      });
    },
  };
}
