/**
 * Suggestion outcomes, which the team lead reads per template version: appended, except a rating,
 * which is one per agent and suggestion (a 👍 is kept at once; a reason or a changed mind edits it).
 */
import type { OutcomeRecord, Store } from './types.js';
import { whereOf, type Sql } from './sql.js';
import type { Vault } from '../keys/vault.js';

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

/** The edit and the reason are the customer's (masked, but still their conversation): sealed under their key. */
const opened = async (vault: Vault, rows: OutcomeRow[]) => {
  const open = await vault.opener(rows.flatMap((r) => [r.edit_text, r.reason]));
  return rows.map((r) =>
    toOutcome({
      ...r,
      edit_text: r.edit_text === null ? null : (open(r.edit_text) ?? ''),
      reason: r.reason === null ? null : open(r.reason),
    }),
  );
};

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

export function outcomeStore(sql: Sql, vault: Vault): Store['outcomes'] {
  return {
    async record(o) {
      const seal = await vault.sealer(o.customerId);
      const reason = o.reason === null ? null : seal(o.reason);
      if (o.action === 'rated') {
        const edited = await sql.one<OutcomeRow>(
          `UPDATE outcomes SET at = ?, rating = ?, reason = ?
           WHERE action = 'rated' AND actor = ? AND ticket_id = ? AND suggestion_id = ? RETURNING *`,
          [new Date().toISOString(), o.rating, reason, o.actor, o.ticketId, o.suggestionId],
        );
        if (edited) return (await opened(vault, [edited]))[0]!;
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
          o.edit ? seal(o.edit.text) : null,
          o.edit?.distance ?? null,
          o.rating,
          reason,
        ],
      );
      return (await opened(vault, [row!]))[0]!;
    },
    async list(f) {
      const { where, args } = whereOf([
        ['template_id = ?', f.templateId],
        ['at >= ?', f.since],
        ['at < ?', f.until],
      ]);
      return opened(
        vault,
        await sql.all<OutcomeRow>(`SELECT * FROM outcomes ${where} ORDER BY seq DESC LIMIT ?`, [
          ...args,
          f.limit ?? 1000,
        ]),
      );
    },
  };
}
