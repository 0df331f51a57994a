/**
 * Whose session each recording holds (the files are pseudonymised and cannot say, erasure needs to know), and the
 * files' text sealed under that customer's data key: a copy of a recording taken before their erasure opens to
 * nothing after it, as their values in the database do.
 */
import type { Vault } from '../keys/vault.js';
import type { Store } from './types.js';
import type { Sql } from './sql.js';

export function recordingStore(sql: Sql, vault: Vault): Store['recordings'] {
  return {
    sealing: vault.encrypting,
    async seal(customerId, text) {
      return (await vault.sealer(customerId))(text);
    },
    async open(sealed) {
      return (await vault.opener([sealed], false))(sealed);
    },
    async own(recordingId, customerId) {
      await sql.run(
        'INSERT INTO recording_owners (recording_id, customer_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        [recordingId, customerId, new Date().toISOString()],
      );
    },
    async owner(recordingId) {
      const row = await sql.one<{ customer_id: string }>(
        'SELECT customer_id FROM recording_owners WHERE recording_id = ?',
        [recordingId],
      );
      return row?.customer_id ?? null;
    },
    async ofCustomer(customerId) {
      return (
        await sql.values<[string]>(
          'SELECT recording_id FROM recording_owners WHERE customer_id = ? ORDER BY recording_id',
          [customerId],
        )
      ).map(([id]) => id);
    },
  };
}
