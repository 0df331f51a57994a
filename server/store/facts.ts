/** Facts, ingested in batches in one transaction; erasure blanks text, value and source and keeps a tombstone. */
import type { Fact } from '../protocol/domain.js';
import { AppError } from '../errors.js';
import type { ChangeMeta, Store, StoredFact } from './types.js';
import { appendAudit, eraseSeals } from './audit.js';
import { refuseErased } from './erased.js';
import { placeholders, type Sql } from './sql.js';
import type { Vault } from '../keys/vault.js';

type Row = [
  id: string,
  category: string,
  text: string | null,
  valueJson: string | null,
  source: string,
  collectedAt: string,
  erasedAt: string | null,
];

/**
 * With encryption, a fact's text, value and source are sealed as one value, `[text, value, source]`, in `text`, with
 * `source` left empty (which a live fact's own never is): one AES-GCM operation a fact instead of three, to write and
 * to read. Rows sealed column by column (before this, or by `candor encrypt`) and plain rows are read as they are.
 */
const isOneValue = (text: string | null, source: string) => text !== null && source === '';
type Parts = [text: string, value: unknown, source: string];

/**
 * A customer's facts, erased ones as tombstones: read on every assist, as arrays (cheaper than objects). A fact whose
 * key was destroyed (a copy of the database from before the customer's erasure) reads as erased.
 */
export async function readFacts(q: Sql, vault: Vault, customerId: string): Promise<StoredFact[]> {
  const rows = await q.values<Row>(
    'SELECT id, category, text, value_json, source, collected_at, erased_at FROM facts WHERE customer_id = ?',
    [customerId],
  );
  const open = await vault.opener(rows.flatMap((r) => (isOneValue(r[2], r[4]) ? [r[2]] : [r[2], r[3], r[4]])));
  return rows.map(([id, category, sealedText, valueJson, source, collectedAt, erasedAt]) => {
    const text = sealedText === null ? null : open(sealedText);
    const shredded = sealedText !== null && text === null;
    if (isOneValue(sealedText, source) && !shredded) {
      const [t, value, s] = JSON.parse(text!) as Parts;
      return { id, category, text: t, value, source: s, collectedAt };
    }
    const value = valueJson === null || shredded ? null : open(valueJson);
    return {
      id,
      category,
      text: text ?? '',
      value: value ? JSON.parse(value) : null,
      source: shredded ? '' : (open(source) ?? ''),
      collectedAt,
      ...(erasedAt || shredded ? { erased: true } : {}),
    };
  });
}

/** What erasing facts leaves of them: id, category and times, as a tombstone. */
export const BLANK_FACT = "text = NULL, value_json = NULL, source = ''";

type Parted = Pick<Fact, 'text' | 'value' | 'source'>;
/** The one sealed value of a fact's text, value and source. */
export const sealFact = (seal: (plain: string) => string, f: Parted) =>
  seal(JSON.stringify([f.text, f.value ?? null, f.source] satisfies Parts));

/** A fact's text, value and source columns: one sealed value with encryption, plain without (for comparison only). */
const storedParts = (vault: Vault, seal: (plain: string) => string, f: Parted) =>
  vault.encrypting
    ? [sealFact(seal, f), null, '']
    : [f.text, f.value == null ? null : JSON.stringify(f.value), f.source];

const COLUMNS = ['customer_id', 'id', 'category', 'text', 'value_json', 'source', 'collected_at'];
const UPSERT = `ON CONFLICT (customer_id, id) DO UPDATE SET category = excluded.category, text = excluded.text,
  value_json = excluded.value_json, source = excluded.source, collected_at = excluded.collected_at`;

/** Which of these ids the customer has already, and when each was erased (read in chunks). */
async function existingOf(q: Sql, customerId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const ins = placeholders(chunk.length);
    const sql = `SELECT id, erased_at FROM facts WHERE customer_id = ? AND id IN (${ins})${q.forUpdate}`;
    for (const [id, erasedAt] of await q.values<[string, string | null]>(sql, [customerId, ...chunk]))
      found.set(id, erasedAt);
  }
  return found;
}

/**
 * Inside the caller's transaction, the one erasure of a fact: text, value and source go (and the sealed audit parts
 * that carried it); id, category and times stay as a tombstone. Null when there is no such fact; a fact erased before
 * is answered as it is. The caller uncaches the key and runs `afterErasure` once the transaction commits.
 */
export async function eraseFactIn(q: Sql, customerId: string, factId: string, at: string, meta: ChangeMeta) {
  const row = await q.one<{ category: string; erased_at: string | null }>(
    `SELECT category, erased_at FROM facts WHERE customer_id = ? AND id = ?${q.forUpdate}`,
    [customerId, factId],
  );
  if (!row) return null;
  if (!row.erased_at) {
    await q.run(`UPDATE facts SET ${BLANK_FACT}, erased_at = ? WHERE customer_id = ? AND id = ?`, [
      at,
      customerId,
      factId,
    ]);
    const sealedEntries = await eraseSeals(q, customerId, at, factId);
    await appendAudit(q, [
      {
        kind: 'fact.erased',
        actor: meta.actor,
        customerId,
        payload: { factId, category: row.category, sealedEntries, channel: meta.channel },
      },
    ]);
  }
  return { category: row.category };
}

/** Once a fact's erasure commits: the cached key goes, and the erased values' old pages are overwritten. */
export async function afterFactErased(sql: Sql, vault: Vault, customerId: string) {
  vault.uncache(customerId);
  await sql.afterErasure();
}

/** Inside the caller's transaction, the one write of facts (new or replacing), sealed when encrypting. */
export const writeFacts = (q: Sql, vault: Vault, seal: (plain: string) => string, customerId: string, facts: Fact[]) =>
  q.insertRows(
    'facts',
    COLUMNS,
    facts.map((f) => [customerId, f.id, f.category, ...storedParts(vault, seal, f), f.collectedAt]),
    UPSERT,
  );

/**
 * A fact an admin corrected on the customer's word stays corrected: a copy collected before the correction (a sync
 * from a source still holding the old value) may not replace it. One collected after it (the source corrected) may.
 */
async function refuseBeforeCorrection(q: Sql, customerId: string, facts: readonly Fact[]) {
  const rows = await q.all<{ fact_id: string; at: string }>(
    `SELECT fact_id, MAX(closed_at) AS at FROM fact_flags
     WHERE customer_id = ? AND resolution = 'corrected' AND fact_id IN (${placeholders(facts.length)})
     GROUP BY fact_id`,
    [customerId, ...facts.map((f) => f.id)],
  );
  const corrected = new Map(rows.map((r) => [r.fact_id, r.at]));
  const stale = facts.findIndex((f) => {
    const at = corrected.get(f.id);
    return at !== undefined && Date.parse(f.collectedAt) < Date.parse(at);
  });
  if (stale >= 0)
    throw new AppError(
      'fact_corrected',
      `fact ${facts[stale]!.id} was corrected at the customer's request on ${corrected.get(facts[stale]!.id)}; a ` +
        'copy collected before that cannot replace it: correct it at its source, then send it with a later collectedAt',
      409,
      ['facts', stale, 'collectedAt'],
    );
}

export function factStore(sql: Sql, vault: Vault): Store['facts'] {
  return {
    async upsertMany(customerId, facts: Fact[], meta) {
      // The key is kept before the rows that need it commit.
      const seal = await vault.sealer(customerId);
      return sql.tx(async (q) => {
        await refuseErased(q, customerId, ['params', 'customerId']);
        const existing = await existingOf(
          q,
          customerId,
          facts.map((f) => f.id),
        );
        // An erased fact stays erased: a sync job must not bring back what the customer had removed.
        const erased = facts.findIndex((f) => existing.get(f.id));
        if (erased >= 0)
          throw new AppError('fact_erased', `fact ${facts[erased]!.id} was erased and cannot be ingested again`, 409, [
            'facts',
            erased,
            'id',
          ]);
        await refuseBeforeCorrection(q, customerId, facts);
        await writeFacts(q, vault, seal, customerId, facts);
        const created = facts.filter((f) => !existing.has(f.id)).length;
        await appendAudit(q, [
          {
            kind: 'facts.ingested',
            actor: meta.actor,
            customerId,
            payload: { created, updated: facts.length - created, factIds: facts.map((f) => f.id) },
          },
        ]);
        return { created, updated: facts.length - created };
      });
    },
    async erase(customerId, factId, at, meta) {
      const erased = await sql.tx((q) => eraseFactIn(q, customerId, factId, at, meta));
      if (erased) await afterFactErased(sql, vault, customerId);
      return erased;
    },
  };
}
