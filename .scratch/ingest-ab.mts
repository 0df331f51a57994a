// Ingest cost split: plain, SQLCipher only, seal only, both — four stores, a batch to each in turn.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb, sqliteSql, DB_FILE } from '../server/store/sqlite.js';
import { openKeys } from '../server/store/keys.js';
import { plainVault } from '../server/keys/vault.js';
import { migrate } from '../server/store/migrations.js';
import { storeOn } from '../server/store/index.js';

const BATCH = 5000;
const batches = Number(process.argv[2] ?? 20);
async function make(name: string, cipher: boolean, seal: boolean | 'fake') {
  const dir = mkdtempSync(path.join(tmpdir(), `ing-${name}-`));
  const keys = await openKeys({ CANDOR_KEY_DIR: path.join(dir, 'keys') } as never, true);
  const db = openDb(path.join(dir, DB_FILE), cipher ? keys.dbKey : null);
  if (process.env.CACHE) db.pragma(`cache_size = ${process.env.CACHE}`);
  const sql = sqliteSql(db);
  await migrate(sql);
  const fake = { ...plainVault(), encrypting: true, sealer: async () => (p: string) => 'cv0:0123456789abcdef:' + Buffer.from('0123456789ab' + p + '0123456789abcdef').toString('base64url') };
  const store = storeOn(sql, seal === 'fake' ? (fake as never) : seal ? keys.vault : plainVault());
  await store.customers.upsert({ id: 'c_ingest', displayName: 'Ingest Test' } as never, { actor: 'b', channel: 'b' } as never);
  return { name, store };
}
const facts = (b: number) =>
  Array.from({ length: BATCH }, (_, i) => ({
    id: `b${b}-${i}`,
    category: 'user.behavior.purchase_history',
    text: `Order #${b * BATCH + i}: Blender Pro 3000`,
    value: { order: String(b * BATCH + i) },
    source: 'orders',
    collectedAt: '2026-11-01T00:00:00.000Z',
  }));
const stores = [await make('plain', false, false), await make('cipher', true, false), await make('seal', false, true), await make('both', true, true), await make('fake-size', false, 'fake')];
const meta = { actor: 'bench', channel: 'bench' } as never;
for (const s of stores) await s.store.facts.upsertMany('c_ingest', facts(-1) as never, meta);
const secs = stores.map(() => 0);
for (let b = 0; b < batches; b++) {
  const fs = facts(b);
  for (const [k, s] of stores.entries()) {
    const t0 = performance.now();
    await s.store.facts.upsertMany('c_ingest', fs as never, meta);
    secs[k]! += (performance.now() - t0) / 1000;
  }
}
for (const [k, s] of stores.entries())
  console.log(s.name, Math.round((batches * BATCH) / secs[k]!), 'facts/s', ((secs[k]! / batches / BATCH) * 1e6).toFixed(2), 'µs/fact');
