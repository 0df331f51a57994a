/**
 * The consent ledger: append-only records, folded by consent/ledger.ts. Each record keeps who
 * asserted it and on what evidence; its audit entry names who, and seals the ticket it was said in
 * (erasure removes it; the chain keeps only a salted digest).
 */
import type { ConsentRecord } from '../consent/ledger.js';
import type { Consent, ConsentEvidence } from '../protocol/domain.js';
import type { ConsentHistoryEntry, ConsentMeta, Store } from './types.js';
import { appendAudit } from './audit.js';
import { ERASED_SOURCE, sealedTicket } from './erased.js';
import type { Sql } from './sql.js';

interface ConsentRow {
  seq: number;
  consent_id: string;
  kind: 'granted' | 'withdrawn';
  consent_json: string | null;
  at: string;
  actor: string;
  channel: string;
  evidence_json: string | null;
  recorded_at: string;
}

const toHistoryEntry = (r: ConsentRow): ConsentHistoryEntry => ({
  seq: r.seq,
  kind: r.kind,
  consentId: r.consent_id,
  consent: r.consent_json ? JSON.parse(r.consent_json) : null,
  at: r.at,
  actor: r.actor,
  channel: r.channel,
  evidence: r.evidence_json ? JSON.parse(r.evidence_json) : { by: 'system' },
  recordedAt: r.recorded_at,
});

/** A customer's records, oldest first, as the fold reads them. */
export async function readConsentRecords(q: Sql, customerId: string): Promise<ConsentRecord[]> {
  const rows = await q.values<[ConsentRow['kind'], string, string | null, string]>(
    'SELECT kind, consent_id, consent_json, at FROM consent_records WHERE customer_id = ? ORDER BY seq',
    [customerId],
  );
  return rows.map(([kind, consentId, json, at]) =>
    kind === 'granted' ? { kind, consent: JSON.parse(json!) as Consent } : { kind, consentId, at },
  );
}

/**
 * Inside an erasure: the records stay (they prove what was allowed, and when) without their free
 * text, the consent's source and the ticket it was relayed from.
 */
export async function scrubConsentRecords(q: Sql, customerId: string): Promise<void> {
  const rows = await q.all<Pick<ConsentRow, 'seq' | 'consent_json' | 'evidence_json'>>(
    'SELECT seq, consent_json, evidence_json FROM consent_records WHERE customer_id = ?',
    [customerId],
  );
  for (const r of rows) {
    const consent = r.consent_json ? JSON.stringify({ ...JSON.parse(r.consent_json), source: ERASED_SOURCE }) : null;
    const { ticketId: _ticket, ...evidence } = (
      r.evidence_json ? JSON.parse(r.evidence_json) : { by: 'system' }
    ) as ConsentEvidence;
    await q.run('UPDATE consent_records SET consent_json = ?, evidence_json = ? WHERE seq = ?', [
      consent,
      JSON.stringify(evidence),
      r.seq,
    ]);
  }
}

async function appendRecord(
  q: Sql,
  customerId: string,
  r: ConsentRecord,
  meta: ConsentMeta,
  recordedAt: string,
): Promise<void> {
  const evidence: ConsentEvidence = {
    by: meta.by,
    ...(meta.ticketId ? { ticketId: meta.ticketId } : {}),
    ...(meta.system ? { system: meta.system } : {}),
  };
  const said = { channel: meta.channel, by: meta.by, ...(meta.system ? { system: meta.system } : {}) };
  const [consentId, json, at] =
    r.kind === 'granted' ? [r.consent.id, JSON.stringify(r.consent), r.consent.at] : [r.consentId, null, r.at];
  await q.run(
    'INSERT INTO consent_records (customer_id, consent_id, kind, ' +
      'consent_json, at, actor, channel, evidence_json, recorded_at) VALUES ' +
      '(?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [customerId, consentId, r.kind, json, at, meta.actor, meta.channel, JSON.stringify(evidence), recordedAt],
  );
  const common = { actor: meta.actor, customerId, ...sealedTicket(meta) };
  if (r.kind === 'granted') {
    const k = r.consent;
    const kind = k.status === 'granted' ? 'consent.granted' : 'consent.withdrawn';
    await appendAudit(q, [
      {
        ...common,
        kind,
        payload: { consentId: k.id, status: k.status, purpose: k.purpose, categories: k.categories, ...said },
      },
    ]);
  } else {
    await appendAudit(q, [
      { ...common, kind: 'consent.withdrawn', payload: { consentId: r.consentId, at: r.at, ...said } },
    ]);
  }
}

export function consentStore(sql: Sql): Store['consents'] {
  return {
    async append(customerId, records, meta) {
      if (!records.length) return;
      const recordedAt = new Date().toISOString();
      await sql.tx(async (q) => {
        for (const r of records) await appendRecord(q, customerId, r, meta, recordedAt);
      });
    },
    async history(customerId) {
      return (
        await sql.all<ConsentRow>('SELECT * FROM consent_records WHERE customer_id = ? ORDER BY seq', [customerId])
      ).map(toHistoryEntry);
    },
  };
}
