/** Which store runs: PostgreSQL when `DATABASE_URL` names one, else the embedded SQLite file in the data directory. */
import type { Store } from './types.js';
import { openSqliteStore } from './sqlite/index.js';
import { openPostgresStore } from './postgres/index.js';

export function openStore(config: { DATABASE_URL?: string | undefined; CANDOR_DATA_DIR: string }): Promise<Store> {
  return config.DATABASE_URL ? openPostgresStore(config.DATABASE_URL) : Promise.resolve(openSqliteStore(config.CANDOR_DATA_DIR));
}
