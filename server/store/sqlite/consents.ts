/** The consent ledger in SQLite: append-only records, folded by consent/ledger.ts. */
import type { ConsentRecord } from '../../consent/ledger.js';
import type { Consent } from '../../protocol/domain.js';
import type { ConsentHistoryEntry, Store } from '../types.js';
import { appendAudit } from './audit.js';
import { prepared, type Db } from './db.js';

interface Row {
  seq: number;
  consent_id: string;
  kind: 'granted' | 'withdrawn';
  consent_json: string | null;
  at: string;
  actor: string;
  channel: string;
  recorded_at: string;
}

export function readConsentRecords(db: Db, customerId: string): ConsentRecord[] {
  const rows = prepared(db, 'SELECT kind, consent_id, consent_json, at FROM consent_records WHERE customer_id = ? ORDER BY seq').all(customerId) as Row[];
  return rows.map((r) =>
    r.kind === 'granted' ? { kind: 'granted', consent: JSON.parse(r.consent_json!) as Consent } : { kind: 'withdrawn', consentId: r.consent_id, at: r.at },
  );
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
      const rows = db.prepare('SELECT * FROM consent_records WHERE customer_id = ? ORDER BY seq').all(customerId) as Row[];
      return rows.map(
        (r): ConsentHistoryEntry => ({
          seq: r.seq,
          kind: r.kind,
          consentId: r.consent_id,
          consent: r.consent_json ? JSON.parse(r.consent_json) : null,
          at: r.at,
          actor: r.actor,
          channel: r.channel,
          recordedAt: r.recorded_at,
        }),
      );
    },
  };
}
