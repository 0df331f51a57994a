/** Whose session each recording holds: the files are pseudonymised and cannot say, erasure needs to know. */
import type { Store } from './types.js';
import type { Sql } from './sql.js';

export function recordingStore(sql: Sql): Store['recordings'] {
  return {
    async own(recordingId, customerId) {
      await sql.run(
        'INSERT INTO recording_owners (recording_id, customer_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        [recordingId, customerId, new Date().toISOString()],
      );
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
