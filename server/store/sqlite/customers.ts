/** Customers, their opt-out/GPC flag history, the one-transaction snapshot the policy reads, and erasure. */
import type { Customer, CustomerFlags } from '../../protocol/domain.js';
import { foldFlags, sealedTicket, toCustomer, type CustomerRow } from '../rows.js';
import { fold } from '../../consent/ledger.js';
import type { ChangeMeta, CustomerErasure, Store, FlagKind } from '../types.js';
import { appendAudit, eraseSeals } from './audit.js';
import { flushErased, prepared, type Db } from './db.js';
import { readConsentRecords } from './consents.js';
import { readFacts } from './facts.js';
import { refuseErased } from './erased.js';
import { CONSENT_TEXTS, eraseCustomerStatements, scrubConsentRecords } from '../erased.js';

export function readFlags(db: Db, customerId: string): CustomerFlags {
  return foldFlags(prepared(db, 'SELECT kind FROM flag_events WHERE customer_id = ? ORDER BY seq').pluck().all(customerId) as FlagKind[]);
}

export function customerStore(db: Db): Store['customers'] {
  const byId = db.prepare('SELECT id, display_name, email FROM customers WHERE id = ?');
  const byEmail = db.prepare('SELECT id, display_name, email FROM customers WHERE email = ? COLLATE NOCASE');
  const erasedAtOf = db.prepare('SELECT erased_at FROM customers WHERE id = ?').pluck();
  const get = (id: string) => {
    const r = byId.get(id) as CustomerRow | undefined;
    return r ? toCustomer(r) : null;
  };

  const upsert = db.transaction((c: Customer, actor: string) => {
    const now = new Date().toISOString();
    const existed = byId.get(c.id) !== undefined;
    refuseErased(db, c.id, ['params', 'customerId']);
    db.prepare(
      `INSERT INTO customers (id, display_name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email, updated_at = excluded.updated_at`,
    ).run(c.id, c.displayName, c.email ?? null, now, now);
    appendAudit(db, [{ kind: 'customer.upserted', actor, customerId: c.id, payload: { created: !existed } }]);
    return existed ? 'updated' : 'created';
  });

  const snapshot = db.transaction((id: string) => {
    const customer = get(id);
    if (!customer) return null;
    const erasedAt = erasedAtOf.get(id) as string | null;
    return { customer, flags: readFlags(db, id), facts: readFacts(db, id), consents: fold(readConsentRecords(db, id)), erasedAt };
  });

  const erase = db.transaction((id: string, at: string, actor: string, channel: string): CustomerErasure | null => {
    const row = db.prepare('SELECT erased_at FROM customers WHERE id = ?').get(id) as { erased_at: string | null } | undefined;
    if (!row) return null;
    const recordings = db.prepare('SELECT recording_id FROM recording_owners WHERE customer_id = ? ORDER BY recording_id').pluck().all(id) as string[];
    if (row.erased_at) return { erasedAt: row.erased_at, factIds: [], recordings };
    const factIds = db.prepare('SELECT id FROM facts WHERE customer_id = ? AND erased_at IS NULL ORDER BY id').pluck().all(id) as string[];
    const consents = db.prepare(CONSENT_TEXTS).all(id) as Parameters<typeof scrubConsentRecords>[0];
    for (const [sql, params] of [...eraseCustomerStatements(id, at), ...scrubConsentRecords(consents)]) db.prepare(sql).run(...params);
    const sealedEntries = eraseSeals(db, id, at);
    appendAudit(db, [{ kind: 'customer.erased', actor, customerId: id, payload: { factIds, sealedEntries, recordings, channel } }]);
    return { erasedAt: at, factIds, recordings };
  });

  const recordFlag = db.transaction((id: string, kind: FlagKind, at: string, meta: ChangeMeta) => {
    db.prepare('INSERT INTO flag_events (customer_id, kind, at, actor, channel) VALUES (?, ?, ?, ?, ?)').run(id, kind, at, meta.actor, meta.channel);
    appendAudit(db, [{ kind: `customer.${kind}`, actor: meta.actor, customerId: id, payload: { channel: meta.channel, at }, ...sealedTicket(meta) }]);
    return readFlags(db, id);
  });

  return {
    async upsert(c, meta) {
      return upsert(c, meta.actor) as 'created' | 'updated';
    },
    async get(id) {
      return get(id);
    },
    async findByEmail(email) {
      const r = byEmail.get(email) as CustomerRow | undefined;
      return r ? toCustomer(r) : null;
    },
    async snapshot(id) {
      return snapshot(id);
    },
    async recordFlag(id, kind, at, meta) {
      return recordFlag(id, kind, at, meta);
    },
    async erase(id, at, meta) {
      const erasure = erase(id, at, meta.actor, meta.channel);
      // Always, not only when facts went: name, e-mail, outcome texts, consent sources and sealed
      // parts were rewritten too, and their old pages sit in the WAL, or in the database file
      // until the next checkpoint copies the new ones over them.
      if (erasure) flushErased(db);
      return erasure;
    },
  };
}
