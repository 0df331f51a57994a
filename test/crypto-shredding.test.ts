/**
 * Erasure that reaches backups (crypto-shredding), on SQLite and on PostgreSQL: a copy of the database taken before
 * a customer's erasure, opened afterwards with the current key store, yields nothing readable of them, while another
 * customer in the same copy reads as before.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { keysIn, openPostgresStore, openSqliteStore } from '../server/store/index.js';
import { DB_FILE } from '../server/store/sqlite.js';
import type { Store } from '../server/store/types.js';
import { ERASED_NAME } from '../server/store/erased.js';
import { fact, freshPgDatabase, META, PG_URL, rawDb } from '../server/store/test-backends.js';

const ADA = { id: 'c-ada', displayName: 'Ada zqLovelace', email: 'ada.zq@example.org' };
const BOB = { id: 'c-bob', displayName: 'Bob zqBabbage', email: 'bob.zq@example.org' };
const GRANT = {
  kind: 'granted' as const,
  consent: {
    id: 'k1',
    purpose: 'essential.service.operations.support',
    categories: ['user.behavior'],
    status: 'granted' as const,
    at: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    source: 'zq said so on the phone',
  },
};

async function seed(store: Store) {
  for (const c of [ADA, BOB]) {
    await store.customers.upsert(c, META);
    await store.facts.upsertMany(c.id, [fact(`${c.id}-f`, { text: `zq order of ${c.displayName}` })], META);
    await store.consents.append(c.id, [GRANT], { ...META, by: 'customer', ticketId: `zq-ticket-${c.id}` });
    await store.audit.append([
      {
        kind: 'model.called',
        actor: 'agent:tok_1',
        customerId: c.id,
        payload: { factIds: [`${c.id}-f`] },
        sealed: { messages: [{ role: 'user', content: `zq prompt about ${c.displayName}` }] },
      },
    ]);
  }
}

/** What the copy shows of each customer, through a store opened on it with the current key store. */
async function seen(store: Store) {
  const out: Record<string, unknown> = {};
  for (const c of [ADA, BOB]) {
    const snap = (await store.customers.snapshot(c.id))!;
    const [entry] = await store.audit.list({ customerId: c.id, kind: 'model.called' });
    out[c.id] = {
      name: snap.customer.displayName,
      email: snap.customer.email ?? null,
      facts: snap.facts.map((f) => ({ text: f.text, value: f.value, erased: f.erased ?? false })),
      consents: snap.consents.length,
      history: (await store.consents.history(c.id)).map((h) => h.consent?.source ?? null),
      sealed: entry?.seal?.value ?? null,
      byEmail: (await store.customers.findByEmail(c.email))?.id ?? null,
    };
  }
  return out;
}

const bobAsSeeded = {
  name: BOB.displayName,
  email: BOB.email,
  facts: [{ text: 'zq order of Bob zqBabbage', value: { order: 'ORD-c-bob-f' }, erased: false }],
  consents: 1,
  history: ['zq said so on the phone'],
  sealed: { messages: [{ role: 'user', content: 'zq prompt about Bob zqBabbage' }] },
  byEmail: BOB.id,
};
const adaShredded = {
  name: ERASED_NAME,
  email: null,
  facts: [{ text: '', value: null, erased: true }],
  consents: 0,
  history: [null],
  sealed: null,
  byEmail: null,
};

describe('a backup taken before an erasure', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('when the SQLite file is copied, the customer erased and the copy opened, then nothing of them reads', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-shred-'));
    const copyDir = mkdtempSync(path.join(tmpdir(), 'candor-shred-copy-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanup.push(() => rmSync(copyDir, { recursive: true, force: true }));
    const store = await openSqliteStore(dir, keysIn(dir));
    await seed(store);
    // The backup: the file after a checkpoint, as a nightly copy would take it.
    const db = rawDb(dir);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    copyFileSync(path.join(dir, DB_FILE), path.join(copyDir, DB_FILE));
    expect(await store.customers.erase(ADA.id, '2026-03-01T00:00:00.000Z', META)).not.toBeNull();
    await store.close();

    // The copy, opened with the current key store: the SQLite key still opens the file; Ada's data key is gone.
    const copy = await openSqliteStore(copyDir, keysIn(dir));
    try {
      const rows = rawDb(copyDir, {}, dir)
        .prepare('SELECT display_name FROM customers WHERE id = ?')
        .pluck()
        .get(ADA.id);
      expect(rows).toMatch(/^cv1:/); // her row is still in the copy, sealed
      expect(await seen(copy)).toEqual({ [ADA.id]: adaShredded, [BOB.id]: bobAsSeeded });
    } finally {
      await copy.close();
    }
  });

  (PG_URL ? it : it.skip)(
    'when the PostgreSQL database is copied, the customer erased and the copy opened, then nothing of them reads',
    async () => {
      const db = await freshPgDatabase(PG_URL!);
      cleanup.push(() => db.drop());
      const keyDir = mkdtempSync(path.join(tmpdir(), 'candor-shred-keys-'));
      cleanup.push(() => rmSync(keyDir, { recursive: true, force: true }));
      const keys = { CANDOR_KEY_DIR: keyDir };
      let store = await openPostgresStore(db.url, keys);
      await seed(store);
      await store.close();
      // The backup: a copy of the database made from it (no connection may be open to the source meanwhile).
      const copyName = `${new URL(db.url).pathname.slice(1)}_copy`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${copyName} TEMPLATE ${new URL(db.url).pathname.slice(1)}`);
      cleanup.push(async () => {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${copyName} WITH (FORCE)`);
        await c.end();
      });
      await admin.end();
      store = await openPostgresStore(db.url, keys);
      expect(await store.customers.erase(ADA.id, '2026-03-01T00:00:00.000Z', META)).not.toBeNull();
      await store.close();

      const copyUrl = new URL(db.url);
      copyUrl.pathname = `/${copyName}`;
      const copy = await openPostgresStore(copyUrl.href, keys);
      try {
        expect(await seen(copy)).toEqual({ [ADA.id]: adaShredded, [BOB.id]: bobAsSeeded });
      } finally {
        await copy.close();
      }
    },
  );

  it('when the erasure committed but the key was not destroyed (a crash), then the next start destroys it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-shred-crash-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const store = await openSqliteStore(dir, keysIn(dir));
    await seed(store);
    const db = rawDb(dir);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const sealedName = db.prepare('SELECT display_name FROM customers WHERE id = ?').pluck().get(ADA.id) as string;
    // The erasure's transaction, as it commits before the key is destroyed.
    db.prepare("UPDATE customers SET erased_at = '2026-03-01T00:00:00.000Z' WHERE id = ?").run(ADA.id);
    db.close();
    await store.close();
    const again = await openSqliteStore(dir, keysIn(dir));
    try {
      // Her sealed name, put back as a backup would still hold it, reads as erased: her key was destroyed at start.
      const file = rawDb(dir);
      file.prepare('UPDATE customers SET display_name = ? WHERE id = ?').run(sealedName, ADA.id);
      file.close();
      expect((await again.customers.get(ADA.id))!.displayName).toBe(ERASED_NAME);
      expect((await again.customers.get(BOB.id))!.displayName).toBe(BOB.displayName);
    } finally {
      await again.close();
    }
  });
});
