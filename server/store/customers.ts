/** Customers, their opt-out/GPC flag history, the one-moment snapshot the policy reads, and erasure. */
import type { Customer, CustomerFlags } from '../protocol/domain.js';
import { fold } from '../consent/ledger.js';
import type { ChangeMeta, CustomerErasure, FlagKind, Store } from './types.js';
import { appendAudit, eraseSeals } from './audit.js';
import { readConsentRecords, scrubConsentRecords } from './consents.js';
import { BLANK_FACT, readFacts } from './facts.js';
import { ERASED_NAME, refuseErased, sealedTicket } from './erased.js';
import type { Sql } from './sql.js';
import type { Vault } from '../keys/vault.js';

export interface CustomerRow {
  id: string;
  display_name: string;
  email: string | null;
  erased_at: string | null;
}
/** A customer whose key was destroyed (a copy of the database from before their erasure) reads as erased. */
export async function toCustomer(vault: Vault, r: CustomerRow): Promise<Customer> {
  const open = await vault.opener([r.display_name, r.email]);
  const email = r.email === null ? null : open(r.email);
  return { id: r.id, displayName: open(r.display_name) ?? ERASED_NAME, ...(email ? { email } : {}) };
}

/** Folds a customer's flag events, oldest first: opt-out and opt-in toggle, GPC sticks. */
export function foldFlags(kinds: Iterable<FlagKind>): CustomerFlags {
  const flags = { optedOut: false, gpc: false };
  for (const kind of kinds) {
    if (kind === 'opted_out') flags.optedOut = true;
    if (kind === 'opted_in') flags.optedOut = false;
    if (kind === 'gpc') flags.gpc = true;
  }
  return flags;
}

const readFlags = async (q: Sql, id: string) =>
  foldFlags(
    (await q.values<[FlagKind]>('SELECT kind FROM flag_events WHERE customer_id = ? ORDER BY seq', [id])).map(
      ([kind]) => kind,
    ),
  );
export const CUSTOMER = 'SELECT id, display_name, email, erased_at FROM customers';

/**
 * Every value and free text tied to the customer outside the audit log and the consent ledger:
 * facts (text, value, source, and the groups their values are sealed in), name and e-mail, the edits, reasons and ticket ids of suggestion
 * outcomes, portal links and sessions, the notes of flagged facts. The edit size stays for the lead's figures.
 */
async function eraseValues(q: Sql, id: string, at: string): Promise<void> {
  await q.run(`UPDATE facts SET ${BLANK_FACT}, erased_at = COALESCE(erased_at, ?) WHERE customer_id = ?`, [at, id]);
  await q.run('DELETE FROM fact_seals WHERE customer_id = ?', [id]);
  await q.run(
    'UPDATE customers SET display_name = ?, email = NULL, email_index = NULL, erased_at = ?, updated_at = ? WHERE id = ?',
    [ERASED_NAME, at, at, id],
  );
  await q.run(
    'UPDATE outcomes SET edit_text = CASE WHEN edit_text IS NULL THEN NULL ' +
      "ELSE '' END, reason = NULL, ticket_id = '' WHERE customer_id = ?",
    [id],
  );
  await q.run('DELETE FROM portal_sessions WHERE customer_id = ?', [id]);
  await q.run('DELETE FROM portal_links WHERE customer_id = ?', [id]);
  // The customer's notes and the reasons told them go; open flags close with no resolution (nothing is left to fix).
  await q.run('UPDATE fact_flags SET note = NULL, reason = NULL WHERE customer_id = ?', [id]);
  await q.run(
    'UPDATE fact_flags SET closed_at = ? WHERE customer_id = ? AND withdrawn_at IS NULL AND closed_at IS NULL',
    [at, id],
  );
}

export function customerStore(sql: Sql, vault: Vault): Store['customers'] {
  return {
    async upsert(c, meta) {
      // The key is kept before the row that needs it commits.
      const seal = await vault.sealer(c.id);
      return sql.tx(async (q) => {
        // Locks the row (if any), so two upserts of one customer cannot both count as "created".
        const existed = (await q.one(`SELECT 1 FROM customers WHERE id = ?${q.forUpdate}`, [c.id])) !== undefined;
        await refuseErased(q, c.id, ['params', 'customerId']);
        const now = new Date().toISOString();
        await q.run(
          `INSERT INTO customers (id, display_name, email, email_index, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email,
             email_index = excluded.email_index, updated_at = excluded.updated_at`,
          [c.id, seal(c.displayName), c.email ? seal(c.email) : null, c.email ? vault.index(c.email) : null, now, now],
        );
        await appendAudit(q, [
          { kind: 'customer.upserted', actor: meta.actor, customerId: c.id, payload: { created: !existed } },
        ]);
        return existed ? 'updated' : 'created';
      });
    },
    async get(id) {
      const r = await sql.one<CustomerRow>(`${CUSTOMER} WHERE id = ?`, [id]);
      return r ? toCustomer(vault, r) : null;
    },
    async exists(id) {
      return (await sql.one('SELECT 1 FROM customers WHERE id = ?', [id])) !== undefined;
    },
    async findByEmail(email) {
      // The lower-cased address matches a row not yet converted by `candor encrypt` (its index is the address).
      const r = await sql.one<CustomerRow>(`${CUSTOMER} WHERE email_index IN (?, ?)`, [
        vault.index(email),
        email.toLowerCase(),
      ]);
      const found = r ? await toCustomer(vault, r) : null;
      // A customer whose key was destroyed (a copy from before their erasure) is no one's address any more.
      return found?.email ? found : null;
    },
    snapshot(id) {
      return sql.read(async (q) => {
        const row = await q.one<CustomerRow>(`${CUSTOMER} WHERE id = ?`, [id]);
        if (!row) return null;
        return {
          customer: await toCustomer(vault, row),
          flags: await readFlags(q, id),
          facts: await readFacts(q, vault, id),
          consents: fold(await readConsentRecords(q, vault, id)),
          erasedAt: row.erased_at,
        };
      });
    },
    recordFlag(id, kind, at, meta) {
      return sql.tx(async (q) => {
        await q.run('INSERT INTO flag_events (customer_id, kind, at, actor, channel) VALUES (?, ?, ?, ?, ?)', [
          id,
          kind,
          at,
          meta.actor,
          meta.channel,
        ]);
        await appendAudit(
          q,
          [
            {
              kind: `customer.${kind}`,
              actor: meta.actor,
              customerId: id,
              payload: { channel: meta.channel, at },
              ...sealedTicket(meta),
            },
          ],
          vault,
        );
        return readFlags(q, id);
      });
    },
    async erase(id, at, meta: ChangeMeta) {
      const erasure = await sql.tx(async (q): Promise<CustomerErasure | null> => {
        const row = await q.one<{ erased_at: string | null }>(
          `SELECT erased_at FROM customers WHERE id = ?${q.forUpdate}`,
          [id],
        );
        if (!row) return null;
        const recordings = (
          await q.values<[string]>(
            'SELECT recording_id FROM recording_owners WHERE customer_id = ? ORDER BY recording_id',
            [id],
          )
        ).map(([r]) => r);
        if (row.erased_at) return { erasedAt: row.erased_at, factIds: [], recordings };
        const factIds = (
          await q.values<[string]>('SELECT id FROM facts WHERE customer_id = ? AND erased_at IS NULL ORDER BY id', [id])
        ).map(([f]) => f);
        await eraseValues(q, id, at);
        await scrubConsentRecords(q, vault, id);
        const sealedEntries = await eraseSeals(q, id, at);
        await appendAudit(q, [
          {
            kind: 'customer.erased',
            actor: meta.actor,
            customerId: id,
            payload: { factIds, sealedEntries, recordings, channel: meta.channel },
          },
        ]);
        return { erasedAt: at, factIds, recordings };
      });
      if (!erasure) return null;
      // After the erasure commits, so a crash between the two leaves a key to destroy at the next start
      // (`shredErased`), never a key gone with the customer's values still held. Always, so a run cut short is
      // finished by running it again.
      await vault.shred([id]);
      // Always, not only when facts went: name, e-mail, outcome texts, consent sources and sealed
      // parts were rewritten too, and their old pages sit in the WAL, or in the database file.
      await sql.afterErasure();
      return erasure;
    },
  };
}
