/**
 * The key directory (`CANDOR_KEY_DIR`): folder 0700, files 0600, apart from the data directory and backed up apart
 * from it. It holds the master keys (`master-<id>.key`, unless `CANDOR_MASTER_KEY` is given), the SQLite file's key
 * (`db.key`, unless `CANDOR_DB_KEY` is given) and the wrapped data keys (`keys.db`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ownerOnlyDir } from '../files/private.js';

export const KEYSTORE_FILE = 'keys.db';
const MASTER = /^master-([0-9a-f]{16})\.key$/;
const HEX_KEY = /^[0-9a-f]{64}$/;

function readKey(file: string): Buffer {
  const text = readFileSync(file, 'utf8').trim();
  if (!HEX_KEY.test(text)) throw new Error(`${file} is not a key (64 hexadecimal characters)`);
  return Buffer.from(text, 'hex');
}

/** Writes a new random key; never over an existing file (`wx`), so two processes starting together keep one. */
function createKey(file: string): Buffer {
  const key = randomBytes(32);
  try {
    writeFileSync(file, `${key.toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readKey(file);
    throw e;
  }
}

export function openKeyDir(dir: string) {
  ownerOnlyDir(dir);
  const fileOf = (name: string) => path.join(dir, name);
  return {
    dir,
    /** A key file of the directory, created at first use. */
    secret: (name: string) => {
      try {
        return readKey(fileOf(name));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        return createKey(fileOf(name));
      }
    },
    /** Every master key file, by id. */
    masters(): Map<string, Buffer> {
      const found = new Map<string, Buffer>();
      for (const name of readdirSync(dir)) {
        const id = MASTER.exec(name)?.[1];
        if (id) found.set(id, readKey(fileOf(name)));
      }
      return found;
    },
    newMaster(): string {
      const id = randomBytes(8).toString('hex');
      createKey(fileOf(`master-${id}.key`));
      return id;
    },
    retireMaster: (id: string) => rmSync(fileOf(`master-${id}.key`), { force: true }),
    keystoreFile: fileOf(KEYSTORE_FILE),
  };
}
export type KeyDir = ReturnType<typeof openKeyDir>;

/** A key given in the environment: 64 hexadecimal characters. Its id is derived from it, so every server agrees. */
export function givenKey(hex: string): { id: string; key: Buffer } {
  const key = Buffer.from(hex, 'hex');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}
