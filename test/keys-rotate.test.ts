/**
 * `candor keys rotate` while a server is serving: the server keeps reading old customers and making new ones during
 * the rotation, every data key ends wrapped by the new master, the old master file is gone, and a server started
 * afterwards (knowing only the new master) reads everyone.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../harness/processes.js';
import { keysIn, openSqliteStore } from '../server/store/index.js';
import { openKeyDir } from '../server/keys/key-dir.js';
import { openKeyStore } from '../server/store/keys.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'candor-rotate-'));
const keys = keysIn(dir);
const started: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.kill()));
  rmSync(dir, { recursive: true, force: true });
});

const masters = () => readdirSync(keys.CANDOR_KEY_DIR).filter((n) => n.startsWith('master-'));

describe('candor keys rotate', () => {
  it('when the master key is rotated while a server serves, then nothing fails and everyone reads after', async () => {
    const store = await openSqliteStore(dir, keys);
    const meta = { actor: 'test', channel: 'test' };
    const admin = (await store.tokens.create('admin', 'admin', meta)).token;
    for (let i = 0; i < 300; i++) await store.customers.upsert({ id: `c${i}`, displayName: `Old ${i}` }, meta);
    await store.close();
    const [oldMaster] = masters();
    expect(oldMaster).toBeDefined();

    const server = await startServerProcess({ CANDOR_DATA_DIR: dir, CANDOR_DEMO: 'false' });
    started.push(server);
    const call = async (s: ServerProcess, method: string, route: string, body?: unknown) => {
      const res = await fetch(`${s.url}/api/v1${route}`, {
        method,
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { customer?: { displayName: string } } };
    };

    const rotation = promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/candor.js'), 'keys', 'rotate'], {
      env: { ...process.env, CANDOR_DATA_DIR: dir, CANDOR_KEY_DIR: keys.CANDOR_KEY_DIR },
    });
    let rotating = true;
    void rotation.finally(() => (rotating = false)).catch(() => undefined);
    const failures: string[] = [];
    let n = 0;
    // New customers (new data keys, wrapped by whichever master is current) and old ones, until the rotation is done.
    while (rotating || n < 20) {
      const made = await call(server, 'PUT', `/customers/new${n}`, { displayName: `New ${n}` });
      const read = await call(server, 'GET', `/customers/c${n % 300}`);
      if (made.status >= 300) failures.push(`PUT new${n}: ${made.status}`);
      if (read.body.customer?.displayName !== `Old ${n % 300}`) failures.push(`GET c${n % 300}: ${read.status}`);
      n += 1;
    }
    const { stdout } = await rotation;
    expect(stdout).toMatch(/^master key [0-9a-f]{16} is current: [\d,]+ data keys re-wrapped; retired [0-9a-f]{16}/);
    expect(failures).toEqual([]);
    expect(masters()).toHaveLength(1);
    expect(masters()[0]).not.toBe(oldMaster);
    const keyStore = await openKeyStore(keys, openKeyDir(keys.CANDOR_KEY_DIR));
    try {
      const current = (await keyStore.currentMaster())!;
      expect(await keyStore.notWrappedBy(current, 10)).toEqual([]);
    } finally {
      await keyStore.close();
    }

    // A server started now knows only the new master.
    await server.kill();
    const next = await startServerProcess({ CANDOR_DATA_DIR: dir, CANDOR_DEMO: 'false' });
    started.push(next);
    for (const i of [0, 150, 299])
      expect((await call(next, 'GET', `/customers/c${i}`)).body.customer?.displayName).toBe(`Old ${i}`);
    for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 5)))
      expect((await call(next, 'GET', `/customers/new${i}`)).body.customer?.displayName).toBe(`New ${i}`);
  }, 120_000);
});
