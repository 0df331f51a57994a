/**
 * `candor encrypt`: converts a data directory from before encryption. First the SQLite file: a plain file, or one
 * encrypted with SQLCipher before Candor moved to AEGIS, is copied, the copy encrypted with AEGIS beside it, every page
 * of it read back, and renamed over the file once complete, so a crash at any point leaves either the old file or the
 * new one, never half of each. Then every customer's value still in plain text is sealed under their data key,
 * in batches, each batch one transaction: an interrupted run is run again and goes on from where it stopped. Last,
 * a verification: no plain value left, and every sealed value opens.
 */
import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Vault } from '../keys/vault.js';
import { VALUE_PREFIX } from '../keys/cipher.js';
import { FACT_GROUP_PREFIX } from './facts.js';
import { applyKey, CIPHER, isPlainSqlite, keyMismatch, LEGACY_CIPHER, openKeyed, type DbKey } from './sqlite.js';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Sql } from './sql.js';

/** Every column that can hold a customer's value, with the row's key and its owner (whose data key seals it). */
const COLUMNS: readonly { table: string; key: string; owner: string; columns: readonly string[] }[] = [
  { table: 'customers', key: 'id', owner: 'id', columns: ['display_name', 'email'] },
  { table: 'facts', key: 'customer_id, id', owner: 'customer_id', columns: ['text', 'value_json', 'source'] },
  { table: 'consent_records', key: 'seq', owner: 'customer_id', columns: ['consent_json', 'evidence_json'] },
  { table: 'outcomes', key: 'seq', owner: 'customer_id', columns: ['edit_text', 'reason'] },
  { table: 'fact_flags', key: 'id', owner: 'customer_id', columns: ['note', 'reason'] },
  { table: 'audit', key: 'seq', owner: 'customer_id', columns: ['sealed_json'] },
];

/** Sealed values, and facts' places in a sealed group, are not plain. */
const plain = (c: string) =>
  `(${c} IS NOT NULL AND ${c} <> '' AND ${c} NOT LIKE '${VALUE_PREFIX}%' AND ${c} NOT LIKE '${FACT_GROUP_PREFIX}%')`;
/**
 * Rows with a value left in plain text. An erased customer's rows stay as erasure left them: what is left there is no
 * value (a tombstone, a scrubbed consent), and it must stay readable after their key is gone.
 */
const pending = (t: (typeof COLUMNS)[number]) =>
  `FROM ${t.table} WHERE (${t.columns.map(plain).join(' OR ')}) AND ${t.owner} IS NOT NULL ` +
  `AND ${t.owner} NOT IN (SELECT id FROM customers WHERE erased_at IS NOT NULL)`;

const isPlain = (v: string | null | undefined) =>
  typeof v === 'string' && v !== '' && !v.startsWith(VALUE_PREFIX) && !v.startsWith(FACT_GROUP_PREFIX);

export interface EncryptProgress {
  step: string;
  done: number;
  total: number;
}

/** What `encryptFile` did: encrypted a plain file, converted a SQLCipher one, or nothing (AEGIS already). */
export type FileConversion = 'encrypted' | 'converted' | 'already';

/** Brings the SQLite file to Candor's cipher in place, with `key` (a wrong key throws, naming where it came from). */
export function encryptFile(file: string, key: DbKey): FileConversion {
  const plain = isPlainSqlite(file);
  let source: Database.Database;
  if (plain) source = new Database(file);
  else {
    let opened: ReturnType<typeof openKeyed>;
    try {
      opened = openKeyed(file, key.key);
    } catch (e) {
      throw keyMismatch(e, file, key);
    }
    if (opened.cipher === CIPHER) {
      opened.db.close();
      return 'already';
    }
    source = opened.db;
  }
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  const temp = `${file}.encrypting`;
  for (const f of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  copyFileSync(file, temp);
  const db = new Database(temp);
  if (!plain) applyKey(db, key.key, 'key', LEGACY_CIPHER);
  // SQLite3 Multiple Ciphers cannot rekey a database in WAL mode: rollback journal for the rekey, WAL again after.
  db.pragma('journal_mode = DELETE');
  applyKey(db, key.key, 'rekey');
  db.pragma('journal_mode = WAL');
  db.close();
  // Every page read back from the disk with the new cipher, each page's tag checked, before the copy replaces the file.
  const back = new Database(temp);
  applyKey(back, key.key);
  const check = back.pragma('quick_check', { simple: true });
  back.close();
  if (check !== 'ok') throw new Error(`${temp}: the encrypted copy does not check (${String(check)}); ${file} is kept`);
  const fd = openSync(temp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  // The WAL was emptied by the checkpoint; its index belongs to the old file.
  for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  renameSync(temp, file);
  const dir = openSync(path.dirname(file), 'r');
  fsyncSync(dir);
  closeSync(dir);
  return plain ? 'encrypted' : 'converted';
}

/** Seals every plain value, `batch` rows a transaction, telling `onProgress` after each. */
export async function sealValues(
  sql: Sql,
  vault: Vault,
  onProgress: (p: EncryptProgress) => void,
  batch = 500,
): Promise<number> {
  let sealed = 0;
  for (const t of COLUMNS) {
    const total = (await sql.one<{ n: number }>(`SELECT COUNT(*) AS n ${pending(t)}`))!.n;
    let done = 0;
    for (;;) {
      const keyCols = t.key.split(', ');
      const rows = await sql.all<Record<string, string | null>>(
        `SELECT ${[...new Set([...keyCols, t.owner, ...t.columns])].join(', ')} ${pending(t)} ORDER BY ${t.key} LIMIT ?`,
        [batch],
      );
      if (!rows.length) break;
      // Keys are kept before the rows that need them commit.
      const sealers = new Map<string, (p: string) => string>();
      for (const r of rows) if (!sealers.has(r[t.owner]!)) sealers.set(r[t.owner]!, await vault.sealer(r[t.owner]!));
      await sql.tx(async (q) => {
        for (const r of rows) {
          const seal = sealers.get(r[t.owner]!)!;
          const sets = t.columns.map((c) => `${c} = ?`);
          const values = t.columns.map((c) => (isPlain(r[c]) ? seal(r[c]!) : r[c]));
          // The address's blind index replaces the lower-cased address the migration left there.
          if (t.table === 'customers' && isPlain(r.email)) {
            sets.push('email_index = ?');
            values.push(vault.index(r.email!));
          }
          await q.run(
            `UPDATE ${t.table} SET ${sets.join(', ')} WHERE ${keyCols.map((k) => `${k} = ?`).join(' AND ')}`,
            [...values, ...keyCols.map((k) => r[k])],
          );
        }
      });
      done += rows.length;
      sealed += rows.length;
      onProgress({ step: t.table, done, total });
    }
    if (!total) onProgress({ step: t.table, done: 0, total: 0 });
  }
  return sealed;
}

export interface Verification {
  /** Values left in plain text (0 when done). */
  plain: number;
  sealed: number;
  /** Sealed values whose key is gone: only an erased customer's, of whom nothing should be left. */
  unreadable: number;
}

/** Counts what is left in plain text and opens every sealed value (a wrong key or changed bytes throws). */
export async function verifyValues(sql: Sql, vault: Vault): Promise<Verification> {
  const out: Verification = { plain: 0, sealed: 0, unreadable: 0 };
  for (const t of COLUMNS) {
    out.plain += (await sql.one<{ n: number }>(`SELECT COUNT(*) AS n ${pending(t)}`))!.n;
    for (let offset = 0; ; offset += 2000) {
      const rows = await sql.values<(string | null)[]>(
        `SELECT ${t.columns.join(', ')} FROM ${t.table} ORDER BY ${t.key} LIMIT 2000 OFFSET ?`,
        [offset],
      );
      if (!rows.length) break;
      const values = rows.flat().filter((v): v is string => typeof v === 'string' && v.startsWith(VALUE_PREFIX));
      const open = await vault.opener(values);
      for (const v of values) {
        out.sealed += 1;
        if (open(v) === null) out.unreadable += 1;
      }
    }
  }
  return out;
}
