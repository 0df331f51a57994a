/**
 * A consent change acknowledged to a caller survives `kill -9`: the server runs as its own
 * process (as `npm start` runs it), is killed hard right after the acknowledgement, and restarted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../harness/processes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'candor-kill-'));
const started: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.kill()));
  rmSync(dir, { recursive: true, force: true });
});

const start = async () => {
  const s = await startServerProcess({ CANDOR_DATA_DIR: dir });
  started.push(s);
  return s;
};

const call = async (url: string, token: string, method: string, route: string, body?: unknown) => {
  const res = await fetch(`${url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
};

describe('durability', () => {
  it('when the server is killed hard right after acknowledging a ' +
    'withdrawal, then the withdrawal is there after restart', async () => {
    const first = await start();
    const admin = /admin token: (cnd_\S+)/.exec(first.out())?.[1];
    expect(admin, 'npm start on a fresh data dir prints an admin token').toBeTruthy();

    await call(first.url, admin!, 'PUT', '/customers/c_kill', { displayName: 'Kim' });
    await call(first.url, admin!, 'POST', '/customers/c_kill/consents/import', {
      system: 'the test seed',
      consents: [
        {
          id: 'k1',
          purpose: 'essential',
          categories: ['user.behavior'],
          status: 'granted',
          at: '2026-01-01T00:00:00Z',
          source: 'signup',
        },
      ],
    });
    const ack = await call(first.url, admin!, 'POST', '/customers/c_kill/consents/k1/withdraw', { channel: 'chat' });
    expect(ack.status).toBe(200);
    await first.kill();

    const second = await start();
    expect(second.out()).not.toContain('admin token'); // not fresh: nothing seeded again
    const { body } = await call(second.url, admin!, 'GET', '/customers/c_kill/consents');
    expect(body.history.map((h: { kind: string }) => h.kind)).toEqual(['granted', 'withdrawn']);
    expect(body.consents[0].withdrawnAt).toBe(ack.body.consent.withdrawnAt);
    const verify = await call(second.url, admin!, 'GET', '/audit/verify');
    expect(verify.body.ok).toBe(true);
    await second.kill();
  }, 60_000);
});
