/** Whose session each recording holds, in PostgreSQL. */
import type { Store } from '../types.js';
import { all, run, type Pool } from './db.js';

export function recordingStore(pool: Pool): Store['recordings'] {
  return {
    async own(recordingId, customerId) {
      await run(pool, 'INSERT INTO recording_owners (recording_id, customer_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [recordingId, customerId, new Date().toISOString()]);
    },
    async ofCustomer(customerId) {
      return (await all<{ recording_id: string }>(pool, 'SELECT recording_id FROM recording_owners WHERE customer_id = ? ORDER BY recording_id', [customerId])).map((r) => r.recording_id);
    },
  };
}
