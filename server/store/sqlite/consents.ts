/** The consent ledger in SQLite: append-only records, folded by consent/ledger.ts. */
import type { ConsentRecord } from '../../consent/ledger.js';
import type { ConsentMeta, Store } from '../types.js';
import { consentChange, INSERT_CONSENT, toConsentRecord, toHistoryEntry, type ConsentRow } from '../rows.js';
import { appendAudit } from './audit.js';
import { prepared, type Db } from './db.js';

export function readConsentRecords(db: Db, customerId: string): ConsentRecord[] {
  return (prepared(db, 'SELECT kind, consent_id, consent_json, at FROM consent_records WHERE customer_id = ? ORDER BY seq').all(customerId) as ConsentRow[]).map(toConsentRecord);
}

export function consentStore(db: Db): Store['consents'] {
  const insert = db.prepare(INSERT_CONSENT);
  const append = db.transaction((customerId: string, records: readonly ConsentRecord[], meta: ConsentMeta) => {
    const recordedAt = new Date().toISOString();
    const changes = records.map((r) => consentChange(customerId, r, meta));
    for (const change of changes) insert.run(...change.row, recordedAt);
    appendAudit(db, changes.map((change) => change.audit));
  });
  return {
    async append(customerId, records, meta) {
      if (records.length) append(customerId, records, meta);
    },
    async history(customerId) {
      return (db.prepare('SELECT * FROM consent_records WHERE customer_id = ? ORDER BY seq').all(customerId) as ConsentRow[]).map(toHistoryEntry);
    },
  };
}
