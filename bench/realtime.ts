/**
 * The realtime figures, against a real Candor server in its own process (so its memory is its
 * own), a real SQLite file, and real socket.io clients on loopback: the server's resident memory
 * with 1,000 panels connected, a consent withdrawal fanned out to 200 of them, and ticket opens at
 * a steady rate across 500 panels. The fan-out and the opens run while a busy disk takes turns with quiet
 * (`disk-stress.ts`), so each stressed figure has its quiet peer from the same seconds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { ROOT } from '../server/config.js';
import { keysIn, openSqliteStore } from '../server/store/index.js';
import { openKeys } from '../server/store/keys.js';
import { buildServer } from '../scripts/build.mjs';
import { buildDataSet } from './data.js';
import { freePort } from '../harness/ports.js';
import { npmStartArgs } from '../harness/processes.js';
import { quantile } from './stats.js';
import { seeded } from '../harness/seeded.js';
import {
  countedIn,
  STATES,
  type StateReport,
  type Stress,
  type StressState,
  WINDOW_MS,
  withDiskStress,
} from './disk-stress.js';

export type Progress = (line: string) => void;
const CUSTOMERS = 2_000;
export const customerId = (n: number) => `c_${String(n).padStart(7, '0')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Seeds a data directory, then runs the server on it as its own process, built and started as `npm start` does
 * (`dist/server/main.js`): run through tsx, the same server held 37–50 MB more with 1,000 panels, tsx's own, which no
 * deployment carries.
 */
export async function startServerProcess(progress: Progress) {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-bench-rt-'));
  await buildDataSet(dir, { customers: CUSTOMERS, factsEach: 10, progress });
  // Each customer gets their data key now, as an encrypted store's customers have one (the API's upsert and `candor
  // encrypt` make it): left to the first open of each, about 2,000 of the measured opens committed a new key first.
  const keys = await openKeys(keysIn(dir), true);
  const t0 = performance.now();
  for (let n = 0; n < CUSTOMERS; n++) await keys.vault.sealer(customerId(n));
  await keys.vault.close();
  progress(
    `data keys for ${CUSTOMERS.toLocaleString('en')} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await buildServer();
  const store = await openSqliteStore(dir, keysIn(dir));
  const meta = { actor: 'bench', channel: 'bench' };
  const agent = (await store.tokens.create('bench agent', 'agent', meta)).token;
  const admin = (await store.tokens.create('bench admin', 'admin', meta)).token;
  store.close();
  const port = await freePort();
  const { OPENAI_API_KEY: _offline, ...env } = process.env; // the offline engine: no model in these figures
  const child = spawn(process.execPath, npmStartArgs(), {
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
    // A server that never answers fails the run instead of hanging it.
    panel.timeout(30_000).emit(
      'ticket:open',
      {
        ticketId,
        customerId: customer,
        conversation: [{ role: 'customer', text: 'Hi, my order from last week has not arrived.' }],
      },
      (err: Error | null, a: { ok: boolean; error?: { message: string } }) =>
        err ? reject(err) : a.ok ? resolve() : reject(new Error(a.error?.message)),
    ),
  );

/**
 * Opens ticket `T-<k>` on a panel as the extension does when the agent moves to another ticket: the one the panel
 * showed (`showing`, which this keeps) is closed without waiting for the answer, then the next one is opened.
 */
export const switchTicket =
  (showing: Map<Panel, string>, rnd: () => number) =>
  (panel: Panel, k: number): Promise<void> => {
    const previous = showing.get(panel);
    if (previous) panel.emit('ticket:close', { ticketId: previous }, () => {});
    showing.set(panel, `T-${k}`);
    return open(panel, `T-${k}`, customerId(Math.floor(rnd() * CUSTOMERS)));
  };

const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
const byState = () => ({ quiet: [] as number[], disk: [] as number[], cpu: [] as number[] });

/**
 * Withdrawals over REST, each timed until the first 200 panels (all on `target`) had `assist:updated`, until every
 * state of the disk stress has `rounds` of them.
 */
async function fanoutPhase(
  server: Server,
  panels: Panel[],
  target: string,
  o: { rounds: number; stress: Stress; progress: Progress },
) {
  const times = byState();
  const allUpdated = () =>
    Promise.all(panels.slice(0, 200).map((p) => new Promise((resolve) => p.once('assist:updated', resolve))));
  while (STATES.some((s) => times[s].length < o.rounds)) {
    const updated = allUpdated();
    const started = o.stress.mark();
    const start = performance.now();
    await server.api('POST', `/customers/${target}/consents/k1/withdraw`, { channel: 'api' });
    await updated;
    const took = performance.now() - start;
    const state = countedIn(started, o.stress.mark());
    if (state && times[state].length < o.rounds) times[state].push(took);
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
    o.progress(`fanout: ${STATES.map((s) => `${s} ${times[s].length}`).join(', ')} of ${o.rounds} rounds`);
  }
  for (const s of STATES) sorted(times[s]);
  return times;
}

/**
 * Opens at 200/s spread over the panels, emit to ack, while the disk stress takes turns with quiet; each open after
 * the warm-up is counted in the state it met (`countedIn`). Latencies by state, sorted, and the rate achieved.
 */
export async function socketPhase(
  panels: Panel[],
  o: { warmup: number; measured: number; progress: Progress; stress: Stress },
  openOne: (panel: Panel, k: number) => Promise<void>,
) {
  // Each open's latency and the stress window it started in, by state (the stress's own `windows` are its accounts).
  const timed = { quiet: [] as Timed[], disk: [] as Timed[], cpu: [] as Timed[] };
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let k = 0; k < o.warmup + o.measured; k++) {
    const due = t0 + k * 5;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const started = o.stress.mark();
    const emitted = performance.now();
    pending.push(
      openOne(panels[k % panels.length]!, k).then(() => {
        const took = performance.now() - emitted;
        const state = countedIn(started, o.stress.mark());
        if (k >= o.warmup && state) timed[state].push([took, started!.window]);
      }),
    );
    if (k % 500 === 0) o.progress(`socket: ${k}/${o.warmup + o.measured} opens`);
  }
  await Promise.all(pending);
  const rate = (o.warmup + o.measured) / ((performance.now() - t0) / 1000);
  const latencies = byState();
  for (const s of STATES) latencies[s] = sorted(timed[s].map(([took]) => took));
  return { latencies, timed, rate };
}

/** An open's latency and the window of the disk stress it started in. */
type Timed = readonly [took: number, window: number];

/**
 * The window of the stress (500 ms, about 100 opens) in which most of a state's slowest 1 % started, and their share
 * in it. Near 1, the p99 is one episode, a stall of 100 ms or more that every open then in flight waited out, rather
 * than slow opens spread over the run: one such episode more or less moves the p99 of a few thousand opens by itself.
 * No opens: no window, a share of NaN.
 */
export function worstWindow(opens: readonly Timed[]): { window: number | undefined; share: number } {
  const k = Math.ceil(opens.length * 0.01);
  const per = new Map<number, number>();
  for (const [, w] of [...opens].sort((a, b) => b[0] - a[0]).slice(0, k)) per.set(w, (per.get(w) ?? 0) + 1);
  let window: number | undefined;
  for (const [w, n] of per) if (window === undefined || n > per.get(window)!) window = w;
  return { window, share: window === undefined ? Number.NaN : Math.round((per.get(window)! / k) * 100) / 100 };
}

/** The same schedule, under the same disk stress, against a bare socket.io echo in its own process. */
async function echoFloor(o: { warmup: number; measured: number; progress: Progress }) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/echo-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const panels: Panel[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-bench-echo-'));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`the echo server exited with ${code}`)));
    });
    panels.push(...(await connectPanels(`http://127.0.0.1:${port}`, 'none', 500, o.progress)));
    const openNext = switchTicket(new Map(), seeded(7));
    return await withDiskStress(dir, { maxSeconds: STRESS_MAX_SECONDS, watch: child.pid }, (stress) =>
      socketPhase(panels, { ...o, stress }, openNext),
    );
  } finally {
    for (const p of panels) p.disconnect();
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

type Server = Awaited<ReturnType<typeof startServerProcess>>;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
/** Bounds the disk-stress writers: longer than any phase they run beside. */
const STRESS_MAX_SECONDS = 300;
/** The figure-name suffix of each state: the quiet figures keep their plain names. */
const SUFFIX: Record<StressState, string> = { quiet: '', disk: '_disk_stress', cpu: '_cpu_disk_stress' };

export async function realtimeBench(o: { quick: boolean; progress: Progress }) {
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  const server = await startServerProcess(o.progress);
  const panels: Panel[] = [];
  const [warmup, measured] = o.quick ? [100, 1800] : [500, 9000];
  try {
    // 1,000 panels, each with one ticket open, 200 of them on one customer: memory, then fan-out.
    panels.push(...(await connectPanels(server.url, server.agent, 1000, o.progress)));
    const target = customerId(42);
    await Promise.all(panels.map((p, i) => open(p, `F-${i}`, i < 200 ? target : customerId(100 + i))));
    figures.rss_mb_1000 = server.rssMb();
    notes.push('rss_mb_1000: VmRSS of the server process with 1,000 panels connected, each with one ticket open');

    const rounds = o.quick ? 8 : 30;
    const fanout = await withDiskStress(server.dir, { maxSeconds: STRESS_MAX_SECONDS }, (stress) =>
      fanoutPhase(server, panels, target, { rounds, stress, progress: o.progress }),
    );
    figures.fanout_p50_ms = quantile(fanout.result.quiet, 0.5);
    for (const s of STATES) {
      figures[`fanout_p99_ms${SUFFIX[s]}`] = quantile(fanout.result[s], 0.99);
      figures[`fanout_fsync_p99_ms${SUFFIX[s] || '_quiet'}`] = fanout.states[s].fsyncP99Ms;
    }
    figures.fanout_disk_stress_ratio = ratio(figures.fanout_p99_ms_disk_stress!, figures.fanout_p99_ms!);
    figures.fanout_cpu_disk_stress_ratio = ratio(figures.fanout_p99_ms_cpu_disk_stress!, figures.fanout_p99_ms!);
    notes.push(
      `fanout: 1,000 panels, 200 on one customer; withdrawals over REST, each until the last of the 200 had ` +
        `assist:updated, ${rounds} rounds in each state of the disk stress (p99 of ${rounds} is their maximum; ` +
        `${stressNote(fanout.states)})`,
    );

    // Opens at 200/s spread over 500 panels (the other 500 gone): emit to ack (the offline engine answers in the ack).
    for (const p of panels.splice(500)) p.disconnect();
    const openNext = switchTicket(new Map(panels.map((p, i) => [p, `F-${i}`])), seeded(7));
    const socket = await withDiskStress(
      server.dir,
      { maxSeconds: STRESS_MAX_SECONDS, watch: server.child.pid },
      (stress) => socketPhase(panels, { warmup, measured, progress: o.progress, stress }, openNext),
    );
    figures.rss_mb_after_socket = server.rssMb();
    Object.assign(figures, stateFigures('socket', socket.result.latencies));
    for (const s of STATES) {
      const sfx = SUFFIX[s];
      const worst = worstWindow(socket.result.timed[s]);
      figures[`socket_worst_1pct_in_one_window${sfx}`] = worst.share;
      figures[`fsync_p99_ms${sfx || '_quiet'}`] = socket.states[s].fsyncP99Ms;
      figures[`socket_server_on_cpu_ms_per_s${sfx}`] = socket.states[s].onCpuMsPerS!;
      figures[`socket_server_run_queue_ms_per_s${sfx}`] = socket.states[s].runQueueMsPerS!;
      figures[`socket_server_other_threads_on_cpu_ms_per_s${sfx}`] = socket.states[s].othersOnCpuMsPerS!;
      // The episode's window: what the main thread waited and what the server's other threads ran in it.
      const episode = socket.windows.find((w) => w.window === worst.window);
      figures[`socket_episode_run_queue_ms${sfx}`] = episode?.runQueueMs ?? Number.NaN;
      figures[`socket_episode_other_threads_on_cpu_ms${sfx}`] = episode?.othersOnCpuMs ?? Number.NaN;
    }
    figures.socket_disk_stress_ratio = ratio(figures.socket_p99_ms_disk_stress!, figures.socket_p99_ms!);
    figures.socket_cpu_disk_stress_ratio = ratio(figures.socket_p99_ms_cpu_disk_stress!, figures.socket_p99_ms!);
    notes.push(
      `socket: 500 panels, ${measured} opens measured after ${warmup} warm-up, scheduled at 200/s ` +
        `(achieved ${socket.result.rate.toFixed(0)}/s including the last acks), each counted in the state of the ` +
        `disk stress it met (${counts(socket.result.latencies)}; ${stressNote(socket.states)}); ` +
        `${CUSTOMERS.toLocaleString('en')} customers with 10 facts each; socket_server_*: the server's main thread, ` +
        "ms a second on a CPU and waiting for one (/proc schedstat), and its other threads (V8's helpers, libuv's " +
        'pool) on a CPU; rss_mb_after_socket: its VmRSS after the last open; socket_worst_1pct_in_one_window_*: the ' +
        'share of the slowest 1 % that started in one 500 ms window; socket_episode_*: that window, ms the main ' +
        'thread waited for a CPU and ms the other threads ran in it; ' +
        'each open closes the ticket the panel showed before, as the extension does',
    );
  } finally {
    for (const p of panels) p.disconnect();
    server.stop();
  }
  const echo = await echoFloor({ warmup, measured, progress: o.progress });
  const floor = stateFigures('socket_floor_echo', echo.result.latencies);
  for (const s of STATES)
    floor[`socket_floor_echo_worst_1pct_in_one_window${SUFFIX[s]}`] = worstWindow(echo.result.timed[s]).share;
  Object.assign(figures, floor);
  for (const s of STATES) {
    figures[`socket_floor_echo_on_cpu_ms_per_s${SUFFIX[s]}`] = echo.states[s].onCpuMsPerS!;
    figures[`socket_floor_echo_run_queue_ms_per_s${SUFFIX[s]}`] = echo.states[s].runQueueMsPerS!;
  }
  figures.socket_floor_echo_disk_stress_ratio = ratio(
    floor.socket_floor_echo_p99_ms_disk_stress!,
    floor.socket_floor_echo_p99_ms!,
  );
  figures.socket_floor_echo_cpu_disk_stress_ratio = ratio(
    floor.socket_floor_echo_p99_ms_cpu_disk_stress!,
    floor.socket_floor_echo_p99_ms!,
  );
  figures.socket_p50_ratio_to_floor = ratio(figures.socket_p50_ms!, figures.socket_floor_echo_p50_ms!);
  figures.socket_p99_ratio_to_floor = ratio(figures.socket_p99_ms!, figures.socket_floor_echo_p99_ms!);
  notes.push(
    `socket_floor_echo_*: a bare socket.io server in its own process acknowledging the same ticket:open payloads, ` +
      `500 clients, the same 200/s schedule under the same disk stress (achieved ${echo.result.rate.toFixed(0)}/s; ` +
      `${counts(echo.result.latencies)})`,
  );
  return { figures, notes };
}

/** `<name>_p50_ms`, `<name>_p99_ms` and their stressed twins from latencies by state. */
function stateFigures(name: string, latencies: Record<StressState, number[]>): Record<string, number> {
  return Object.fromEntries(
    STATES.flatMap((s) => [
      [`${name}_p50_ms${SUFFIX[s]}`, quantile(latencies[s], 0.5)],
      [`${name}_p99_ms${SUFFIX[s]}`, quantile(latencies[s], 0.99)],
    ]),
  );
}

const counts = (latencies: Record<StressState, number[]>) =>
  `counted: ${STATES.map((s) => `${latencies[s].length.toLocaleString('en')} ${s}`).join(', ')}`;

const stressNote = (states: Record<StressState, StateReport>) =>
  `windows of ${WINDOW_MS} ms took turns: quiet ${states.quiet.seconds.toFixed(0)} s, disk (writer at nice 19) ` +
  `${states.disk.seconds.toFixed(0)} s at ${states.disk.mbPerS.toFixed(0)} MB/s and ${states.disk.fsyncsPerS.toFixed(0)} ` +
  `fsyncs/s, cpu (writer at default priority) ${states.cpu.seconds.toFixed(0)} s at ${states.cpu.mbPerS.toFixed(0)} ` +
  `MB/s and ${states.cpu.fsyncsPerS.toFixed(0)} fsyncs/s; a bare 4 KiB append + fdatasync every 20 ms beside it took ` +
  `${STATES.map((s) => `${states[s].fsyncP99Ms.toFixed(1)}`).join(' / ')} ms at p99 (quiet / disk / cpu)`;
