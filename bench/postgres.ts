/**
 * The PostgreSQL figures: the assist context on the headline store (2,000,000 facts) copied into
 * PostgreSQL with `candor migrate-to-postgres`'s own code, and a consent withdrawal fanned out to
 * 200 panels split over two servers sharing the database (withdrawn through one of them). Runs
 * when `CANDOR_BENCH_DATABASE_URL` names a PostgreSQL server on which it may create databases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { parseConfig } from '../server/config.js';
import { loadAssistSettings } from '../server/assist/settings.js';
import { buildContext } from '../server/context/view.js';
import { copyToPostgres } from '../server/store/copy-to-postgres.js';
import { keysIn, openPostgresStore } from '../server/store/index.js';
import { openKeys } from '../server/store/keys.js';
import { freshPgDatabase } from '../server/store/test-backends.js';
import { startServerProcess } from '../harness/processes.js';
import { buildServer } from '../scripts/build.mjs';
import { buildDataSet, TARGET } from './data.js';
import { quantile, sample } from './stats.js';

type Progress = (line: string) => void;
const CONVERSATION = [
  { role: 'customer' as const, text: 'Hi, the blender from my last order stopped working. Can you check the order?' },
];

export async function postgresBench(o: { quick: boolean; progress: Progress; url: string }) {
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  await context(o, figures, notes);
  await fanout(o, figures, notes);
  return { figures, notes };
}

async function context(
  o: { quick: boolean; progress: Progress; url: string },
  figures: Record<string, number>,
  notes: string[],
) {
  const size = o.quick ? { customers: 20_000, factsEach: 20 } : { customers: 100_000, factsEach: 20 };
  const n = o.quick ? { warmup: 100, samples: 1000 } : { warmup: 500, samples: 5000 };
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-bench-pg-'));
  const db = await freshPgDatabase(o.url);
  try {
    const facts = await buildDataSet(dir, { ...size, progress: o.progress });
    const keys = await openKeys(keysIn(dir), true);
    await copyToPostgres(dir, db.url, keys, ({ table, copied, total }) =>
      copied % 100_000 === 0 || copied === total
        ? o.progress(`pg copy: ${table} ${copied.toLocaleString('en')}/${total.toLocaleString('en')}`)
        : undefined,
    );
    await keys.vault.close();
    const store = await openPostgresStore(db.url, keysIn(dir));
    try {
      await store.audit.append([]); // a first round trip, so the pool is warm
      const settings = loadAssistSettings(parseConfig({}));
      const r = await sample(
        async () =>
          buildContext(
            { ...(await store.customers.snapshot(TARGET))!, conversation: CONVERSATION, now: Date.now() },
            settings,
          ),
        { ...n, progress: (i) => o.progress(`pg context: ${i}/${n.samples}`) },
      );
      Object.assign(figures, { pg_context_p50_ms: r.p50, pg_context_p99_ms: r.p99 });
      notes.push(
        `pg_context: PostgreSQL on loopback, ${size.customers.toLocaleString('en')} customers, ` +
          `${facts.toLocaleString('en')} facts; snapshot + policy + ranking; ${n.samples} samples after ${n.warmup}`,
      );
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}

async function fanout(
  o: { quick: boolean; progress: Progress; url: string },
  figures: Record<string, number>,
  notes: string[],
) {
  const db = await freshPgDatabase(o.url);
  const dirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), 'candor-bench-pg-srv-')));
  const store = await openPostgresStore(db.url, keysIn(dirs[0]!));
  const meta = { actor: 'bench', channel: 'bench' };
  const agent = (await store.tokens.create('bench agent', 'agent', meta)).token;
  const admin = (await store.tokens.create('bench admin', 'admin', meta)).token;
  await store.customers.upsert({ id: 'c_fan', displayName: 'Fan Out' }, meta);
  await store.facts.upsertMany(
    'c_fan',
    [
      {
        id: 'f1',
        category: 'user.behavior.purchase_history',
        text: 'Blender Pro 3000, order #1042',
        source: 'orders',
        collectedAt: '2026-11-14T10:00:00.000Z',
      },
    ],
    meta,
  );
  await store.close();
  // The servers run as `npm start` runs them, from a build of this code.
  await buildServer();
  const { OPENAI_API_KEY: _offline, ...env } = process.env;
  const servers = await Promise.all(
    dirs.map((dir) =>
      startServerProcess({
        ...env,
        DATABASE_URL: db.url,
        CANDOR_DATA_DIR: dir,
        CANDOR_DEMO: 'false',
        CANDOR_LOG_LEVEL: 'error',
      } as Record<string, string>),
    ),
  );
  const panels: Socket[] = [];
  try {
    const grant = () =>
      call(servers[0]!.url, admin, 'POST', '/customers/c_fan/consents', {
        consent: {
          id: 'k1',
          purpose: 'essential.service.operations.support',
          categories: ['user.behavior'],
          status: 'granted',
          source: 'bench',
        },
      });
    await grant();
    for (let i = 0; i < 200; i++) {
      const socket = io(`${servers[i % 2]!.url}/panel`, {
        auth: { token: agent },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      panels.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      await new Promise<void>((resolve, reject) =>
        socket.emit(
          'ticket:open',
          { ticketId: `T-${i}`, customerId: 'c_fan', conversation: CONVERSATION },
          (a: { ok: boolean }) => (a.ok ? resolve() : reject(new Error('ticket:open failed'))),
        ),
      );
    }
    o.progress('pg fanout: 200 panels on 2 servers');
    const allUpdated = () =>
      Promise.all(panels.map((p) => new Promise<void>((resolve) => p.once('assist:updated', () => resolve()))));
    const times: number[] = [];
    const rounds = o.quick ? 8 : 30;
    for (let r = 0; r < rounds; r++) {
      const updated = allUpdated();
      const t0 = performance.now();
      await call(servers[0]!.url, admin, 'POST', '/customers/c_fan/consents/k1/withdraw', {});
      await updated;
      times.push(performance.now() - t0);
      const regranted = allUpdated();
      await grant();
      await regranted;
      o.progress(`pg fanout: ${r + 1}/${rounds} rounds`);
    }
    times.sort((a, b) => a - b);
    Object.assign(figures, {
      fanout_2servers_p50_ms: quantile(times, 0.5),
      fanout_2servers_p99_ms: quantile(times, 0.99),
    });
    notes.push(
      `fanout_2servers: 2 server processes on one PostgreSQL (socket.io ` +
        `PostgreSQL adapter), 100 panels on each, all on one customer; ` +
        `${rounds} withdrawals through server 1, each until the last of the 200 ` +
        `had assist:updated (p99 of ${rounds} rounds is their maximum)`,
    );
  } finally {
    for (const p of panels) p.disconnect();
    await Promise.all(servers.map((s) => s.kill()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await db.drop();
  }
}

async function call(base: string, token: string, method: string, route: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}`);
}
