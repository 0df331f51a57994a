/**
 * What page encryption costs on writes, cipher by cipher: `npx tsx bench/cipher-cost.ts`.
 *
 * 150,000 rows shaped like a fact sealed in a group are inserted with better-sqlite3-multiple-ciphers alone, 5,000 a
 * transaction (WAL, synchronous=FULL, secure_delete, as Candor opens its file), into a plain file and into files
 * encrypted with each cipher variant, a transaction to each in turn so that a shared machine's load falls on all
 * alike. Prints microseconds a row. Not part of `npm run bench`: it answers why Candor encrypts its file with AEGIS-256,
 * and no longer with SQLCipher, whose HMAC-SHA512 per page was most of what encryption cost ingest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';

const VARIANTS: Record<string, string[]> = {
  plain: [],
  'sqlcipher (AES-256-CBC + HMAC-SHA512, files from before AEGIS)': ["cipher = 'sqlcipher'"],
  'sqlcipher without its HMAC': ["cipher = 'sqlcipher'", 'hmac_use = 0'],
  'chacha20 (ChaCha20-Poly1305)': ["cipher = 'chacha20'"],
  'aegis (Candor: AEGIS-256)': ["cipher = 'aegis'", "algorithm = 'aegis-256'"],
  'aegis (AEGIS-128L)': ["cipher = 'aegis'", "algorithm = 'aegis-128l'"],
};
const BATCHES = 30;
const ROWS = 5_000;
const root = mkdtempSync(path.join(tmpdir(), 'candor-cipher-cost-'));
try {
  const dbs = Object.entries(VARIANTS).map(([name, pragmas], k) => {
    const db = new Database(path.join(root, `${k}.db`));
    for (const p of pragmas) db.pragma(p);
    if (pragmas.length) db.pragma(`key = "x'${'11'.repeat(32)}'"`);
    for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'secure_delete = ON']) db.pragma(p);
    db.exec(`CREATE TABLE facts (customer_id TEXT, id TEXT, category TEXT, text TEXT, value_json TEXT, source TEXT,
      collected_at TEXT, PRIMARY KEY (customer_id, id)) WITHOUT ROWID`);
    const insert = db.prepare('INSERT INTO facts VALUES (?, ?, ?, ?, NULL, ?, ?)');
    const batch = db.transaction((b: number) => {
      for (let i = 0; i < ROWS; i++)
        insert.run(
          'c_ingest',
          `b${b}-${i}`,
          'user.behavior.purchase_history',
          `cg1:group${b}:${i % 64}`,
          '',
          '2026-11-01',
        );
    });
    return { name, db, batch, ms: 0 };
  });
  for (let b = 0; b < BATCHES; b++)
    for (const d of dbs) {
      const t0 = performance.now();
      d.batch(b);
      d.ms += performance.now() - t0;
    }
  for (const d of dbs) {
    console.log(`${d.name}: ${((d.ms * 1000) / (BATCHES * ROWS)).toFixed(2)} µs a row`);
    d.db.close();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
