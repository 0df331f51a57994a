/** Whose session each recording holds: the files are pseudonymised and cannot say, erasure needs to know. */
import type { Store } from '../types.js';
import type { Db } from './db.js';

export function recordingStore(db: Db): Store['recordings'] {
  return {
    async own(recordingId, customerId) {
      db.prepare('INSERT OR IGNORE INTO recording_owners (recording_id, customer_id, created_at) VALUES (?, ?, ?)').run(recordingId, customerId, new Date().toISOString());
    },
    async ofCustomer(customerId) {
      return db.prepare('SELECT recording_id FROM recording_owners WHERE customer_id = ? ORDER BY recording_id').pluck().all(customerId) as string[];
    },
  };
}
