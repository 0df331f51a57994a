/**
 * Suggestion outcomes, which the team lead reads per template version: appended, except a rating,
 * which is one per agent and suggestion (a 👍 is kept at once; a reason or a changed mind edits it).
 */
import type { OutcomeRecord, Store } from './types.js';
import { whereOf, type Sql } from './sql.js';

interface OutcomeRow {
  seq: number;
  at: string;
  actor: string;
  ticket_id: string;
  customer_id: string;
  suggestion_id: string;
  template_id: string;
  template_version: number;
  engine: OutcomeRecord['engine'];
  action: OutcomeRecord['action'];
  edit_text: string | null;
  edit_distance: number | null;
  rating: OutcomeRecord['rating'];
  reason: string | null;
}

const toOutcome = (r: OutcomeRow): OutcomeRecord => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  ticketId: r.ticket_id,
  customerId: r.customer_id,
  suggestionId: r.suggestion_id,
  template: { id: r.template_id, version: r.template_version },
  engine: r.engine,
  action: r.action,
  edit: r.edit_text === null ? null : { text: r.edit_text, distance: r.edit_distance ?? 0 },
  rating: r.rating,
  reason: r.reason,
});

export function outcomeStore(sql: Sql): Store['outcomes'] {
  return {
    async record(o) {
      if (o.action === 'rated') {
        const edited = await sql.one<OutcomeRow>(
          `UPDATE outcomes SET at = ?, rating = ?, reason = ?
           WHERE action = 'rated' AND actor = ? AND ticket_id = ? AND suggestion_id = ? RETURNING *`,
          [new Date().toISOString(), o.rating, o.reason, o.actor, o.ticketId, o.suggestionId],
        );
        if (edited) return toOutcome(edited);
      }
      const row = await sql.one<OutcomeRow>(
        `INSERT INTO outcomes (at, actor, ticket_id, customer_id, suggestion_id, template_id, template_version,
           engine, action,
           edit_text, edit_distance, rating, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [
          new Date().toISOString(),
          o.actor,
          o.ticketId,
          o.customerId,
          o.suggestionId,
          o.template.id,
          o.template.version,
          o.engine,
          o.action,
          o.edit?.text ?? null,
          o.edit?.distance ?? null,
          o.rating,
          o.reason,
        ],
      );
      return toOutcome(row!);
    },
    async list(f) {
      const { where, args } = whereOf([
        ['template_id = ?', f.templateId],
        ['at >= ?', f.since],
        ['at < ?', f.until],
      ]);
      return (
        await sql.all<OutcomeRow>(`SELECT * FROM outcomes ${where} ORDER BY seq DESC LIMIT ?`, [
          ...args,
          f.limit ?? 1000,
        ])
      ).map(toOutcome);
    },
  };
}
