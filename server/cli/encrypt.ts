/** `candor encrypt`: converts a data directory (or DATABASE_URL's database) from before encryption. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../config.js';
import { openKeys } from '../store/keys.js';
import { migrate } from '../store/migrations.js';
import { DB_FILE, openSql, type DbKey } from '../store/sqlite.js';
import { openPool, postgresSql } from '../store/postgres.js';
import { encryptFile, sealValues, verifyValues } from '../store/encrypt.js';
import { recordingStore } from '../store/recordings.js';
import { recordingsDirOf, sealRecordings } from '../recorder/files.js';
import { UsageError, type Io } from './io.js';

/** The SQLite file, encrypted first (or converted from SQLCipher) if it is not yet in AEGIS. */
function encryptedFile(dataDir: string, key: DbKey, io: Io): string {
  const file = path.join(dataDir, DB_FILE);
  if (!existsSync(file)) throw new UsageError(`no SQLite store at ${file} (set CANDOR_DATA_DIR)`);
  const said = { encrypted: 'encrypted with AEGIS-256', converted: 'converted from SQLCipher to AEGIS-256' };
  const done = encryptFile(file, key);
  io.err(`${DB_FILE}: ${done === 'already' ? 'already encrypted' : said[done]}`);
  return file;
}

export async function encryptCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { batch: { type: 'string', default: '500' } }, strict: true });
  const batch = Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1) throw new UsageError('--batch: expected a whole number of rows');
  const config = parseConfig();
  if (config.CANDOR_ENCRYPTION === 'off') throw new UsageError('CANDOR_ENCRYPTION is off: unset it to encrypt');
  const keys = await openKeys(config, !config.DATABASE_URL);
  const sql = config.DATABASE_URL
    ? postgresSql(openPool(config.DATABASE_URL, 2))
    : openSql(encryptedFile(config.CANDOR_DATA_DIR, keys.dbKey!, io), keys.dbKey);
  try {
    await migrate(sql);
    await sealValues(
      sql,
      keys.vault,
      ({ step, done, total }) => io.err(`${step}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
      batch,
    );
    const files = await sealRecordings(recordingsDirOf(config.CANDOR_DATA_DIR), recordingStore(sql, keys.vault));
    io.err(`recordings: ${files.sealed.toLocaleString('en')} sealed`);
    if (files.left.length)
      io.err(`recordings left plain (not a session, or whose customer is unknown): ${files.left.join(', ')}`);
    const v = await verifyValues(sql, keys.vault);
    if (v.plain || v.unreadable) {
      io.out(`NOT verified: ${v.plain} values left in plain text, ${v.unreadable} sealed values do not open`);
      return 1;
    }
    io.out(`verified: ${v.sealed.toLocaleString('en')} values sealed, none left in plain text, every one opens`);
    return 0;
  } finally {
    await sql.close();
    await keys.vault.close();
  }
}
