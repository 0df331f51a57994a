/**
 * `candor breach report` against a real data directory, as an operator runs it: a revoked agent token's views and
 * model calls, read back as a readable report and as JSON, with no fact value in either; mistakes name the option.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { keysIn, openSqliteStore } from '../server/store/index.js';
import type { BreachReport } from '../server/protocol/breach.js';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'candor-breach-cli-'));
const SECRET_TEXT = 'Blender Pro 3000, order #1042';
let tokenId = '';
let from = '';

async function candor(...args: string[]) {
  try {
    const r = await promisify(execFile)(process.execPath, [path.join(root, 'bin/candor.js'), ...args], {
      env: { ...process.env, CANDOR_DATA_DIR: dir, CANDOR_KEY_DIR: path.join(dir, 'keys') },
    });
    return { code: 0, ...r };
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
}

beforeAll(async () => {
  from = new Date(Date.now() - 60_000).toISOString();
  const store = await openSqliteStore(dir, keysIn(dir));
  const meta = { actor: 'test', channel: 'test' };
  for (const [id, name] of [
    ['c1', 'Ana B.'],
    ['c2', 'Ben C.'],
  ] as const) {
    await store.customers.upsert({ id, displayName: name }, meta);
    await store.facts.upsertMany(
      id,
      [
        {
          id: 'p',
          category: 'user.behavior.purchase_history',
          text: SECRET_TEXT,
          source: 'orders',
          collectedAt: '2026-01-01T00:00:00Z',
        },
        {
          id: 'm',
          category: 'user.contact.email',
          text: `${id}@example.net`,
          source: 'crm',
          collectedAt: '2026-01-01T00:00:00Z',
        },
      ],
      meta,
    );
  }
  const { record } = await store.tokens.create('Sam', 'agent', meta);
  tokenId = record.id;
  const actor = `agent:${tokenId}`;
  await store.audit.append([
    { kind: 'context.viewed', actor, customerId: 'c1', payload: { shownFactIds: ['p', 'm'], withheld: [] } },
    { kind: 'model.called', actor, customerId: 'c1', payload: { factIds: ['p'], consentIds: ['k1'] } },
    { kind: 'context.viewed', actor: 'agent:tok_other', customerId: 'c2', payload: { shownFactIds: ['p'] } },
  ]);
  await store.tokens.revoke(tokenId, meta);
  store.close();
});

describe('candor breach report', () => {
  it('when a revoked token is named, then it prints the customers it saw, the deadline and a draft', async () => {
    const r = await candor('breach', 'report', '--token', tokenId, '--from', from);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Breach report for agent:${tokenId} (Sam, revoked`);
    expect(r.stdout).toMatch(/notify the supervisory authority by .+ \(72 hours; (3 days|2 days and 23 hours) left\)/);
    expect(r.stdout).toContain('1 customer affected:');
    expect(r.stdout).toContain('  c1, Ana B.: 2 facts, shown 1 time, sent to a model 1 time');
    expect(r.stdout).toContain('    purchase history: 1 fact, shown 1 time, sent to a model 1 time');
    expect(r.stdout).toContain('Dear Ana B.,');
    // c2 was seen by another token only; as a word, since the random token id may hold "c2" ("tok_a7bcac2a7d00").
    expect(r.stdout).not.toMatch(/\bc2\b/);
    expect(r.stdout).not.toContain('Ben C.');
    expect(r.stdout).not.toContain(SECRET_TEXT);
    expect(r.stdout).not.toContain('c1@example.net');
  });

  it('with --json, prints the report as the API answers it, and the report is audited', async () => {
    const r = await candor('breach', 'report', '--actor', `agent:${tokenId}`, '--from', from, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as BreachReport;
    expect(report.customers.map((c) => [c.customerId, c.categories.map((k) => k.categoryName)])).toEqual([
      ['c1', ['e-mail address', 'purchase history']],
    ]);
    expect(r.stdout).not.toContain(SECRET_TEXT);
    const verify = await candor('audit', 'verify');
    expect(verify.stdout).toMatch(/audit chain verified/);
  });

  it('when an option is wrong or missing, then it names it and exits 2', async () => {
    const none = await candor('breach', 'report', '--from', from);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('--token: name the compromised token')]);
    const bad = await candor('breach', 'report', '--token', tokenId, '--from', 'last week');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--from: expected an ISO 8601 date-time')]);
    const unknown = await candor('breach', 'report', '--token', 'tok_nobody', '--from', from);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('no token with id "tok_nobody"')]);
  });
});
