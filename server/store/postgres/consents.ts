/** The consent ledger in PostgreSQL: append-only records, each with its audit entry in one transaction. */
import { toHistoryEntry, type ConsentRow } from '../rows.js';
import type { Store } from '../types.js';
import { appendAudit } from './audit.js';
import { all, run, tx, type Pool } from './db.js';

const INSERT = 'INSERT INTO consent_records (customer_id, consent_id, kind, consent_json, at, actor, channel, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

export function consentStore(pool: Pool): Store['consents'] {
  return {
    async append(customerId, r, { actor, channel }) {
      await tx(pool, async (c) => {
        const recordedAt = new Date().toISOString();
        if (r.kind === 'granted') {
          const k = r.consent;
          await run(c, INSERT, [customerId, k.id, 'granted', JSON.stringify(k), k.at, actor, channel, recordedAt]);
          const kind = k.status === 'granted' ? 'consent.granted' : 'consent.withdrawn';
          await appendAudit(c, [{ kind, actor, customerId, payload: { consentId: k.id, status: k.status, purpose: k.purpose, categories: k.categories, channel } }]);
        } else {
          await run(c, INSERT, [customerId, r.consentId, 'withdrawn', null, r.at, actor, channel, recordedAt]);
          await appendAudit(c, [{ kind: 'consent.withdrawn', actor, customerId, payload: { consentId: r.consentId, at: r.at, channel } }]);
        }
      });
    },
    async history(customerId) {
      return (await all<ConsentRow>(pool, 'SELECT * FROM consent_records WHERE customer_id = ? ORDER BY seq', [customerId])).map(toHistoryEntry);
    },
  };
}
