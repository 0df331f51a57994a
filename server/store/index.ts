/**
 * The store: every module written once over `Sql`, on the embedded SQLite file by default or on
 * PostgreSQL when `DATABASE_URL` names one. Opening migrates the database first.
 */
import path from 'node:path';
import type { Store } from './types.js';
import type { Sql } from './sql.js';
import { migrate } from './migrations.js';
import { DB_FILE, openDb, sqliteSql } from './sqlite.js';
import { openPool, postgresSql } from './postgres.js';
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
import { requestStore } from './requests.js';

export function storeOn(sql: Sql): Store {
  return {
    customers: customerStore(sql),
    facts: factStore(sql),
    consents: consentStore(sql),
    tokens: tokenStore(sql),
    outcomes: outcomeStore(sql),
    templates: templateStore(sql),
    settings: settingStore(sql),
    recordings: recordingStore(sql),
    portal: portalStore(sql),
    taught: taughtStore(sql),
    audit: auditStore(sql),
    adapterMisses: adapterMissStore(sql),
    insights: insightStore(sql),
    coach: coachStore(sql),
    requests: requestStore(sql),
    close: () => sql.close(),
  };
}

/** A database brought up to the last migration; closed again if that fails. */
async function migrated(sql: Sql): Promise<Sql> {
  try {
    await migrate(sql);
    return sql;
  } catch (e) {
    await sql.close();
    throw e;
  }
}

/** The embedded store: `candor.db` in the data directory. */
export async function openSqliteStore(dataDir: string): Promise<Store> {
  return storeOn(await migrated(sqliteSql(openDb(path.join(dataDir, DB_FILE)))));
}

export async function openPostgresStore(url: string): Promise<Store> {
  return storeOn(await migrated(postgresSql(openPool(url))));
}

/** PostgreSQL when `DATABASE_URL` names one, else the embedded SQLite file in the data directory. */
export function openStore(config: { DATABASE_URL?: string | undefined; CANDOR_DATA_DIR: string }): Promise<Store> {
  return config.DATABASE_URL ? openPostgresStore(config.DATABASE_URL) : openSqliteStore(config.CANDOR_DATA_DIR);
}
