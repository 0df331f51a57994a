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
import type { Vault } from '../keys/vault.js';

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

/** A record whose key was destroyed (a copy of the database from before the erasure) keeps no consent or evidence. */
const toHistoryEntry = (r: ConsentRow, open: (stored: string) => string | null): ConsentHistoryEntry => {
  const consent = r.consent_json === null ? null : open(r.consent_json);
  const evidence = r.evidence_json === null ? null : open(r.evidence_json);
  return {
    seq: r.seq,
    kind: r.kind,
    consentId: r.consent_id,
    consent: consent ? JSON.parse(consent) : null,
    at: r.at,
    actor: r.actor,
    channel: r.channel,
    evidence: evidence ? JSON.parse(evidence) : { by: 'system' },
    recordedAt: r.recorded_at,
  };
};

/** A grant as the fold reads it, or null when its key was destroyed (no consent is read into what cannot be). */
export const grantOf = (json: string | null, open: (stored: string) => string | null): Consent | null => {
  const text = json === null ? null : open(json);
  return text === null ? null : (JSON.parse(text) as Consent);
};

/** A customer's records, oldest first, as the fold reads them. */
export async function readConsentRecords(q: Sql, vault: Vault, customerId: string): Promise<ConsentRecord[]> {
  const rows = await q.values<[ConsentRow['kind'], string, string | null, string]>(
    'SELECT kind, consent_id, consent_json, at FROM consent_records WHERE customer_id = ? ORDER BY seq',
    [customerId],
  );
  const open = await vault.opener(rows.map((r) => r[2]));
  return rows.flatMap(([kind, consentId, json, at]): ConsentRecord[] => {
    if (kind !== 'granted') return [{ kind, consentId, at }];
    const consent = grantOf(json, open);
    return consent ? [{ kind, consent }] : [];
  });
}

/**
 * Inside an erasure: the records stay (they prove what was allowed, and when) without their free
 * text, the consent's source and the ticket it was relayed from. They are written back in plain text: what is left
 * is no customer's value, and it must stay readable once the customer's key is destroyed.
 */
export async function scrubConsentRecords(q: Sql, vault: Vault, customerId: string): Promise<void> {
  const rows = await q.all<Pick<ConsentRow, 'seq' | 'consent_json' | 'evidence_json'>>(
    'SELECT seq, consent_json, evidence_json FROM consent_records WHERE customer_id = ?',
    [customerId],
  );
  const open = await vault.opener(rows.flatMap((r) => [r.consent_json, r.evidence_json]));
  for (const r of rows) {
    const held = grantOf(r.consent_json, open);
    const consent = held ? JSON.stringify({ ...held, source: ERASED_SOURCE }) : null;
    const heldEvidence = r.evidence_json === null ? null : open(r.evidence_json);
    const { ticketId: _ticket, ...evidence } = (
      heldEvidence ? JSON.parse(heldEvidence) : { by: 'system' }
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
  vault: Vault,
  seal: (plain: string) => string,
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
    [
      customerId,
      consentId,
      r.kind,
      json === null ? null : seal(json),
      at,
      meta.actor,
      meta.channel,
      seal(JSON.stringify(evidence)),
      recordedAt,
    ],
  );
  const common = { actor: meta.actor, customerId, ...sealedTicket(meta) };
  if (r.kind === 'granted') {
    const k = r.consent;
    const kind = k.status === 'granted' ? 'consent.granted' : 'consent.withdrawn';
    await appendAudit(
      q,
      [
        {
          ...common,
          kind,
          payload: { consentId: k.id, status: k.status, purpose: k.purpose, categories: k.categories, ...said },
        },
      ],
      vault,
    );
  } else {
    await appendAudit(
      q,
      [{ ...common, kind: 'consent.withdrawn', payload: { consentId: r.consentId, at: r.at, ...said } }],
      vault,
    );
  }
}

export function consentStore(sql: Sql, vault: Vault): Store['consents'] {
  return {
    async append(customerId, records, meta) {
      if (!records.length) return;
      const recordedAt = new Date().toISOString();
      const seal = await vault.sealer(customerId);
      await sql.tx(async (q) => {
        for (const r of records) await appendRecord(q, vault, seal, customerId, r, meta, recordedAt);
      });
    },
    async history(customerId) {
      const rows = await sql.all<ConsentRow>('SELECT * FROM consent_records WHERE customer_id = ? ORDER BY seq', [
        customerId,
      ]);
      const open = await vault.opener(rows.flatMap((r) => [r.consent_json, r.evidence_json]));
      return rows.map((r) => toHistoryEntry(r, open));
    },
  };
}
