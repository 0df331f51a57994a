/** Facts in PostgreSQL: batches in one transaction; erasure blanks text and value and keeps a tombstone. */
import { AppError } from '../../errors.js';
import type { Store } from '../types.js';
import { appendAudit, eraseSeals } from './audit.js';
import { all, one, run, tx, type Pool } from './db.js';
import { refuseErased } from './erased.js';
import { eraseFactStatement } from '../erased.js';

export function factStore(pool: Pool): Store['facts'] {
  return {
    async upsertMany(customerId, facts, meta) {
      return tx(pool, async (c) => {
        await refuseErased(c, customerId, ['params', 'customerId']);
        const ids = facts.map((f) => f.id);
        const existing = new Map((await all<{ id: string; erased_at: string | null }>(c, 'SELECT id, erased_at FROM facts WHERE customer_id = ? AND id = ANY(?) FOR UPDATE', [customerId, ids])).map((r) => [r.id, r.erased_at]));
        const erased = facts.findIndex((f) => existing.get(f.id));
        // An erased fact stays erased: a sync job must not bring back what the customer had removed.
        if (erased >= 0) throw new AppError('fact_erased', `fact ${facts[erased]!.id} was erased and cannot be ingested again`, 409, ['facts', erased, 'id']);
        // One statement for the batch: the rows travel as parallel arrays.
        await run(
          c,
          `INSERT INTO facts (customer_id, id, category, text, value_json, source, collected_at)
           SELECT ?, * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
           ON CONFLICT (customer_id, id) DO UPDATE SET category = excluded.category, text = excluded.text,
             value_json = excluded.value_json, source = excluded.source, collected_at = excluded.collected_at`,
          [customerId, ids, facts.map((f) => f.category), facts.map((f) => f.text), facts.map((f) => (f.value == null ? null : JSON.stringify(f.value))), facts.map((f) => f.source), facts.map((f) => f.collectedAt)],
        );
        const created = facts.filter((f) => !existing.has(f.id)).length;
        await appendAudit(c, [{ kind: 'facts.ingested', actor: meta.actor, customerId, payload: { created, updated: facts.length - created, factIds: ids } }]);
        return { created, updated: facts.length - created };
      });
    },
    async erase(customerId, factId, at, meta) {
      return tx(pool, async (c) => {
        const row = await one<{ category: string; erased_at: string | null }>(c, 'SELECT category, erased_at FROM facts WHERE customer_id = ? AND id = ? FOR UPDATE', [customerId, factId]);
        if (!row) return null;
        if (!row.erased_at) {
          await run(c, ...eraseFactStatement(customerId, factId, at));
          const sealedEntries = await eraseSeals(c, customerId, at, factId);
          await appendAudit(c, [{ kind: 'fact.erased', actor: meta.actor, customerId, payload: { factId, category: row.category, sealedEntries, channel: meta.channel } }]);
        }
        return { category: row.category };
      });
    },
  };
}
