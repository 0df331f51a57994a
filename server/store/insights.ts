/**
 * The rows the insights are counted from: ids, kinds and times only (no fact, no text, no ticket). Written once over
 * `Sql`, so SQLite and PostgreSQL answer the same; the counting and the suppression happen above, in insights/.
 */
import type { InsightEvents, OutcomeRecord, Store } from './types.js';
import type { Sql } from './sql.js';
import type { Vault } from '../keys/vault.js';
import { grantOf } from './consents.js';

export function insightStore(sql: Sql, vault: Vault): Store['insights'] {
  return {
    events: (from, until) =>
      sql.read(async (q): Promise<InsightEvents> => {
        const consents = await q.values<[string, 'granted' | 'withdrawn', string, string | null, string]>(
          'SELECT customer_id, kind, consent_id, consent_json, at FROM consent_records WHERE at < ? ORDER BY seq',
          [until],
        );
        const flags = await q.values<[string, InsightEvents['flags'][number]['kind'], string, string]>(
          'SELECT customer_id, kind, at, actor FROM flag_events WHERE at >= ? AND at < ? ORDER BY seq',
          [from, until],
        );
        const erasures = await q.values<[string, string]>(
          'SELECT id, erased_at FROM customers WHERE erased_at >= ? AND erased_at < ?',
          [from, until],
        );
        const modelCalls = await q.values<[string, string]>(
          "SELECT customer_id, at FROM audit WHERE kind = 'model.called' AND at >= ? AND at < ?",
          [from, until],
        );
        const outcomes = await q.values<[string, string, OutcomeRecord['action'], OutcomeRecord['rating']]>(
          'SELECT customer_id, at, action, rating FROM outcomes WHERE at >= ? AND at < ?',
          [from, until],
        );
        const open = await vault.opener(consents.map((c) => c[3]));
        return {
          consents: consents.flatMap(([customerId, kind, consentId, json, at]): InsightEvents['consents'] => {
            if (kind !== 'granted') return [{ customerId, record: { kind, consentId, at } }];
            const consent = grantOf(json, open);
            return consent ? [{ customerId, record: { kind, consent } }] : [];
          }),
          flags: flags.map(([customerId, kind, at, actor]) => ({
            customerId,
            kind,
            at,
            byCustomer: actor === 'customer',
          })),
          erasures: erasures.map(([customerId, at]) => ({ customerId, at })),
          modelCalls: modelCalls.map(([customerId, at]) => ({ customerId, at })),
          outcomes: outcomes.map(([customerId, at, action, rating]) => ({ customerId, at, action, rating })),
        };
      }),
  };
}
