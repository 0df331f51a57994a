/** Facts, ingested in batches in one transaction; erasure blanks text, value and source and keeps a tombstone. */
import { randomBytes } from 'node:crypto';
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
type Parts = [text: string, value: unknown, source: string];
type Seal = (plain: string) => string;

/**
 * With encryption, the facts of one write are sealed together, up to GROUP_SIZE a group: one AES-GCM operation per
 * group instead of one per fact, which would cost more than the rest of an ingest. The group, a sealed array of
 * `[text, value, source]` (null where a fact was erased or replaced since), is a row of `fact_seals`; each fact's
 * `text` names its place in it, `cg1:<group>:<index>`, with `source` left empty (which a live fact's own never is).
 * Erasing or replacing a fact seals its group again without it, so its value leaves the database with it.
 * Rows sealed one by one (`[text, value, source]` in `text`, from before groups) and column by column (`candor
 * encrypt`), and plain rows, are read as they are.
 */
export const FACT_GROUP_PREFIX = 'cg1:';
const GROUP_SIZE = 64;
const isOneValue = (text: string | null, source: string) => text !== null && source === '';
const groupPlace = (text: string | null, source: string): [group: string, index: number] | null => {
  if (!isOneValue(text, source) || !text!.startsWith(FACT_GROUP_PREFIX)) return null;
  const at = text!.lastIndexOf(':');
  return [text!.slice(FACT_GROUP_PREFIX.length, at), Number(text!.slice(at + 1))];
};

/** A customer's fact groups (all of them, or these), opened: null for a group whose key was destroyed. */
async function readGroups(q: Sql, vault: Vault, customerId: string, ids: ReadonlySet<string> | 'all', lock = '') {
  const groups = new Map<string, (Parts | null)[] | null>();
  if (ids !== 'all' && !ids.size) return groups;
  const rows = await q.values<[string, string]>(
    ids === 'all'
      ? 'SELECT id, sealed FROM fact_seals WHERE customer_id = ?'
      : `SELECT id, sealed FROM fact_seals WHERE customer_id = ? AND id IN (${placeholders(ids.size)})${lock}`,
    ids === 'all' ? [customerId] : [customerId, ...ids],
  );
  const open = await vault.opener(rows.map((r) => r[1]));
  for (const [id, sealed] of rows) {
    const plain = open(sealed);
    groups.set(id, plain === null ? null : (JSON.parse(plain) as (Parts | null)[]));
  }
  return groups;
}

/**
 * A customer's facts, erased ones as tombstones: read on every assist, as arrays (cheaper than objects). A fact whose
 * key was destroyed (a copy of the database from before the customer's erasure) reads as erased.
 */
export async function readFacts(q: Sql, vault: Vault, customerId: string): Promise<StoredFact[]> {
  const rows = await q.values<Row>(
    'SELECT id, category, text, value_json, source, collected_at, erased_at FROM facts WHERE customer_id = ?',
    [customerId],
  );
  const groups = rows.some((r) => groupPlace(r[2], r[4]))
    ? await readGroups(q, vault, customerId, 'all')
    : new Map<string, (Parts | null)[] | null>();
  const open = await vault.opener(
    rows.flatMap((r) => (groupPlace(r[2], r[4]) ? [] : isOneValue(r[2], r[4]) ? [r[2]] : [r[2], r[3], r[4]])),
  );
  return rows.map(([id, category, sealedText, valueJson, source, collectedAt, erasedAt]) => {
    const place = groupPlace(sealedText, source);
    // A group read as missing or without this fact was sealed again since the row was read: nothing to show.
    const parts = place ? (groups.get(place[0])?.[place[1]] ?? null) : undefined;
    if (parts) return { id, category, text: parts[0], value: parts[1], source: parts[2], collectedAt };
    const text = place || sealedText === null ? null : open(sealedText);
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

const COLUMNS = ['customer_id', 'id', 'category', 'text', 'value_json', 'source', 'collected_at'];
const UPSERT = `ON CONFLICT (customer_id, id) DO UPDATE SET category = excluded.category, text = excluded.text,
  value_json = excluded.value_json, source = excluded.source, collected_at = excluded.collected_at`;

interface Existing {
  erasedAt: string | null;
  /** Where in a group its value is sealed, when it is. */
  place: [group: string, index: number] | null;
}

/** Which of these ids the customer has already: when each was erased, where its value is sealed (read in chunks). */
export async function existingOf(q: Sql, customerId: string, ids: readonly string[]): Promise<Map<string, Existing>> {
  const found = new Map<string, Existing>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const ins = placeholders(chunk.length);
    const sql = `SELECT id, erased_at, text, source FROM facts WHERE customer_id = ? AND id IN (${ins})${q.forUpdate}`;
    type Found = [string, string | null, string | null, string];
    for (const [id, erasedAt, text, source] of await q.values<Found>(sql, [customerId, ...chunk]))
      found.set(id, { erasedAt, place: groupPlace(text, source) });
  }
  return found;
}

/**
 * Takes facts' values out of the groups they were sealed in (the facts were erased or are being replaced): each
 * group is sealed again without them, or deleted when nothing is left in it.
 */
async function releaseFromGroups(
  q: Sql,
  vault: Vault,
  customerId: string,
  places: readonly (readonly [group: string, index: number])[],
) {
  if (!places.length) return;
  const byGroup = new Map<string, number[]>();
  for (const [group, index] of places) byGroup.set(group, [...(byGroup.get(group) ?? []), index]);
  const groups = await readGroups(q, vault, customerId, new Set(byGroup.keys()), q.forUpdate);
  const seal = await vault.sealer(customerId);
  for (const [group, indices] of byGroup) {
    const parts = groups.get(group);
    // Gone already, or its key destroyed: nothing readable is left to take out.
    if (!parts) continue;
    for (const i of indices) parts[i] = null;
    if (parts.every((p) => p === null))
      await q.run('DELETE FROM fact_seals WHERE customer_id = ? AND id = ?', [customerId, group]);
    else
      await q.run('UPDATE fact_seals SET sealed = ? WHERE customer_id = ? AND id = ?', [
        seal(JSON.stringify(parts)),
        customerId,
        group,
      ]);
  }
}

/**
 * Inside the caller's transaction, the one erasure of a fact: text, value and source go (and the sealed audit parts
 * that carried it); id, category and times stay as a tombstone. Null when there is no such fact; a fact erased before
 * is answered as it is. The caller uncaches the key and runs `afterErasure` once the transaction commits.
 */
export async function eraseFactIn(
  q: Sql,
  vault: Vault,
  customerId: string,
  factId: string,
  at: string,
  meta: ChangeMeta,
) {
  const row = await q.one<{ category: string; erased_at: string | null; text: string | null; source: string }>(
    `SELECT category, erased_at, text, source FROM facts WHERE customer_id = ? AND id = ?${q.forUpdate}`,
    [customerId, factId],
  );
  if (!row) return null;
  if (!row.erased_at) {
    await q.run(`UPDATE facts SET ${BLANK_FACT}, erased_at = ? WHERE customer_id = ? AND id = ?`, [
      at,
      customerId,
      factId,
    ]);
    const place = groupPlace(row.text, row.source);
    if (place) await releaseFromGroups(q, vault, customerId, [place]);
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

/**
 * Inside the caller's transaction, the one write of facts (new or replacing `existing` ones), sealed in groups when
 * encrypting; a replaced fact's old value leaves its group.
 */
export async function writeFacts(
  q: Sql,
  vault: Vault,
  seal: Seal,
  customerId: string,
  facts: readonly Fact[],
  existing: ReadonlyMap<string, Existing>,
) {
  if (!vault.encrypting) {
    const rows = facts.map((f) => [
      customerId,
      f.id,
      f.category,
      f.text,
      f.value == null ? null : JSON.stringify(f.value),
      f.source,
      f.collectedAt,
    ]);
    return q.insertRows('facts', COLUMNS, rows, UPSERT);
  }
  await releaseFromGroups(
    q,
    vault,
    customerId,
    facts.flatMap((f) => {
      const place = existing.get(f.id)?.place;
      return place ? [place] : [];
    }),
  );
  // A batch naming one id twice keeps the last, as the upsert does: an earlier copy sealed in a group no row points
  // to could not be taken out of it when the fact is erased.
  const last = [...new Map(facts.map((f) => [f.id, f])).values()];
  const groups: unknown[][] = [];
  const rows: unknown[][] = [];
  for (let i = 0; i < last.length; i += GROUP_SIZE) {
    const group = randomBytes(6).toString('base64url');
    const members = last.slice(i, i + GROUP_SIZE);
    groups.push([customerId, group, seal(JSON.stringify(members.map((f) => [f.text, f.value ?? null, f.source])))]);
    for (const [k, f] of members.entries())
      rows.push([customerId, f.id, f.category, `${FACT_GROUP_PREFIX}${group}:${k}`, null, '', f.collectedAt]);
  }
  await q.insertRows('fact_seals', ['customer_id', 'id', 'sealed'], groups);
  await q.insertRows('facts', COLUMNS, rows, UPSERT);
}

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
        const erased = facts.findIndex((f) => existing.get(f.id)?.erasedAt);
        if (erased >= 0)
          throw new AppError('fact_erased', `fact ${facts[erased]!.id} was erased and cannot be ingested again`, 409, [
            'facts',
            erased,
            'id',
          ]);
        await refuseBeforeCorrection(q, customerId, facts);
        await writeFacts(q, vault, seal, customerId, facts, existing);
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
      const erased = await sql.tx((q) => eraseFactIn(q, vault, customerId, factId, at, meta));
      if (erased) await afterFactErased(sql, vault, customerId);
      return erased;
    },
  };
}
