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
import { type StressReport, withDiskStress } from './disk-stress.js';

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

/** Withdrawals over REST, each timed until the first 200 panels (all on `target`) had `assist:updated`. */
async function fanoutPhase(server: Server, panels: Panel[], target: string, rounds: number, progress: Progress) {
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
    progress(`fanout: ${r + 1}/${rounds} rounds`);
  }
  return times.sort((a, b) => a - b);
}

/** Opens at 200/s spread over the panels, emit to ack; latencies after the warm-up, sorted, and the rate achieved. */
export async function socketPhase(
  panels: Panel[],
  o: { warmup: number; measured: number; progress: Progress },
  openOne: (panel: Panel, k: number) => Promise<void>,
) {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let k = 0; k < o.warmup + o.measured; k++) {
    const due = t0 + k * 5;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const emitted = performance.now();
    pending.push(
      openOne(panels[k % panels.length]!, k).then(
        () => void (k >= o.warmup && latencies.push(performance.now() - emitted)),
      ),
    );
    if (k % 500 === 0) o.progress(`socket: ${k}/${o.warmup + o.measured} opens`);
  }
  await Promise.all(pending);
  const rate = (o.warmup + o.measured) / ((performance.now() - t0) / 1000);
  return { latencies: latencies.sort((a, b) => a - b), rate };
}

/** The same schedule against a bare socket.io echo in its own process: what the machine allows. */
async function echoFloor(o: { warmup: number; measured: number; progress: Progress }) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/echo-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const panels: Panel[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`the echo server exited with ${code}`)));
    });
    panels.push(...(await connectPanels(`http://127.0.0.1:${port}`, 'none', 500, o.progress)));
    const rnd = seeded(7);
    return await socketPhase(panels, o, (p, k) => open(p, `T-${k}`, customerId(Math.floor(rnd() * CUSTOMERS))));
  } finally {
    for (const p of panels) p.disconnect();
    child.kill('SIGKILL');
  }
}

type Server = Awaited<ReturnType<typeof startServerProcess>>;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
/** Bounds the disk-stress writer: longer than any phase it runs beside. */
const STRESS_MAX_SECONDS = 300;

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
    const quiet = await fanoutPhase(server, panels, target, rounds, o.progress);
    Object.assign(figures, { fanout_p50_ms: quantile(quiet, 0.5), fanout_p99_ms: quantile(quiet, 0.99) });
    o.progress('fanout under disk stress');
    const stressed = await withDiskStress(server.dir, STRESS_MAX_SECONDS, () =>
      fanoutPhase(server, panels, target, rounds, o.progress),
    );
    figures.fanout_p99_ms_disk_stress = quantile(stressed.result, 0.99);
    figures.fanout_disk_stress_ratio = ratio(figures.fanout_p99_ms_disk_stress, figures.fanout_p99_ms!);
    notes.push(
      `fanout: 1,000 panels, 200 on one customer; ${rounds} withdrawals over ` +
        `REST, each until the last of the 200 had assist:updated (p99 of ` +
        `${rounds} rounds is their maximum); *_disk_stress: the same rounds again while another process wrote ` +
        `256 KiB and fsynced in the data directory's file system (${stressNote(stressed.stress)})`,
    );

    // Opens at 200/s spread over 500 panels (the other 500 gone): emit to ack (the offline engine answers in the ack).
    for (const p of panels.splice(500)) p.disconnect();
    const rnd = seeded(7);
    const [warmup, measured] = o.quick ? [100, 600] : [500, 3000];
    const schedule = { warmup, measured, progress: o.progress };
    const openAny = (p: Panel, k: number) => open(p, `T-${k}`, customerId(Math.floor(rnd() * CUSTOMERS)));
    const socket = await socketPhase(panels, schedule, openAny);
    Object.assign(figures, {
      socket_p50_ms: quantile(socket.latencies, 0.5),
      socket_p99_ms: quantile(socket.latencies, 0.99),
    });
    o.progress('socket under disk stress');
    const socketStressed = await withDiskStress(server.dir, STRESS_MAX_SECONDS, () =>
      socketPhase(panels, schedule, (p, k) => openAny(p, warmup + measured + k)),
    );
    figures.socket_p50_ms_disk_stress = quantile(socketStressed.result.latencies, 0.5);
    figures.socket_p99_ms_disk_stress = quantile(socketStressed.result.latencies, 0.99);
    figures.socket_disk_stress_ratio = ratio(figures.socket_p99_ms_disk_stress, figures.socket_p99_ms!);
    figures.fsync_p99_ms_disk_stress = socketStressed.stress.fsyncP99Ms;
    figures.fanout_fsync_p99_ms_disk_stress = stressed.stress.fsyncP99Ms;
    notes.push(
      `socket: 500 panels, ${measured} opens measured after ${warmup} warm-up, scheduled at 200/s ` +
        `(achieved ${socket.rate.toFixed(0)}/s including the last acks; under disk stress ` +
        `${socketStressed.result.rate.toFixed(0)}/s, ${stressNote(socketStressed.stress)}); ` +
        `${CUSTOMERS.toLocaleString('en')} customers with 10 facts each`,
    );
  } finally {
    for (const p of panels) p.disconnect();
    server.stop();
  }
  const [warmup, measured] = o.quick ? [100, 600] : [500, 3000];
  const echo = await echoFloor({ warmup, measured, progress: o.progress });
  figures.socket_floor_echo_p50_ms = quantile(echo.latencies, 0.5);
  figures.socket_floor_echo_p99_ms = quantile(echo.latencies, 0.99);
  figures.socket_p50_ratio_to_floor = ratio(figures.socket_p50_ms!, figures.socket_floor_echo_p50_ms);
  figures.socket_p99_ratio_to_floor = ratio(figures.socket_p99_ms!, figures.socket_floor_echo_p99_ms);
  notes.push(
    `socket_floor_echo_*: a bare socket.io server in its own process acknowledging the same ticket:open payloads, ` +
      `500 clients, the same 200/s schedule (achieved ${echo.rate.toFixed(0)}/s)`,
  );
  return { figures, notes };
}

const stressNote = (s: StressReport) =>
  `the writer managed ${s.mbPerS.toFixed(1)} MB/s, ${s.fsyncsPerS.toFixed(0)} fsyncs/s over ${s.seconds.toFixed(0)} s; ` +
  `a bare 4 KiB append + fdatasync beside it every 20 ms took ${s.fsyncP99Ms.toFixed(0)} ms at p99 ` +
  '(fsync_p99_ms_disk_stress in the socket phase, fanout_fsync_p99_ms_disk_stress in the fan-out one)';
