/** Suggestion outcomes in PostgreSQL: an append-only table the team lead reads per template version. */
import { outcomeWhere, toOutcome, type OutcomeRow } from '../rows.js';
import type { Store } from '../types.js';
import { all, one, type Pool } from './db.js';

export function outcomeStore(pool: Pool): Store['outcomes'] {
  return {
    async record(o) {
      const row = await one<OutcomeRow>(
        pool,
        `INSERT INTO outcomes (at, actor, ticket_id, customer_id, suggestion_id, template_id, template_version, engine, action, edit_text, edit_distance, rating, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [new Date().toISOString(), o.actor, o.ticketId, o.customerId, o.suggestionId, o.template.id, o.template.version, o.engine, o.action, o.edit?.text ?? null, o.edit?.distance ?? null, o.rating, o.reason],
      );
      return toOutcome(row!);
    },
    async list(f) {
      const { where, args } = outcomeWhere(f);
      return (await all<OutcomeRow>(pool, `SELECT * FROM outcomes ${where} ORDER BY seq DESC LIMIT ?`, [...args, f.limit ?? 1000])).map(toOutcome);
    },
  };
}
