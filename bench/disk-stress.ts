/**
 * Another process writing to the disk: a child that appends 256 KiB and fsyncs, over and over, in a file beside the
 * server's data, so the server's own fsyncs queue behind it. Bounded twice: the child stops itself after `maxSeconds`
 * (should this process die first), and `withDiskStress` kills it when the measured work ends, even on failure.
 * Meanwhile a probe times a bare 4 KiB append + fdatasync in the same file system every 20 ms: the floor under any
 * durable write acknowledged in that window.
 */
import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
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

export interface StressReport {
  seconds: number;
  mbPerS: number;
  fsyncsPerS: number;
  /** The probe's 4 KiB append + fdatasync, p99 over the window. */
  fsyncP99Ms: number;
}

const PROBE_EVERY_MS = 20;

/** Appends 4 KiB and fdatasyncs (in libuv's pool: this process's clients keep their loop) until `stop` is set. */
async function probeFsync(file: string, stop: { now: boolean }): Promise<number[]> {
  const handle = await open(file, 'w');
  const block = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    while (!stop.now) {
      const t0 = performance.now();
      await handle.write(block);
      await handle.datasync();
      const took = performance.now() - t0;
      times.push(took);
      if (took < PROBE_EVERY_MS) await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS - took));
    }
  } finally {
    await handle.close();
  }
  return times.sort((a, b) => a - b);
}

/** Runs `work` while a child process writes and fsyncs in `dir`'s file system; the child ends with `work`. */
export async function withDiskStress<T>(
  dir: string,
  maxSeconds: number,
  work: () => Promise<T>,
): Promise<{ result: T; stress: StressReport }> {
  const child = spawn(process.execPath, ['-e', WRITER, path.join(dir, 'disk-stress.tmp'), String(maxSeconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`the disk-stress writer exited with ${code} before starting`)));
    });
    const stop = { now: false };
    const probed = probeFsync(path.join(dir, 'fsync-probe.tmp'), stop);
    const result = await work().finally(() => (stop.now = true));
    const fsyncs = await probed;
    const seconds = (Date.now() - started) / 1000;
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    const at = out.indexOf('{');
    const counts = JSON.parse(at < 0 ? '{}' : out.slice(at)) as { bytes?: number; syncs?: number };
    return {
      result,
      stress: {
        seconds,
        mbPerS: (counts.bytes ?? NaN) / 2 ** 20 / seconds,
        fsyncsPerS: (counts.syncs ?? NaN) / seconds,
        fsyncP99Ms: quantile(fsyncs, 0.99),
      },
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
