/**
 * The store: every module written once over `Sql`, on the embedded SQLite file by default or on
 * PostgreSQL when `DATABASE_URL` names one, opened with the keys (store/keys.ts): the SQLite file is
 * encrypted with its key, customers' values under their own data keys. Opening migrates the
 * database first, and destroys the key of any erased customer a crash left one to.
 */
import path from 'node:path';
import type { Store } from './types.js';
import type { Sql } from './sql.js';
import { plainVault, type Vault } from '../keys/vault.js';
import { migrate } from './migrations.js';
import { DB_FILE, openMemoryDb, openSql, sqliteSql } from './sqlite.js';
import { openPool, postgresSql } from './postgres.js';
import { openKeys, type KeySettings } from './keys.js';
import { auditStore } from './audit.js';
import { consentStore } from './consents.js';
import { customerStore } from './customers.js';
import { factStore } from './facts.js';
import { tokenStore } from './tokens.js';
import { outcomeStore } from './outcomes.js';
import { templateStore } from './templates.js';
import { settingStore } from './settings.js';
import { recordingStore } from './recordings.js';
import { portalStore } from './portal.js';
import { adapterMissStore } from './adapter-misses.js';
import { taughtStore } from './taught.js';
import { insightStore } from './insights.js';
import { coachStore } from './coach.js';
import { retentionStore } from './retention.js';
import { articleStore } from './articles.js';
import { requestStore } from './requests.js';
import { factFlagStore } from './fact-flags.js';

export type { KeySettings } from './keys.js';

export function storeOn(sql: Sql, vault: Vault): Store {
  return {
    customers: customerStore(sql, vault),
    facts: factStore(sql, vault),
    consents: consentStore(sql, vault),
    tokens: tokenStore(sql),
    outcomes: outcomeStore(sql, vault),
    templates: templateStore(sql, vault),
    settings: settingStore(sql),
    recordings: recordingStore(sql, vault),
    portal: portalStore(sql),
    taught: taughtStore(sql),
    audit: auditStore(sql, vault),
    adapterMisses: adapterMissStore(sql),
    insights: insightStore(sql, vault),
    coach: coachStore(sql, vault),
    retention: retentionStore(sql),
    keys: { forget: (customerId) => vault.forget(customerId) },
    close: async () => {
      await sql.close();
      await vault.close();
    },
    articles: articleStore(sql),
    requests: requestStore(sql, vault),
    factFlags: factFlagStore(sql, vault),
  };
}

/**
 * An erasure commits before the customer's key is destroyed: a crash between the two leaves a key, destroyed here.
 */
export async function shredErased(sql: Sql, vault: Vault): Promise<number> {
  if (!vault.encrypting) return 0;
  const erased = (await sql.values<[string]>('SELECT id FROM customers WHERE erased_at IS NOT NULL')).map(([id]) => id);
  const left = await vault.keys!.holding(erased);
  if (left.length) await vault.shred(left);
  return left.length;
}

/** A database brought up to the last migration, its erased customers' keys destroyed; closed again if that fails. */
async function opened(sql: Sql, vault: Vault): Promise<Store> {
  try {
    await migrate(sql);
    await shredErased(sql, vault);
    return storeOn(sql, vault);
  } catch (e) {
    await sql.close();
    await vault.close();
    throw e;
  }
}

/** The embedded store: `candor.db` in the data directory. */
export async function openSqliteStore(dataDir: string, keySettings: KeySettings): Promise<Store> {
  const keys = await openKeys(keySettings, true);
  let sql: Sql;
  try {
    sql = openSql(path.join(dataDir, DB_FILE), keys.dbKey);
  } catch (e) {
    await keys.vault.close();
    throw e;
  }
  return opened(sql, keys.vault);
}

/**
 * A store in memory (SQLite), gone when closed: where the replay keeps a recorded session's articles, so they are
 * searched by the same full-text search as a server's. Nothing of a customer is kept there, so nothing is sealed.
 */
export async function openMemoryStore(): Promise<Store> {
  return opened(sqliteSql(openMemoryDb()), plainVault());
}

export async function openPostgresStore(url: string, keySettings: KeySettings): Promise<Store> {
  const keys = await openKeys(keySettings, false);
  return opened(postgresSql(openPool(url)), keys.vault);
}

/** PostgreSQL when `DATABASE_URL` names one, else the embedded SQLite file in the data directory. */
export function openStore(
  config: KeySettings & { DATABASE_URL?: string | undefined; CANDOR_DATA_DIR: string },
): Promise<Store> {
  return config.DATABASE_URL
    ? openPostgresStore(config.DATABASE_URL, config)
    : openSqliteStore(config.CANDOR_DATA_DIR, config);
}

/** Keys for a test's store: a key directory inside its data directory (a real deployment keeps them apart). */
export const keysIn = (dataDir: string): KeySettings => ({ CANDOR_KEY_DIR: path.join(dataDir, 'keys') });
