/** Customers, their opt-out/GPC flag history, and the one-transaction snapshot the policy reads. */
import type { Customer, CustomerFlags } from '../../protocol/domain.js';
import { fold } from '../../consent/ledger.js';
import type { Store, FlagKind } from '../types.js';
import { appendAudit } from './audit.js';
import type { Db } from './db.js';
import { readConsentRecords } from './consents.js';
import { readFacts } from './facts.js';

interface Row {
  id: string;
  display_name: string;
  email: string | null;
}

const toCustomer = (r: Row): Customer => ({ id: r.id, displayName: r.display_name, ...(r.email ? { email: r.email } : {}) });

export function readFlags(db: Db, customerId: string): CustomerFlags {
  const flags = { optedOut: false, gpc: false };
  for (const { kind } of db.prepare('SELECT kind FROM flag_events WHERE customer_id = ? ORDER BY seq').all(customerId) as { kind: FlagKind }[]) {
    if (kind === 'opted_out') flags.optedOut = true;
    if (kind === 'opted_in') flags.optedOut = false;
    if (kind === 'gpc') flags.gpc = true;
  }
  return flags;
}

export function customerStore(db: Db): Store['customers'] {
  const byId = db.prepare('SELECT id, display_name, email FROM customers WHERE id = ?');
  const byEmail = db.prepare('SELECT id, display_name, email FROM customers WHERE email = ? COLLATE NOCASE');
  const get = (id: string) => {
    const r = byId.get(id) as Row | undefined;
    return r ? toCustomer(r) : null;
  };

  const upsert = db.transaction((c: Customer, actor: string) => {
    const now = new Date().toISOString();
    const existed = byId.get(c.id) !== undefined;
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
    return { customer, flags: readFlags(db, id), facts: readFacts(db, id), consents: fold(readConsentRecords(db, id)) };
  });

  const recordFlag = db.transaction((id: string, kind: FlagKind, at: string, actor: string, channel: string) => {
    db.prepare('INSERT INTO flag_events (customer_id, kind, at, actor, channel) VALUES (?, ?, ?, ?, ?)').run(id, kind, at, actor, channel);
    appendAudit(db, [{ kind: `customer.${kind}`, actor, customerId: id, payload: { channel, at } }]);
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
      const r = byEmail.get(email) as Row | undefined;
      return r ? toCustomer(r) : null;
    },
    async snapshot(id) {
      return snapshot(id);
    },
    async recordFlag(id, kind, at, meta) {
      return recordFlag(id, kind, at, meta.actor, meta.channel);
    },
  };
}
