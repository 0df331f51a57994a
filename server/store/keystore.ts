/**
 * The key store written once over `Sql`: a small SQLite file in the key directory by default, or a PostgreSQL
 * database of its own (`CANDOR_KEYSTORE_URL`) for several servers. Destroying a key zeroes its freed pages and, on
 * SQLite, truncates the WAL, so the key is gone from the file and not only from the table.
 */
import type { KeyStore, WrappedKey } from '../keys/keystore.js';
import { placeholders, type Sql } from './sql.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS data_keys (
    owner TEXT PRIMARY KEY,
    kid TEXT NOT NULL UNIQUE,
    master_id TEXT NOT NULL,
    wrapped TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS data_keys_by_master ON data_keys (master_id);
  CREATE TABLE IF NOT EXISTS key_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

interface Row {
  owner: string;
  kid: string;
  master_id: string;
  wrapped: string;
}
const toKey = (r: Row): WrappedKey => ({ owner: r.owner, kid: r.kid, masterId: r.master_id, wrapped: r.wrapped });
const KEY = 'SELECT owner, kid, master_id, wrapped FROM data_keys';

export async function keyStoreOn(sql: Sql): Promise<KeyStore> {
  await sql.tx(async (q) => {
    if (q.dialect === 'postgres') await q.run("SELECT pg_advisory_xact_lock(hashtext('candor.keystore'))");
    await q.exec(SCHEMA);
  });
  const chunks = async <T>(items: readonly string[], f: (chunk: string[]) => Promise<T[]>) => {
    const out: T[] = [];
    for (let i = 0; i < items.length; i += 500) out.push(...(await f(items.slice(i, i + 500))));
    return out;
  };
  return {
    async ofOwner(owner) {
      const r = await sql.one<Row>(`${KEY} WHERE owner = ?`, [owner]);
      return r ? toKey(r) : null;
    },
    byKids: (kids) =>
      chunks(kids, async (c) => (await sql.all<Row>(`${KEY} WHERE kid IN (${placeholders(c.length)})`, c)).map(toKey)),
    async add(k) {
      await sql.run(
        'INSERT INTO data_keys (owner, kid, master_id, wrapped, created_at) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT (owner) DO NOTHING',
        [k.owner, k.kid, k.masterId, k.wrapped, new Date().toISOString()],
      );
      return toKey((await sql.one<Row>(`${KEY} WHERE owner = ?`, [k.owner]))!);
    },
    async destroy(owners) {
      let n = 0;
      for (let i = 0; i < owners.length; i += 500) {
        const c = owners.slice(i, i + 500);
        n += await sql.run(`DELETE FROM data_keys WHERE owner IN (${placeholders(c.length)})`, c);
      }
      await sql.afterErasure();
      return n;
    },
    holding: (owners) =>
      chunks(owners, async (c) =>
        (await sql.values<[string]>(`SELECT owner FROM data_keys WHERE owner IN (${placeholders(c.length)})`, c)).map(
          ([o]) => o,
        ),
      ),
    async notWrappedBy(masterId, limit) {
      return (await sql.all<Row>(`${KEY} WHERE master_id <> ? ORDER BY kid LIMIT ?`, [masterId, limit])).map(toKey);
    },
    async rewrap(k, fromMaster) {
      const n = await sql.run('UPDATE data_keys SET master_id = ?, wrapped = ? WHERE kid = ? AND master_id = ?', [
        k.masterId,
        k.wrapped,
        k.kid,
        fromMaster,
      ]);
      return n === 1;
    },
    async currentMaster() {
      return (await sql.one<{ value: string }>("SELECT value FROM key_settings WHERE name = 'master'"))?.value ?? null;
    },
    async setCurrentMaster(id) {
      await sql.run(
        "INSERT INTO key_settings (name, value) VALUES ('master', ?) ON CONFLICT (name) DO UPDATE SET value = ?",
        [id, id],
      );
    },
    close: () => sql.close(),
  };
}
