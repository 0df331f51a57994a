import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import path from 'node:path';
const key = "x'" + '11'.repeat(32) + "'";
const variants = {
  plain: [],
  sqlcipher: ["cipher = 'sqlcipher'"],
  sqlcipher_sha256: ["cipher = 'sqlcipher'", 'hmac_algorithm = 1'],
  sqlcipher_nohmac: ["cipher = 'sqlcipher'", 'hmac_use = 0'],
  chacha20: ["cipher = 'chacha20'"],
  aes256cbc: ["cipher = 'aes256cbc'"],
};
const dbs = Object.entries(variants).map(([n, pr]) => {
  const db = new Database(path.join(mkdtempSync(path.join(tmpdir(), 'cc-')), 'x.db'));
  for (const p of pr) db.pragma(p);
  if (pr.length) db.pragma(`key = "${key}"`);
  db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('secure_delete = ON');
  db.exec('CREATE TABLE facts (customer_id TEXT, id TEXT, category TEXT, text TEXT, value_json TEXT, source TEXT, at TEXT, PRIMARY KEY (customer_id, id)) WITHOUT ROWID');
  const ins = db.prepare('INSERT INTO facts VALUES (?,?,?,?,?,?,?)');
  return { n, db, ins, t: 0 };
});
for (let b = 0; b < 30; b++) for (const d of dbs) {
  const t0 = performance.now();
  d.db.transaction(() => { for (let i = 0; i < 5000; i++) d.ins.run('c_ingest', `b${b}-${i}`, 'user.behavior.purchase_history', `cg1:abcdefgh:${i % 64}`, null, '', '2026-11-01T00:00:00.000Z'); })();
  d.t += performance.now() - t0;
}
for (const d of dbs) console.log(d.n, (d.t * 1000 / 150000).toFixed(2), 'µs/row');
