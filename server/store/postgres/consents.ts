/** The consent ledger in PostgreSQL: append-only records, each with its audit entry in one transaction. */
import { consentChange, INSERT_CONSENT, toHistoryEntry, type ConsentRow } from '../rows.js';
import type { Store } from '../types.js';
import { appendAudit } from './audit.js';
import { all, run, tx, type Pool } from './db.js';

export function consentStore(pool: Pool): Store['consents'] {
  return {
    async append(customerId, records, meta) {
      if (!records.length) return;
      await tx(pool, async (c) => {
        const recordedAt = new Date().toISOString();
        const changes = records.map((r) => consentChange(customerId, r, meta));
        for (const change of changes) await run(c, INSERT_CONSENT, [...change.row, recordedAt]);
        await appendAudit(c, changes.map((change) => change.audit));
      });
    },
    async history(customerId) {
      return (await all<ConsentRow>(pool, 'SELECT * FROM consent_records WHERE customer_id = ? ORDER BY seq', [customerId])).map(toHistoryEntry);
    },
  };
}
