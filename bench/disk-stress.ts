/**
 * Other processes writing to the disk, taking turns with quiet in short windows so that a stressed figure and its
 * quiet peer are measured in the same seconds: on these shared machines the load moves over minutes, and a quiet phase
 * followed by a stressed one compared two different machines as often as two states of one.
 *
 * Three states follow each other in windows of `WINDOW_MS`: `quiet` (no writer runs), `disk` (a child appends 256 KiB
 * and fsyncs over and over beside the server's data, at nice 19: a busy disk whose writer yields the CPU, as a backup
 * or a log shipper would) and `cpu` (a second such child at the default priority: the same disk load that also
 * competes for the two cores). Between windows the writers are stopped and continued with SIGSTOP / SIGCONT; for
 * `SETTLE_MS` after a switch nothing is counted, as the flushes the last writer queued drain.
 *
 * Bounded twice: each child stops itself after `maxSeconds` (should this process die first), and `withDiskStress`
 * kills both when the measured work ends, even on failure. Meanwhile a probe times a bare 4 KiB append + fdatasync in
 * the same file system every 20 ms: the floor under any durable write acknowledged in that state.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { quantile } from './stats.js';

const WRITER = `
const fs = require('node:fs');
const [file, maxSeconds] = process.argv.slice(1);
const end = Date.now() + Number(maxSeconds) * 1000;
const chunk = Buffer.alloc(256 * 1024, 7);
const fd = fs.openSync(file, 'w');
let bytes = 0, syncs = 0, size = 0;
process.on('SIGTERM', () => { process.stdout.write(JSON.stringify({ bytes, syncs })); process.exit(0); });
process.stdout.write('ready\\n');
// In steps, so that SIGTERM (the report) gets its turn between them.
const step = () => {
  for (let i = 0; i < 8 && Date.now() < end; i++) {
    fs.writeSync(fd, chunk, 0, chunk.length, size);
    fs.fsyncSync(fd);
    bytes += chunk.length; size += chunk.length; syncs++;
    if (size >= 64 * 1024 * 1024) size = 0;
  }
  if (Date.now() < end) setImmediate(step); else process.exit(0);
};
step();
`;

export const STATES = ['quiet', 'disk', 'cpu'] as const;
export type StressState = (typeof STATES)[number];
export const WINDOW_MS = 500;
export const SETTLE_MS = 50;
const PROBE_EVERY_MS = 20;

/** Which window a moment fell in; null while the writers settle after a switch. */
export interface Mark {
  state: StressState;
  window: number;
}

/**
 * The state an op that started at `started` and ended at `ended` is counted in, or null if it is not counted: one
 * started while settling, or a quiet one that ran into the next window (a writer was running by its end). A stressed
 * op that ran into quiet keeps its state: it met the writer, and counting it only makes the stressed figure kinder.
 */
export function countedIn(started: Mark | null, ended: Mark | null): StressState | null {
  if (started === null) return null;
  if (started.state === 'quiet' && ended?.window !== started.window) return null;
  return started.state;
}

export interface Stress {
  /** Where we are now: pass one at an op's start and one at its end to `countedIn`. */
  mark(): Mark | null;
}

export interface StateReport {
  seconds: number;
  mbPerS: number;
  fsyncsPerS: number;
  /** The probe's 4 KiB append + fdatasync in this state, p99. */
  fsyncP99Ms: number;
  /** With `watch`: the watched process's main thread, milliseconds a second on a CPU and waiting to get one. */
  onCpuMsPerS?: number;
  runQueueMsPerS?: number;
  /**
   * With `watch`: its other threads together, milliseconds a second on a CPU. In a Node process those are V8's helpers
   * (they mark and sweep beside a garbage collection), libuv's pool and Node's own; on two cores they take the CPU the
   * main thread would have.
   */
  othersOnCpuMsPerS?: number;
}

/** One window's account: its state, its length and, with `watch`, the watched process's threads in it (ms). */
export interface WindowReport {
  window: number;
  state: StressState;
  seconds: number;
  onCpuMs?: number;
  runQueueMs?: number;
  othersOnCpuMs?: number;
}

/** The scheduler's own account of a thread: nanoseconds on a CPU and waiting in the run queue (`/proc/…/schedstat`). */
function schedstat(pid: number, tid = pid): [number, number] {
  const [onCpu, waiting] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
  return [onCpu ?? NaN, waiting ?? NaN];
}

/** The process's threads as the scheduler counts them: the main thread's [on a CPU, waiting], and the others' ns on a CPU. */
interface Threads {
  main: [number, number];
  others: Map<string, number>;
}
function threads(pid: number): Threads {
  const others = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    if (tid === String(pid)) continue;
    try {
      others.set(tid, schedstat(pid, Number(tid))[0]);
    } catch {
      // The thread ended between the listing and the read: what it ran since the last account is lost (a few ms).
    }
  }
  return { main: schedstat(pid), others };
}
/** The others' ns on a CPU between two accounts; a thread first seen in `next` ran all of its time since `before`. */
function othersSince(before: Threads, next: Threads): number {
  let ns = 0;
  for (const [tid, t] of next.others) ns += t - (before.others.get(tid) ?? 0);
  return ns;
}

function startWriter(file: string, maxSeconds: number, nice: number) {
  const child = spawn(process.execPath, ['-e', WRITER, file, String(maxSeconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => {
      if (child.pid !== undefined) os.setPriority(child.pid, nice);
      child.kill('SIGSTOP');
      resolve();
    });
    child.once('exit', (code) => reject(new Error(`a disk-stress writer exited with ${code} before starting`)));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    ready,
    pause: () => alive() && child.kill('SIGSTOP'),
    resume: () => alive() && child.kill('SIGCONT'),
    /** Continued first, so the SIGTERM that asks for the counts is handled. */
    async finish() {
      if (!alive()) return { bytes: NaN, syncs: NaN };
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      const at = out.indexOf('{');
      return JSON.parse(at < 0 ? '{"bytes":null,"syncs":null}' : out.slice(at)) as { bytes: number; syncs: number };
    },
    kill: () => alive() && child.kill('SIGKILL'),
  };
}

/** Appends 4 KiB and fdatasyncs (in libuv's pool: this process's clients keep their loop) until `stop.now`. */
async function probeFsync(file: string, stress: Stress, stop: { now: boolean }) {
  const handle = await open(file, 'w');
  const block = Buffer.alloc(4096, 1);
  const times: Record<StressState, number[]> = { quiet: [], disk: [], cpu: [] };
  try {
    while (!stop.now) {
      const started = stress.mark();
      const t0 = performance.now();
      await handle.write(block);
      await handle.datasync();
      const took = performance.now() - t0;
      const state = countedIn(started, stress.mark());
      if (state) times[state].push(took);
      if (took < PROBE_EVERY_MS) await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS - took));
    }
  } finally {
    await handle.close();
  }
  return times;
}

/**
 * Runs `work` while the three states take turns in `dir`'s file system; `work` tags each op with `stress.mark()`.
 * The writers end with `work`. With `watch` (a pid), each state's report says how the scheduler treated that
 * process's main thread and how much CPU its other threads took, and so does each window's account (`windows`, in
 * order): a stall that decides a p99 lies within one window.
 */
export async function withDiskStress<T>(
  dir: string,
  o: { maxSeconds: number; watch?: number },
  work: (stress: Stress) => Promise<T>,
): Promise<{ result: T; states: Record<StressState, StateReport>; windows: WindowReport[] }> {
  const writers = {
    disk: startWriter(path.join(dir, 'disk-stress-nice.tmp'), o.maxSeconds, 19),
    cpu: startWriter(path.join(dir, 'disk-stress.tmp'), o.maxSeconds, 0),
  };
  const windows: WindowReport[] = [];
  let window = 0;
  let settled = false;
  let since = performance.now();
  let threadsSince = o.watch === undefined ? undefined : threads(o.watch);
  const state = () => STATES[window % STATES.length]!;
  // Closes the current window's account: its time and, when watching, the threads' CPU and run-queue wait in it.
  const close = () => {
    const now = performance.now();
    const account: WindowReport = { window, state: state(), seconds: (now - since) / 1000 };
    since = now;
    if (o.watch !== undefined && threadsSince) {
      const next = threads(o.watch);
      account.onCpuMs = (next.main[0] - threadsSince.main[0]) / 1e6;
      account.runQueueMs = (next.main[1] - threadsSince.main[1]) / 1e6;
      account.othersOnCpuMs = othersSince(threadsSince, next) / 1e6;
      threadsSince = next;
    }
    windows.push(account);
  };
  let settle: NodeJS.Timeout | undefined;
  const switchTo = () => {
    close();
    const previous = state();
    window++;
    if (previous !== 'quiet') writers[previous].pause();
    const next = state();
    if (next !== 'quiet') writers[next].resume();
    settled = false;
    settle = setTimeout(() => (settled = true), SETTLE_MS);
  };
  const stress: Stress = { mark: () => (settled ? { state: state(), window } : null) };
  const stop = { now: false };
  let ticker: NodeJS.Timeout | undefined;
  try {
    await Promise.all([writers.disk.ready, writers.cpu.ready]);
    since = performance.now();
    if (o.watch !== undefined) threadsSince = threads(o.watch);
    settled = true;
    ticker = setInterval(switchTo, WINDOW_MS);
    const probed = probeFsync(path.join(dir, 'fsync-probe.tmp'), stress, stop);
    const result = await work(stress).finally(() => (stop.now = true));
    clearInterval(ticker);
    clearTimeout(settle);
    close();
    const fsyncs = await probed;
    const counts = { disk: await writers.disk.finish(), cpu: await writers.cpu.finish() };
    const report = (s: StressState): StateReport => {
      const written = s === 'quiet' ? { bytes: 0, syncs: 0 } : counts[s];
      const mine = windows.filter((w) => w.state === s);
      const seconds = mine.reduce((t, w) => t + w.seconds, 0);
      const perS = (ms: (w: WindowReport) => number | undefined) =>
        mine.reduce((t, w) => t + (ms(w) ?? 0), 0) / seconds;
      return {
        seconds,
        mbPerS: written.bytes / 2 ** 20 / seconds,
        fsyncsPerS: written.syncs / seconds,
        fsyncP99Ms: quantile(
          fsyncs[s].sort((a, b) => a - b),
          0.99,
        ),
        ...(o.watch === undefined
          ? {}
          : {
              onCpuMsPerS: perS((w) => w.onCpuMs),
              runQueueMsPerS: perS((w) => w.runQueueMs),
              othersOnCpuMsPerS: perS((w) => w.othersOnCpuMs),
            }),
      };
    };
    return { result, states: { quiet: report('quiet'), disk: report('disk'), cpu: report('cpu') }, windows };
  } finally {
    clearInterval(ticker);
    clearTimeout(settle);
    writers.disk.kill();
    writers.cpu.kill();
  }
}
