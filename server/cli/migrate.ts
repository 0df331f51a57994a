/** `candor migrate-to-postgres`: copies the SQLite data directory into the database DATABASE_URL names. */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { parseConfig } from '../config.js';
import { DB_FILE } from '../store/sqlite.js';
import { copyToPostgres } from '../store/copy-to-postgres.js';
import { openKeys } from '../store/keys.js';
import { UsageError, type Io } from './io.js';

export async function migrateCommand(args: string[], io: Io): Promise<number> {
  if (args.length) throw new UsageError('takes no arguments');
  const config = parseConfig();
  if (!config.DATABASE_URL) throw new UsageError('set DATABASE_URL to the PostgreSQL database to copy into');
  const file = path.join(config.CANDOR_DATA_DIR, DB_FILE);
  if (!existsSync(file)) throw new UsageError(`no SQLite store at ${file} (set CANDOR_DATA_DIR)`);
  let last = '';
  const keys = await openKeys(config, true);
  const result = await copyToPostgres(config.CANDOR_DATA_DIR, config.DATABASE_URL, keys, ({ table, copied, total }) => {
    // One line a table as it finishes, and every 50,000 rows on the way.
    if (copied === total || copied % 50_000 === 0) {
      const line = `${table}: ${copied.toLocaleString('en')} / ${total.toLocaleString('en')}`;
      if (line !== last) io.err(line);
      last = line;
    }
  });
  await keys.vault.close();
  io.out(
    `copied ${result.rows.toLocaleString('en')} rows in ${result.tables} tables; ` +
      `audit chain ${result.audit.ok ? `verified: ${result.audit.entries} entries` : 'does NOT verify'}`,
  );
  return result.audit.ok ? 0 : 1;
}
