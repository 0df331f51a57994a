/** Suggestion outcomes in SQLite: an append-only table the team lead reads per template version. */
import type { OutcomeRecord, Store } from '../types.js';
import type { Db } from './db.js';

interface Row {
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

const toRecord = (r: Row): OutcomeRecord => ({
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

export function outcomeStore(db: Db): Store['outcomes'] {
  const insert = db.prepare(`INSERT INTO outcomes
    (at, actor, ticket_id, customer_id, suggestion_id, template_id, template_version, engine, action, edit_text, edit_distance, rating, reason)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`);
  return {
    async record(o) {
      const at = new Date().toISOString();
      const row = insert.get(at, o.actor, o.ticketId, o.customerId, o.suggestionId, o.template.id, o.template.version, o.engine, o.action,
        o.edit?.text ?? null, o.edit?.distance ?? null, o.rating, o.reason) as Row;
      return toRecord(row);
    },
    async list(f) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (f.templateId) where.push('template_id = ?'), args.push(f.templateId);
      if (f.since) where.push('at >= ?'), args.push(f.since);
      if (f.until) where.push('at < ?'), args.push(f.until);
      const sql = `SELECT * FROM outcomes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
      return (db.prepare(sql).all(...args, f.limit ?? 1000) as Row[]).map(toRecord);
    },
  };
}
