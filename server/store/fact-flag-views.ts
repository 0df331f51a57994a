/**
 * Flagged facts as an admin reads them (across customers, with the customer's name, the fact as it stands and the
 * customer's note opened) and as the customer's portal reads their resolved ones. Withdrawn flags are listed in
 * neither; found by id, they read as open.
 */
import type { FactFlagView, Resolution } from '../protocol/fact-flags.js';
import type { Vault } from '../keys/vault.js';
import { CUSTOMER, type CustomerRow, toCustomer } from './customers.js';
import { readFacts } from './facts.js';
import { placeholders, type Sql } from './sql.js';
import type { FlagNote, ResolvedFlag, Store, StoredFact } from './types.js';

interface Row {
  id: string;
  customer_id: string;
  fact_id: string;
  request_id: string;
  note: string | null;
  flagged_at: string;
  closed_at: string | null;
  resolution: Resolution | null;
  reason: string | null;
}

/** A flag's note as sealed: `["what is wrong", "what it should say"]`. */
export function noteOf(plain: string | null): FlagNote | null {
  if (!plain) return null;
  const [wrong, shouldSay] = JSON.parse(plain) as [string, string];
  return { wrong, shouldSay: shouldSay ?? '' };
}

async function viewsOf(q: Sql, vault: Vault, rows: readonly Row[]): Promise<FactFlagView[]> {
  const ids = [...new Set(rows.map((r) => r.customer_id))];
  const names = new Map<string, string>();
  const facts = new Map<string, Map<string, StoredFact>>();
  if (ids.length) {
    const customers = await q.all<CustomerRow>(`${CUSTOMER} WHERE id IN (${placeholders(ids.length)})`, ids);
    for (const c of customers) names.set(c.id, (await toCustomer(vault, c)).displayName);
  }
  for (const id of ids) facts.set(id, new Map((await readFacts(q, vault, id)).map((f) => [f.id, f])));
  const open = await vault.opener(rows.flatMap((r) => [r.note, r.reason]));
  return rows.map((r) => {
    const f = facts.get(r.customer_id)?.get(r.fact_id);
    return {
      id: r.id,
      customerId: r.customer_id,
      customerName: names.get(r.customer_id) ?? r.customer_id,
      requestId: r.request_id,
      flaggedAt: r.flagged_at,
      note: noteOf(r.note === null ? null : open(r.note)),
      fact: {
        id: r.fact_id,
        category: f?.category ?? '',
        text: f?.erased ? '' : (f?.text ?? ''),
        value: f?.erased ? null : (f?.value ?? null),
        erased: f?.erased === true,
      },
      closedAt: r.closed_at,
      resolution: r.resolution,
      reason: r.reason === null ? null : open(r.reason),
    };
  });
}

const SELECT = 'SELECT * FROM fact_flags';

export function factFlagViews(sql: Sql, vault: Vault): Pick<Store['factFlags'], 'list' | 'find' | 'recent'> {
  return {
    list(f) {
      return sql.read(async (q) => {
        const status = f.status === 'open' ? 'closed_at IS NULL' : 'closed_at IS NOT NULL';
        const [request, args] = f.requestId === undefined ? ['', []] : [' AND request_id = ?', [f.requestId]];
        const where = `WHERE withdrawn_at IS NULL AND ${status}${request}`;
        return viewsOf(
          q,
          vault,
          await q.all<Row>(`${SELECT} ${where} ORDER BY flagged_at, customer_id, fact_id`, args),
        );
      });
    },
    find(flagId) {
      return sql.read(async (q) => {
        const rows = await q.all<Row>(`${SELECT} WHERE id = ?`, [flagId]);
        return (await viewsOf(q, vault, rows))[0] ?? null;
      });
    },
    async recent(customerId) {
      const rows = await sql.all<Row & { category: string }>(
        `SELECT fact_flags.*, facts.category FROM fact_flags
           JOIN facts ON facts.customer_id = fact_flags.customer_id AND facts.id = fact_flags.fact_id
         WHERE fact_flags.customer_id = ? AND resolution IS NOT NULL ORDER BY closed_at DESC, fact_flags.fact_id`,
        [customerId],
      );
      const open = await vault.opener(rows.map((r) => r.reason));
      return rows.map(
        (r): ResolvedFlag => ({
          id: r.id,
          factId: r.fact_id,
          category: r.category,
          resolution: r.resolution!,
          reason: r.reason === null ? null : open(r.reason),
          flaggedAt: r.flagged_at,
          closedAt: r.closed_at!,
        }),
      );
    },
  };
}
