/**
 * The realtime figures, against a real Candor server in its own process (so its memory is its
 * own), a real SQLite file, and real socket.io clients on loopback: the server's resident memory
 * with 1,000 panels connected, a consent withdrawal fanned out to 200 of them, and ticket opens at
 * a steady rate across 500 panels.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { ROOT } from '../server/config.js';
import { keysIn, openSqliteStore } from '../server/store/index.js';
import { buildDataSet } from './data.js';
import { freePort } from '../harness/ports.js';
import { quantile } from './stats.js';
import { seeded } from '../harness/seeded.js';

export type Progress = (line: string) => void;
const CUSTOMERS = 2_000;
export const customerId = (n: number) => `c_${String(n).padStart(7, '0')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seeds a data directory, then runs `server/main.ts` on it as its own process. */
export async function startServerProcess(progress: Progress) {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-bench-rt-'));
  await buildDataSet(dir, { customers: CUSTOMERS, factsEach: 10, progress });
  const store = await openSqliteStore(dir, keysIn(dir));
  const meta = { actor: 'bench', channel: 'bench' };
  const agent = (await store.tokens.create('bench agent', 'agent', meta)).token;
  const admin = (await store.tokens.create('bench admin', 'admin', meta)).token;
  store.close();
  const port = await freePort();
  const { OPENAI_API_KEY: _offline, ...env } = process.env; // the offline engine: no model in these figures
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...env,
      CANDOR_DATA_DIR: dir,
      CANDOR_KEY_DIR: keysIn(dir).CANDOR_KEY_DIR,
      PORT: String(port),
      HOST: '127.0.0.1',
      CANDOR_DEMO: 'false',
      CANDOR_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (
    let i = 0;
    i < 120 &&
    !(await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false));
    i++
  )
    await sleep(250);
  if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
  const stop = () => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const rssMb = () =>
    Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  const api = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${url}/api/v1${route}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}`);
  };
  return { url, dir, child, agent, stop, rssMb, api };
}

type Panel = Socket;

export async function connectPanels(url: string, token: string, n: number, progress: Progress): Promise<Panel[]> {
  const panels: Panel[] = [];
  for (let i = 0; i < n; i += 100) {
    const batch = Array.from({ length: Math.min(100, n - i) }, () =>
      io(`${url}/panel`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true }),
    );
    await Promise.all(
      batch.map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            s.once('connect', () => resolve());
            s.once('connect_error', reject);
          }),
      ),
    );
    panels.push(...batch);
    progress(`panels: ${panels.length}/${n} connected`);
  }
  return panels;
}

export const open = (panel: Panel, ticketId: string, customer: string) =>
  new Promise<void>((resolve, reject) =>
    panel.emit(
      'ticket:open',
      {
        ticketId,
        customerId: customer,
        conversation: [{ role: 'customer', text: 'Hi, my order from last week has not arrived.' }],
      },
      (a: { ok: boolean; error?: { message: string } }) => (a.ok ? resolve() : reject(new Error(a.error?.message))),
    ),
  );

export async function realtimeBench(o: { quick: boolean; progress: Progress }) {
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  const server = await startServerProcess(o.progress);
  const panels: Panel[] = [];
  try {
    // 1,000 panels, each with one ticket open, 200 of them on one customer: memory, then fan-out.
    panels.push(...(await connectPanels(server.url, server.agent, 1000, o.progress)));
    const target = customerId(42);
    await Promise.all(panels.map((p, i) => open(p, `F-${i}`, i < 200 ? target : customerId(100 + i))));
    figures.rss_mb_1000 = server.rssMb();
    notes.push('rss_mb_1000: VmRSS of the server process with 1,000 panels connected, each with one ticket open');

    const rounds = o.quick ? 8 : 30;
    const times: number[] = [];
    const allUpdated = () =>
      Promise.all(panels.slice(0, 200).map((p) => new Promise((resolve) => p.once('assist:updated', resolve))));
    for (let r = 0; r < rounds; r++) {
      const updated = allUpdated();
      const start = performance.now();
      await server.api('POST', `/customers/${target}/consents/k1/withdraw`, { channel: 'api' });
      await updated;
      times.push(performance.now() - start);
      const regranted = allUpdated();
      await server.api('POST', `/customers/${target}/consents`, {
        consent: {
          id: 'k1',
          purpose: 'essential.service.operations.support',
          categories: ['user.behavior', 'user.contact'],
          status: 'granted',
          source: 'bench',
        },
      });
      await regranted;
      o.progress(`fanout: ${r + 1}/${rounds} rounds`);
    }
    times.sort((a, b) => a - b);
    Object.assign(figures, { fanout_p50_ms: quantile(times, 0.5), fanout_p99_ms: quantile(times, 0.99) });
    notes.push(
      `fanout: 1,000 panels, 200 on one customer; ${rounds} withdrawals over ` +
        `REST, each until the last of the 200 had assist:updated (p99 of ` +
        `${rounds} rounds is their maximum)`,
    );

    // Opens at 200/s spread over 500 panels (the other 500 gone): emit to ack (the offline engine answers in the ack).
    for (const p of panels.splice(500)) p.disconnect();
    const rnd = seeded(7);
    const [warmup, measured] = o.quick ? [100, 600] : [500, 3000];
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    const t0 = performance.now();
    for (let k = 0; k < warmup + measured; k++) {
      const due = t0 + k * 5;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const emitted = performance.now();
      pending.push(
        open(panels[k % 500]!, `T-${k}`, customerId(Math.floor(rnd() * CUSTOMERS))).then(
          () => void (k >= warmup && latencies.push(performance.now() - emitted)),
        ),
      );
      if (k % 500 === 0) o.progress(`socket: ${k}/${warmup + measured} opens`);
    }
    await Promise.all(pending);
    const rate = (warmup + measured) / ((performance.now() - t0) / 1000);
    latencies.sort((a, b) => a - b);
    Object.assign(figures, { socket_p50_ms: quantile(latencies, 0.5), socket_p99_ms: quantile(latencies, 0.99) });
    notes.push(
      `socket: 500 panels, ${measured} opens measured after ${warmup} warm-up, scheduled at 200/s ` +
        `(achieved ${rate.toFixed(0)}/s including the last acks); ` +
        `${CUSTOMERS.toLocaleString('en')} customers with 10 facts each`,
    );
  } finally {
    for (const p of panels) p.disconnect();
    server.stop();
  }
  return { figures, notes };
}
