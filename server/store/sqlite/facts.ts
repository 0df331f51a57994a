/** Facts, ingested in batches; erasure blanks text and value and keeps a tombstone. */
import type { Fact } from '../../protocol/domain.js';
import type { StoredFact } from '../types.js';
import { FACT_COLUMNS } from '../rows.js';
import { AppError } from '../../errors.js';
import type { Store } from '../types.js';
import { appendAudit, eraseSeals } from './audit.js';
import { refuseErased } from './erased.js';
import { eraseFactStatement } from '../erased.js';
import { flushErased, prepared, type Db } from './db.js';

/** A fact row as an array, in the order FACTS_OF_CUSTOMER selects them: a customer's facts are read on every assist, and arrays cost less than objects. */
type Row = [id: string, category: string, text: string | null, valueJson: string | null, source: string, collectedAt: string, erasedAt: string | null];
const FACTS_OF_CUSTOMER = `SELECT ${FACT_COLUMNS} FROM facts WHERE customer_id = ?`;

export function readFacts(db: Db, customerId: string): StoredFact[] {
  const rows = prepared(db, FACTS_OF_CUSTOMER).raw(true).all(customerId) as Row[];
  return rows.map(([id, category, text, valueJson, source, collectedAt, erasedAt]) => ({
    id,
    category,
    text: text ?? '',
    value: valueJson ? JSON.parse(valueJson) : null,
    source,
    collectedAt,
    ...(erasedAt ? { erased: true } : {}),
  }));
}

export function factStore(db: Db): Store['facts'] {
  const find = db.prepare('SELECT erased_at FROM facts WHERE customer_id = ? AND id = ?');
  const upsert = db.prepare(
    `INSERT INTO facts (customer_id, id, category, text, value_json, source, collected_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (customer_id, id) DO UPDATE SET category = excluded.category, text = excluded.text,
       value_json = excluded.value_json, source = excluded.source, collected_at = excluded.collected_at`,
  );
  const upsertMany = db.transaction((customerId: string, facts: Fact[], actor: string) => {
    let created = 0;
    refuseErased(db, customerId, ['params', 'customerId']);
    facts.forEach((f, i) => {
      const existing = find.get(customerId, f.id) as { erased_at: string | null } | undefined;
      // An erased fact stays erased: a sync job must not bring back what the customer had removed.
      if (existing?.erased_at) throw new AppError('fact_erased', `fact ${f.id} was erased and cannot be ingested again`, 409, ['facts', i, 'id']);
      if (!existing) created += 1;
      upsert.run(customerId, f.id, f.category, f.text, f.value == null ? null : JSON.stringify(f.value), f.source, f.collectedAt);
    });
    appendAudit(db, [{ kind: 'facts.ingested', actor, customerId, payload: { created, updated: facts.length - created, factIds: facts.map((f) => f.id) } }]);
    return { created, updated: facts.length - created };
  });
  const erase = db.transaction((customerId: string, factId: string, at: string, actor: string, channel: string) => {
    const row = db.prepare('SELECT category, erased_at FROM facts WHERE customer_id = ? AND id = ?').get(customerId, factId) as { category: string; erased_at: string | null } | undefined;
    if (!row) return null;
    if (!row.erased_at) {
      const [sql, params] = eraseFactStatement(customerId, factId, at);
      db.prepare(sql).run(...params);
      const sealedEntries = eraseSeals(db, customerId, at, factId);
      appendAudit(db, [{ kind: 'fact.erased', actor, customerId, payload: { factId, category: row.category, sealedEntries, channel } }]);
    }
    return { category: row.category };
  });
  return {
    async upsertMany(customerId, facts, meta) {
      return upsertMany(customerId, facts, meta.actor);
    },
    async erase(customerId, factId, at, meta) {
      const erased = erase(customerId, factId, at, meta.actor, meta.channel);
      if (erased) flushErased(db);
      return erased;
    },
  };
}
