/**
 * The keys a store opens with, from the settings: the SQLite file's key, and the vault of customers' data keys over
 * the key store (the key directory's `keys.db`, or `CANDOR_KEYSTORE_URL`) and the master keys.
 */
import { givenKey, openKeyDir, type KeyDir } from '../keys/key-dir.js';
import { createVault, plainVault, type Masters, type Vault } from '../keys/vault.js';
import { keyStoreOn } from './keystore.js';
import { openSql, type DbKey } from './sqlite.js';
import { openPool, postgresSql } from './postgres.js';

export interface KeySettings {
  CANDOR_KEY_DIR: string;
  CANDOR_ENCRYPTION?: 'on' | 'off' | undefined;
  CANDOR_MASTER_KEY?: string | undefined;
  CANDOR_DB_KEY?: string | undefined;
  CANDOR_KEYSTORE_URL?: string | undefined;
}

export interface Keys {
  /** Null with encryption off. */
  dbKey: DbKey | null;
  vault: Vault;
}

/** The master keys: the one given in the environment, or the key directory's files (read again on a miss). */
export function mastersOf(dir: KeyDir, given: string | undefined): Masters {
  if (given) {
    const m = givenKey(given);
    return { get: (id) => (id === m.id ? m.key : null), first: () => m.id };
  }
  let known = dir.masters();
  return {
    get(id) {
      if (!known.has(id)) known = dir.masters(); // a rotation on another process made it
      return known.get(id) ?? null;
    },
    first: () => [...dir.masters().keys()][0] ?? dir.newMaster(),
  };
}

export const openKeyStore = async (s: KeySettings, dir: KeyDir) =>
  keyStoreOn(s.CANDOR_KEYSTORE_URL ? postgresSql(openPool(s.CANDOR_KEYSTORE_URL, 3)) : openSql(dir.keystoreFile));

/** `sqlite`: the SQLite file's key is wanted too (PostgreSQL's values are encrypted in the application only). */
export async function openKeys(s: KeySettings, sqlite: boolean): Promise<Keys> {
  if (s.CANDOR_ENCRYPTION === 'off') return { dbKey: null, vault: plainVault() };
  const dir = openKeyDir(s.CANDOR_KEY_DIR);
  const dbKey: DbKey | null = !sqlite
    ? null
    : s.CANDOR_DB_KEY
      ? { key: Buffer.from(s.CANDOR_DB_KEY, 'hex'), from: 'CANDOR_DB_KEY' }
      : { key: dir.secret('db.key'), from: `${dir.dir}/db.key` };
  const keys = await openKeyStore(s, dir);
  try {
    return { dbKey, vault: await createVault(keys, mastersOf(dir, s.CANDOR_MASTER_KEY)) };
  } catch (e) {
    await keys.close();
    throw e;
  }
}
