import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb, sqliteSql, DB_FILE } from '../server/store/sqlite.js';
import { openKeys } from '../server/store/keys.js';
import { migrate } from '../server/store/migrations.js';
import { storeOn } from '../server/store/index.js';
const BATCH = 5000;
const dir = mkdtempSync(path.join(tmpdir(), `ingp-`));
const keys = await openKeys({ CANDOR_KEY_DIR: path.join(dir, 'keys') } as never, true);
const sql = sqliteSql(openDb(path.join(dir, DB_FILE), null));
await migrate(sql);
const store = storeOn(sql, keys.vault);
const meta = { actor: 'bench', channel: 'bench' } as never;
await store.customers.upsert({ id: 'c_ingest', displayName: 'Ingest Test' } as never, meta);
const facts = (b: number) => Array.from({ length: BATCH }, (_, i) => ({ id: `b${b}-${i}`, category: 'user.behavior.purchase_history',
  text: `Order #${b * BATCH + i}: Blender Pro 3000`, value: { order: String(b * BATCH + i) }, source: 'orders', collectedAt: '2026-11-01T00:00:00.000Z' }));
for (let b = 0; b < 30; b++) await store.facts.upsertMany('c_ingest', facts(b) as never, meta);
