/**
 * The "done when": after the product starts on a fresh data directory (the demo seeded, as `npm start` does)
 * and a panel's assist has run, no demo customer's value is found in the bytes of any file under the data directory
 * (the database, its WAL, anything else). The same run with encryption off finds them, so the search can fail.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../harness/processes.js';
import { DEMO_CUSTOMERS, DEMO_TICKETS } from '../server/demo/data.js';

const started: ServerProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.kill()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every string in a fact's value, long enough to point at someone (an order number, a product, a street). */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

const VALUES = [
  ...new Set(
    DEMO_CUSTOMERS.flatMap((d) => [
      d.customer.displayName,
      ...(d.customer.email ? [d.customer.email] : []),
      ...d.facts.flatMap((f) => [f.text, ...strings(f.value)]),
      ...d.consents.flatMap((r) => (r.kind === 'granted' ? [r.consent.source] : [])),
    ]),
  ),
].filter((v) => v.length >= 6 && !/^\d{4}-\d{2}-\d{2}/.test(v));

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });

/** Starts the product on a fresh data directory, runs an assist for a demo ticket, and kills it hard (the WAL stays). */
async function runOnce(env: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-at-rest-'));
  const keys = mkdtempSync(path.join(tmpdir(), 'candor-at-rest-keys-'));
  dirs.push(dir, keys);
  const s = await startServerProcess({ CANDOR_DATA_DIR: dir, CANDOR_KEY_DIR: keys, CANDOR_DEMO: 'true', ...env });
  started.push(s);
  const token = /agent token: (\S+)/.exec(s.out())![1]!;
  const ticket = DEMO_TICKETS[0]!;
  const res = await fetch(`${s.url}/api/v1/assist`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      ticketId: ticket.id,
      customerId: 'c_dana',
      conversation: ticket.messages.map((m) => ({ role: m.role, text: m.text })),
    }),
  });
  expect(res.status).toBe(200);
  await s.kill();
  return dir;
}

const found = (dir: string) =>
  files(dir).flatMap((f) => {
    const bytes = readFileSync(f);
    return VALUES.filter((v) => bytes.includes(Buffer.from(v))).map((v) => `${path.basename(f)}: ${v}`);
  });

describe('encrypted at rest', () => {
  it('when the demo has started and an assist ran, then no demo customer value is in any file under the data directory', async () => {
    expect(VALUES.length).toBeGreaterThan(20);
    const dir = await runOnce({});
    expect(files(dir).map((f) => path.basename(f))).toContain('candor.db-wal');
    expect(found(dir)).toEqual([]);
  }, 60_000);

  it('when encryption is off (for comparison only), then the same search finds them', async () => {
    const dir = await runOnce({ CANDOR_ENCRYPTION: 'off' });
    expect(found(dir).length).toBeGreaterThan(10);
  }, 60_000);
});
