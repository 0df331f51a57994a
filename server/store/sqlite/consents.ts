/** The consent ledger in SQLite: append-only records, folded by consent/ledger.ts. */
import type { ConsentRecord } from '../../consent/ledger.js';
import type { Store } from '../types.js';
import { toConsentRecord, toHistoryEntry, type ConsentRow } from '../rows.js';
import { appendAudit } from './audit.js';
import { prepared, type Db } from './db.js';

export function readConsentRecords(db: Db, customerId: string): ConsentRecord[] {
  return (prepared(db, 'SELECT kind, consent_id, consent_json, at FROM consent_records WHERE customer_id = ? ORDER BY seq').all(customerId) as ConsentRow[]).map(toConsentRecord);
}

export function consentStore(db: Db): Store['consents'] {
  const insert = db.prepare('INSERT INTO consent_records (customer_id, consent_id, kind, consent_json, at, actor, channel, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const append = db.transaction((customerId: string, r: ConsentRecord, actor: string, channel: string) => {
    const recordedAt = new Date().toISOString();
    if (r.kind === 'granted') {
      const k = r.consent;
      insert.run(customerId, k.id, 'granted', JSON.stringify(k), k.at, actor, channel, recordedAt);
      const kind = k.status === 'granted' ? 'consent.granted' : 'consent.withdrawn';
      appendAudit(db, [{ kind, actor, customerId, payload: { consentId: k.id, status: k.status, purpose: k.purpose, categories: k.categories, channel } }]);
    } else {
      insert.run(customerId, r.consentId, 'withdrawn', null, r.at, actor, channel, recordedAt);
      appendAudit(db, [{ kind: 'consent.withdrawn', actor, customerId, payload: { consentId: r.consentId, at: r.at, channel } }]);
    }
  });
  return {
    async append(customerId, record, meta) {
      append(customerId, record, meta.actor, meta.channel);
    },
    async history(customerId) {
      return (db.prepare('SELECT * FROM consent_records WHERE customer_id = ? ORDER BY seq').all(customerId) as ConsentRow[]).map(toHistoryEntry);
    },
  };
}
