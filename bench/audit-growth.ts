/**
 * `npx tsx bench/audit-growth.ts [--seconds N]`: how fast the audit log grows with 1,000 panels, for the README's
 * retention sizing. A real server process on a seeded SQLite file (bench/realtime.ts), 1,000 panels connected with a
 * ticket open each (200 on one customer); then, for N seconds (default 120), ticket opens at 100 a second across the
 * panels and a consent withdrawal or grant on the shared customer every 2 seconds (each pushes a new view to its 200
 * panels). Afterwards the file is checkpointed and SQLite's own page counts (dbstat) give the audit table's and its
 * index's bytes. Prints one JSON object; per-minute and per-day figures are extrapolated from the run, and say so.
 */
import { once } from 'node:events';
import { statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DB_FILE } from '../server/store/sqlite.js';
import { rawDb } from '../server/store/test-backends.js';
import { seeded } from '../harness/seeded.js';
import { connectPanels, customerId, open, startServerProcess } from './realtime.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '120' } } });
const seconds = Number(values.seconds);
const progress = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Entries, and bytes of the audit table and its index, of the database in `dir` (checkpointed first). */
function measure(dir: string) {
  const db = rawDb(dir);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const entries = (db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
    const bytes = (
      db.prepare("SELECT SUM(pgsize) AS b FROM dbstat WHERE name IN ('audit', 'audit_by_customer')").get() as {
        b: number;
      }
    ).b;
    const byKind = db.prepare('SELECT kind, COUNT(*) AS n FROM audit GROUP BY kind ORDER BY n DESC').all();
    return { entries, bytes, fileBytes: statSync(path.join(dir, DB_FILE)).size, byKind };
  } finally {
    db.close();
  }
}

const server = await startServerProcess(progress);
const panels = await connectPanels(server.url, server.agent, 1000, progress);
const target = customerId(42);
const tickets = panels.map((_, i) => [`F-${i}`, i < 200 ? target : customerId(100 + i)] as const);
await Promise.all(panels.map((p, i) => open(p, ...tickets[i]!)));
await sleep(500);
server.child.kill('SIGSTOP'); // a still moment to read the file from beside it
const before = measure(server.dir);
server.child.kill('SIGCONT');

const rnd = seeded(11);
const pending: Promise<unknown>[] = [];
const t0 = performance.now();
let opens = 0;
let changes = 0;
let failed = 0;
let sent = 0;
for (let k = 0; performance.now() - t0 < seconds * 1000; k++) {
  const wait = t0 + k * 10 - performance.now();
  if (wait > 0) await sleep(wait);
  const i = Math.floor(rnd() * panels.length);
  // Mostly the ticket already open in that panel (a refresh), sometimes another customer's.
  const [ticketId, customer] = rnd() < 0.8 ? tickets[i]! : [`T-${k}`, customerId(Math.floor(rnd() * 2000))];
  pending.push(open(panels[i]!, ticketId, customer).catch(() => undefined));
  opens += 1;
  if (k % 200 === 0) {
    const path_ =
      sent++ % 2 === 0
        ? ['POST', `/customers/${target}/consents/k1/withdraw`, { channel: 'api' }]
        : [
            'POST',
            `/customers/${target}/consents`,
            {
              consent: {
                id: 'k1',
                purpose: 'essential.service.operations.support',
                categories: ['user.behavior', 'user.contact'],
                status: 'granted',
                source: 'bench',
              },
            },
          ];
    // A change the server could not take (a reused connection it closed) is counted out, not retried.
    pending.push(
      server.api(...(path_ as [string, string, unknown])).then(
        () => (changes += 1),
        () => (failed += 1),
      ),
    );
  }
  if (k % 2000 === 0) progress(`soak: ${Math.round((performance.now() - t0) / 1000)}/${seconds} s`);
}
await Promise.all(pending);
const elapsed = (performance.now() - t0) / 1000;
await sleep(500);
for (const p of panels) p.disconnect();
server.child.kill('SIGKILL');
if (server.child.exitCode === null && server.child.signalCode === null) await once(server.child, 'exit');
const after = measure(server.dir);
server.stop();

const entries = after.entries - before.entries;
const bytes = after.bytes - before.bytes;
const perMinute = (x: number) => (x / elapsed) * 60;
console.log(
  JSON.stringify(
    {
      seconds: Math.round(elapsed),
      panels: 1000,
      opens,
      consentChanges: changes,
      consentChangesFailed: failed,
      entries,
      auditBytes: bytes,
      bytesPerEntry: Math.round(bytes / entries),
      entriesPerMinute: Math.round(perMinute(entries)),
      auditMbPerMinute: Number((perMinute(bytes) / 1e6).toFixed(2)),
      entriesPerDayExtrapolated: Math.round(perMinute(entries) * 1440),
      auditGbPerDayExtrapolated: Number(((perMinute(bytes) * 1440) / 1e9).toFixed(2)),
      fileGrowthMbPerMinute: Number((perMinute(after.fileBytes - before.fileBytes) / 1e6).toFixed(2)),
      byKind: after.byKind,
    },
    null,
    2,
  ),
);
