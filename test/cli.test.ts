/** `candor audit verify` and `candor tokens` against a real data directory, as an operator runs them. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { rawDb } from '../server/store/test-backends.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { keysIn, openSqliteStore } from '../server/store/index.js';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'candor-cli-'));

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
  const store = await openSqliteStore(dir, keysIn(dir));
  const meta = { actor: 'test', channel: 'test' };
  await store.customers.upsert({ id: 'c1', displayName: 'Ana' }, meta);
  await store.consents.append(
    'c1',
    [
      {
        kind: 'granted',
        consent: {
          id: 'k1',
          purpose: 'essential',
          categories: ['user'],
          status: 'granted',
          at: '2026-01-01T00:00:00.000Z',
          source: 'signup',
        },
      },
    ],
    { ...meta, by: 'system' },
  );
  await store.consents.append('c1', [{ kind: 'withdrawn', consentId: 'k1', at: '2026-02-01T00:00:00.000Z' }], {
    ...meta,
    by: 'system',
  });
  store.close();
});

describe('candor audit verify', () => {
  it('when the log is intact, then it says so and exits 0', async () => {
    const r = await candor('audit', 'verify');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/audit chain verified: 3 entries/);
  });

  it('when an entry is changed, then it names the entry and exits 1', async () => {
    const db = rawDb(dir);
    const original = db.prepare('SELECT payload_json FROM audit WHERE seq = 2').pluck().get() as string;
    db.prepare('UPDATE audit SET payload_json = ? WHERE seq = 2').run(original.replace('k1', 'k9'));
    db.close();
    const r = await candor('audit', 'verify');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('audit chain BROKEN at entry 2: entry 2 was changed after it was written');
    const fix = rawDb(dir);
    fix.prepare('UPDATE audit SET payload_json = ? WHERE seq = 2').run(original);
    fix.close();
  });

  it('when the last entry is deleted, then the head gives it away and exit is 1', async () => {
    const db = rawDb(dir);
    db.prepare('DELETE FROM audit WHERE seq = 3').run();
    db.close();
    const r = await candor('audit', 'verify');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('entries were deleted or added outside the log');
  });

  it('when called wrongly, then exit 2 with the usage line', async () => {
    const r = await candor('audit');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: candor audit verify');
  });
});

describe('candor tokens', () => {
  it('when a token is created, then it is printed once and the list never shows it', async () => {
    const created = await candor('tokens', 'create', '--role', 'agent', '--name', 'Sam');
    expect(created.code).toBe(0);
    const token = /(cnd_\S+)/.exec(created.stdout)![1]!;
    const list = await candor('tokens', 'list');
    expect(list.stdout).toMatch(/tok_\w+\s+agent\s+Sam/);
    expect(list.stdout).not.toContain(token);
    expect((await candor('tokens', 'create', '--role', 'boss', '--name', 'x')).code).toBe(2);
  });

  it('when a token is made with a team, then the list shows it; a blank or long team is refused naming --team', async () => {
    const created = await candor('tokens', 'create', '--role', 'agent', '--name', 'Kim', '--team', ' Billing ');
    expect(created.stdout).toMatch(/^tok_\w+ \(agent, Kim, team Billing\): cnd_/);
    const list = (await candor('tokens', 'list')).stdout;
    expect(list).toMatch(/tok_\w+\s+agent\s+Kim {2}team Billing\n/);
    expect(list).toMatch(/tok_\w+\s+agent\s+Sam {2}no team\n/);
    for (const team of ['  ', 'x'.repeat(61)]) {
      const refused = await candor('tokens', 'create', '--role', 'agent', '--name', 'Lee', '--team', team);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--team: expected a team name/);
    }
  });
});

describe('candor prompts check', () => {
  it('when every template is sound, then it says how many and exits 0', async () => {
    const r = await candor('prompts', 'check', path.join(root, 'prompts'), '--model');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^59 template\(s\) in .*prompts: no problems/);
  });

  it('when a template names an unknown variable, then it prints file:line and exits 1', async () => {
    const drafts = mkdtempSync(path.join(tmpdir(), 'candor-prompts-'));
    cpSync(path.join(root, 'prompts/offline'), drafts, { recursive: true });
    const file = path.join(drafts, 'fact-purchase.liquid');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{ fact.text }}', '{{ fact.txt }}'));
    const r = await candor('prompts', 'check', drafts);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:8: unknown variable "fact.txt"`);
    expect(r.stdout).toMatch(/1 problem\(s\) in /);
  });

  it('when called wrongly, then exit 2 with the usage line', async () => {
    const r = await candor('prompts', 'lint');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: candor prompts check');
  });
});
