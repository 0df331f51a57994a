/**
 * Several Candor servers, one PostgreSQL database: two `server/main.ts` processes share a real
 * PostgreSQL on loopback, with Debian's nginx in front configured from the README's sample. A
 * consent withdrawn through server A reaches a panel on server B (how fast: the benchmark's
 * fanout_2servers_p99_ms, never a timed assertion); writers on both
 * servers keep one audit chain; kill -9 of a server while panels are connected and changes are
 * arriving: panels come back through the other server, no acknowledged change is lost, and
 * `candor audit verify` passes. Skipped (and reported so) without CANDOR_TEST_DATABASE_URL;
 * with CANDOR_REQUIRE_PG=1 (CI) a missing PostgreSQL or nginx fails instead.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { promisify } from 'node:util';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPgDatabase, PG_URL } from '../server/store/test-backends.js';
import { openPostgresStore } from '../server/store/index.js';
import type { AssistUpdate } from '../server/protocol/events.js';
import type { AssistView } from '../server/protocol/assist.js';
import type { PanelClient } from '../harness/server.js';
import { startServerProcess, type ServerProcess } from '../harness/processes.js';
import { NGINX, startNginx } from './helpers/nginx.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const required = process.env.CANDOR_REQUIRE_PG === '1';

it('PostgreSQL and nginx are there when CI requires them', () => {
  if (!required) return;
  expect(PG_URL, 'CANDOR_TEST_DATABASE_URL must name a PostgreSQL server').toBeTruthy();
  expect(existsSync(NGINX), `${NGINX} (Debian's nginx)`).toBe(true);
});

(PG_URL && existsSync(NGINX) ? describe : describe.skip)('several servers on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshPgDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let lb: Awaited<ReturnType<typeof startNginx>>;
  const dirs: string[] = [];
  const panels: PanelClient[] = [];
  const tokens = { agent: '', admin: '' };

  const call = async (base: string, method: string, route: string, body?: unknown, token = tokens.admin) => {
    const res = await fetch(`${base}/api/v1${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  // The servers share one key store (the same key directory on this machine).
  const keyDir = mkdtempSync(path.join(tmpdir(), 'candor-cluster-keys-'));
  dirs.push(keyDir);
  const server = async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-cluster-'));
    dirs.push(dir);
    return startServerProcess({
      DATABASE_URL: db.url,
      CANDOR_DATA_DIR: dir,
      CANDOR_KEY_DIR: keyDir,
      CANDOR_DEMO: 'false',
      CANDOR_PORTAL_SECRET: 'a-secret-both-servers-share-0123456789',
    });
  };
  /** The last `ticket:open` of each panel, so a test can wait until a reconnected panel has its ticket again. */
  const opened = new Map<PanelClient, Promise<unknown>>();
  /** A panel on `base` with the ticket open; opened again after every reconnection, as the extension does. */
  const panel = async (base: string, ticketId: string): Promise<PanelClient> => {
    const socket: PanelClient = connect(`${base}/panel`, {
      auth: { token: tokens.agent },
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
    });
    panels.push(socket);
    const open = () =>
      new Promise<AssistView>((resolve, reject) =>
        socket.emit(
          'ticket:open',
          { ticketId, customerId: 'c_dana', conversation: [{ role: 'customer', text: 'my blender order' }] },
          (r) => (r.ok ? resolve(r.data as AssistView) : reject(new Error(r.error.message))),
        ),
      );
    socket.on('connect', () => opened.set(socket, open()));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await opened.get(socket);
    return socket;
  };
  /** The first view pushed to `socket` without the order fact. */
  const dropsOrder = (socket: PanelClient) =>
    new Promise<AssistUpdate>((resolve) => {
      const onUpdate = (u: AssistUpdate) => {
        if (u.view.context.shown.some((f) => f.factId === 'f1')) return;
        socket.off('assist:updated', onUpdate);
        resolve(u);
      };
      socket.on('assist:updated', onUpdate);
    });
  const verify = () =>
    promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/candor.js'), 'audit', 'verify'], {
      env: { ...process.env, DATABASE_URL: db.url, CANDOR_KEY_DIR: keyDir },
    });

  beforeAll(async () => {
    db = await freshPgDatabase(PG_URL!);
    const store = await openPostgresStore(db.url, { CANDOR_KEY_DIR: keyDir });
    tokens.agent = (await store.tokens.create('cluster agent', 'agent', { actor: 'test', channel: 'test' })).token;
    tokens.admin = (await store.tokens.create('cluster admin', 'admin', { actor: 'test', channel: 'test' })).token;
    await store.close();
    [a, b] = await Promise.all([server(), server()]);
    lb = await startNginx([a.url, b.url]);
    await call(a.url, 'PUT', '/customers/c_dana', { displayName: 'Dana K.', email: 'dana@example.org' });
    await call(a.url, 'POST', '/customers/c_dana/facts', {
      facts: [
        {
          id: 'f1',
          category: 'user.behavior.purchase_history',
          text: 'Blender Pro 3000, order #1042',
          source: 'orders',
          collectedAt: '2026-11-14T10:00:00Z',
        },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    for (const p of panels) p.disconnect();
    await lb?.stop();
    await Promise.all([a?.kill(), b?.kill()]);
    await db?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const grant = (base: string, id: string) =>
    call(base, 'POST', '/customers/c_dana/consents', {
      consent: {
        id,
        purpose: 'essential.service.operations.support',
        categories: ['user.behavior.purchase_history'],
        status: 'granted',
        source: 'checkout',
      },
    });

  it(
    'when a consent is withdrawn through server A, then a panel connected ' +
      'to server B is pushed a view without the fact, saying why',
    async () => {
      await grant(a.url, 'k1');
      const onB = await panel(b.url, 'T-b');
      const dropped = dropsOrder(onB);
      expect((await call(a.url, 'POST', '/customers/c_dana/consents/k1/withdraw', {}, tokens.agent)).status).toBe(200);
      const update = await dropped;
      expect(update.notice).toMatchObject({ kind: 'consent.withdrawn' });
      expect(update.view.context.withheld).toContainEqual({
        category: 'user.behavior.purchase_history',
        categoryName: 'purchase history',
        reason: 'withdrawn',
        count: 1,
      });
    },
  );

  it("when a customer is erased through server A, then their data key leaves server B's memory too", async () => {
    await call(a.url, 'PUT', '/customers/c_eve', { displayName: 'Eve zqShred', email: 'eve@example.org' });
    // B opens her name, and keeps her unwrapped key in memory.
    expect((await call(b.url, 'GET', '/customers/c_eve')).body.customer.displayName).toBe('Eve zqShred');
    const raw = new pg.Client({ connectionString: db.url });
    await raw.connect();
    try {
      const sealed = (await raw.query("SELECT display_name FROM customers WHERE id = 'c_eve'")).rows[0].display_name;
      expect(sealed).toMatch(/^cv1:/);
      expect((await call(a.url, 'POST', '/customers/c_eve/erase', {})).status).toBe(200);
      // Her sealed name put back, as a restored backup would hold it: B must not open it with a key it remembered.
      const deadline = Date.now() + 5000;
      let shown = '';
      while (Date.now() < deadline) {
        await raw.query("UPDATE customers SET display_name = $1 WHERE id = 'c_eve'", [sealed]);
        shown = (await call(b.url, 'GET', '/customers/c_eve')).body.customer.displayName;
        if (shown === 'Erased customer') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(shown).toBe('Erased customer');
    } finally {
      await raw.end();
    }
  });

  it('when both servers write at once, then the audit log is one chain and `candor audit verify` passes', async () => {
    const writes = Array.from({ length: 40 }, (_, i) =>
      i % 2
        ? grant(a.url, `kc${i}`)
        : call(b.url, 'POST', '/customers/c_dana/opt-in', { ticketId: 'T-w' }, tokens.agent),
    );
    const opens = [a.url, b.url].map((u) =>
      call(
        u,
        'POST',
        '/assist',
        { ticketId: 'T-w', customerId: 'c_dana', conversation: [{ role: 'customer', text: 'hi' }] },
        tokens.agent,
      ),
    );
    const answers = await Promise.all([...writes, ...opens]);
    expect(answers.every((r) => r.status < 300)).toBe(true);
    const { stdout } = await verify();
    expect(stdout).toMatch(/^audit chain verified: \d+ entries/);
  });

  it('when server A is killed with -9 while panels are connected and ' +
    'changes arrive, then panels come back through B, no acknowledged ' +
    'change is lost, and the chain verifies', async () => {
    const onLb = await Promise.all(Array.from({ length: 6 }, (_, i) => panel(lb.url, `T-lb-${i}`)));
    const acknowledged: string[] = [];
    let stop = false;
    // Consent changes keep arriving through nginx; each acknowledged one is noted.
    const traffic = (async () => {
      for (let i = 0; !stop; i++) {
        const r = await grant(lb.url, `kf${i}`).catch(() => null);
        if (r?.status === 201) acknowledged.push(`kf${i}`);
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    await a.kill();
    await new Promise((r) => setTimeout(r, 700));
    stop = true;
    await traffic;

    await Promise.all(
      onLb.map((p) =>
        p.connected ? Promise.resolve() : new Promise<void>((resolve) => p.once('connect', () => resolve())),
      ),
    );
    await Promise.all(onLb.map((p) => opened.get(p)));
    // Reconnected panels are live on B: an opt-out (the many grants above still cover the fact) reaches each of them.
    const drops = onLb.map(dropsOrder);
    expect((await call(lb.url, 'POST', '/customers/c_dana/opt-out', {}, tokens.agent)).status).toBe(200);
    for (const update of await Promise.all(drops)) expect(update.notice).toMatchObject({ kind: 'customer.opted_out' });

    const { body } = await call(lb.url, 'GET', '/customers/c_dana/consents');
    const held = new Set((body.history as { consentId: string }[]).map((h) => h.consentId));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter((id) => !held.has(id))).toEqual([]);
    const { stdout } = await verify();
    expect(stdout).toMatch(/^audit chain verified: \d+ entries/);
  }, 30_000);
});
