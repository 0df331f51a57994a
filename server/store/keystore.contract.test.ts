/**
 * The key store's contract, on both kinds: the SQLite file in a key directory, and a PostgreSQL database of its own
 * (when `CANDOR_TEST_DATABASE_URL` names a server).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyStore, WrappedKey } from '../keys/keystore.js';
import { KEYSTORE_FILE } from '../keys/key-dir.js';
import { keyStoreOn } from './keystore.js';
import { openSql } from './sqlite.js';
import { openPool, postgresSql } from './postgres.js';
import { freshPgDatabase, PG_URL } from './test-backends.js';

interface Kind {
  name: string;
  open(): Promise<KeyStore>;
  /** What an attacker with the store's files would read, where that is files. */
  bytes(): Buffer | null;
  drop(): Promise<void>;
}

const sqliteKind = (): Kind => {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-keystore-'));
  const file = path.join(dir, KEYSTORE_FILE);
  return {
    name: 'SQLite',
    open: () => keyStoreOn(openSql(file)),
    bytes: () =>
      Buffer.concat(
        ['', '-wal'].map((s) => {
          try {
            return readFileSync(file + s);
          } catch {
            return Buffer.alloc(0);
          }
        }),
      ),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

const postgresKind = (url: string): Kind => {
  let db: Awaited<ReturnType<typeof freshPgDatabase>> | null = null;
  return {
    name: 'PostgreSQL',
    async open() {
      db ??= await freshPgDatabase(url);
      return keyStoreOn(postgresSql(openPool(db.url, 2)));
    },
    bytes: () => null,
    drop: async () => db?.drop(),
  };
};

const key = (owner: string, kid: string, masterId = 'm1'): WrappedKey => ({
  owner,
  kid,
  masterId,
  wrapped: Buffer.from(`wrapped ${kid} zqkeybytes`).toString('base64'),
});

describe.each([sqliteKind, ...(PG_URL ? [() => postgresKind(PG_URL!)] : [])])('the key store', (make) => {
  let kind: Kind;
  let ks: KeyStore;
  const others: KeyStore[] = [];
  beforeEach(async () => {
    kind = make();
    ks = await kind.open();
  });
  afterEach(async () => {
    await ks.close();
    while (others.length) await others.pop()!.close();
    await kind.drop();
  });

  it('when two servers add a key for one owner, then the first is kept and both answer it', async () => {
    const second = await kind.open();
    others.push(second);
    const [a, b] = await Promise.all([ks.add(key('c-1', 'k1')), second.add(key('c-1', 'k2'))]);
    expect(a).toEqual(b);
    expect(await ks.ofOwner('c-1')).toEqual(a);
    expect(await ks.byKids(['k1', 'k2', 'k3'])).toEqual([a]);
  });

  it('when a key is destroyed, then it is gone from every lookup and from the bytes of the store', async () => {
    await ks.add(key('c-1', 'k1'));
    await ks.add(key('c-2', 'k2'));
    expect(await ks.destroy(['c-1', 'c-9'])).toBe(1);
    expect(await ks.ofOwner('c-1')).toBeNull();
    expect(await ks.byKids(['k1'])).toEqual([]);
    expect(await ks.holding(['c-1', 'c-2'])).toEqual(['c-2']);
    const bytes = kind.bytes();
    if (bytes) {
      expect(bytes.includes(Buffer.from(key('c-1', 'k1').wrapped))).toBe(false);
      expect(bytes.includes(Buffer.from(key('c-2', 'k2').wrapped))).toBe(true);
    }
  });

  it('when keys are re-wrapped, then only those still wrapped by the old master change', async () => {
    await ks.add(key('c-1', 'k1', 'm1'));
    await ks.add(key('c-2', 'k2', 'm2'));
    expect((await ks.notWrappedBy('m2', 10)).map((k) => k.kid)).toEqual(['k1']);
    expect(await ks.rewrap({ ...key('c-1', 'k1', 'm2'), wrapped: 'bmV3' }, 'm1')).toBe(true);
    expect(await ks.rewrap({ ...key('c-1', 'k1', 'm3'), wrapped: 'bmV3' }, 'm1')).toBe(false);
    expect(await ks.ofOwner('c-1')).toEqual({ owner: 'c-1', kid: 'k1', masterId: 'm2', wrapped: 'bmV3' });
    expect(await ks.notWrappedBy('m2', 10)).toEqual([]);
  });

  it('when the current master is set, then every connection reads it', async () => {
    expect(await ks.currentMaster()).toBeNull();
    await ks.setCurrentMaster('m1');
    await ks.setCurrentMaster('m2');
    const second = await kind.open();
    others.push(second);
    expect(await second.currentMaster()).toBe('m2');
  });
});
