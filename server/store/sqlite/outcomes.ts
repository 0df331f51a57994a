/** Suggestion outcomes in SQLite: an append-only table the team lead reads per template version. */
import type { Store } from '../types.js';
import { outcomeWhere, toOutcome, type OutcomeRow } from '../rows.js';
import type { Db } from './db.js';

export function outcomeStore(db: Db): Store['outcomes'] {
  const insert = db.prepare(`INSERT INTO outcomes
    (at, actor, ticket_id, customer_id, suggestion_id, template_id, template_version, engine, action, edit_text, edit_distance, rating, reason)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`);
  return {
    async record(o) {
      const at = new Date().toISOString();
      const row = insert.get(at, o.actor, o.ticketId, o.customerId, o.suggestionId, o.template.id, o.template.version, o.engine, o.action,
        o.edit?.text ?? null, o.edit?.distance ?? null, o.rating, o.reason) as OutcomeRow;
      return toOutcome(row);
    },
    async list(f) {
      const { where, args } = outcomeWhere(f);
      const sql = `SELECT * FROM outcomes ${where} ORDER BY seq DESC LIMIT ?`;
      return (db.prepare(sql).all(...args, f.limit ?? 1000) as OutcomeRow[]).map(toOutcome);
    },
  };
}
