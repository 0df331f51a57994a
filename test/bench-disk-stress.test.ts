/**
 * The benchmark's disk stress (bench/disk-stress.ts): its quiet windows must be quiet and its stressed ones stressed,
 * or every `*_disk_stress` ratio compares the wrong things.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import {
  countedIn,
  type Mark,
  STATES,
  type StressState,
  WINDOW_MS,
  type WindowReport,
  withDiskStress,
} from '../bench/disk-stress.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A thread that runs `argv[2]` ms on a CPU as its scheduler counts them (`/proc/thread-self`), says so, and waits. */
const BUSY_THREAD = `
const { readFileSync } = require('node:fs');
const { parentPort } = require('node:worker_threads');
const ran = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const start = ran();
while (ran() - start < Number(process.argv[2]));
parentPort.postMessage('ran');
setInterval(() => {}, 1000);
`;

describe('countedIn', () => {
  const at = (state: StressState, window: number): Mark => ({ state, window });
  it('counts an op in the state it started in', () => {
    expect(countedIn(at('quiet', 3), at('quiet', 3))).toBe('quiet');
    expect(countedIn(at('disk', 4), at('disk', 4))).toBe('disk');
    expect(countedIn(at('cpu', 5), at('cpu', 5))).toBe('cpu');
  });
  it('drops a quiet op that ran into the next window, settling or not', () => {
    expect(countedIn(at('quiet', 3), at('disk', 4))).toBeNull();
    expect(countedIn(at('quiet', 3), null)).toBeNull();
    expect(countedIn(at('quiet', 3), at('quiet', 6))).toBeNull();
  });
  it('keeps a stressed op that ran into quiet, and drops one started while settling', () => {
    expect(countedIn(at('cpu', 5), at('quiet', 6))).toBe('cpu');
    expect(countedIn(at('disk', 4), null)).toBe('disk');
    expect(countedIn(null, at('quiet', 6))).toBeNull();
  });
});

describe('withDiskStress', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const mtimes = () =>
    ['disk-stress-nice.tmp', 'disk-stress.tmp'].map(
      (f) => statSync(path.join(dir, f), { throwIfNoEntry: false })?.mtimeMs,
    );

  it('runs only the nice writer in disk windows, only the other in cpu ones, and neither in quiet ones', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'candor-stress-'));
    const samples: { mark: Mark | null; times: (number | undefined)[] }[] = [];
    // A second thread of this process, started once the accounts have: it runs 300 ms on a CPU by its own account, then
    // idles until it is ended (a thread that ends inside a window takes what it ran there with it).
    let helper: Worker | undefined;
    const { states, windows } = await withDiskStress(dir, { maxSeconds: 30, watch: process.pid }, async (stress) => {
      helper = new Worker(BUSY_THREAD, { eval: true, argv: [300] });
      const helperRan = new Promise((resolve) => helper!.once('message', resolve));
      // Two turns of the three states, sampled every 20 ms, with some CPU of our own for schedstat to see.
      const end = Date.now() + 6 * WINDOW_MS + 100;
      while (Date.now() < end) {
        samples.push({ mark: stress.mark(), times: mtimes() });
        const busy = Date.now() + 2;
        while (Date.now() < busy);
        await sleep(18);
      }
      await helperRan;
    }).finally(() => helper?.terminate());
    // Pairs of samples in the same settled window: which file changed between them.
    const changed: Record<StressState, number[]> = { quiet: [0, 0], disk: [0, 0], cpu: [0, 0] };
    const pairs: Record<StressState, number> = { quiet: 0, disk: 0, cpu: 0 };
    for (let i = 1; i < samples.length; i++) {
      const [a, b] = [samples[i - 1]!, samples[i]!];
      if (!a.mark || !b.mark || a.mark.window !== b.mark.window) continue;
      pairs[a.mark.state]++;
      a.times.forEach((t, f) => {
        if (t !== b.times[f]) changed[a.mark!.state][f]! += 1;
      });
    }
    for (const s of STATES) expect(pairs[s], s).toBeGreaterThan(5);
    expect(changed.quiet).toEqual([0, 0]);
    expect(changed.disk[1]).toBe(0);
    expect(changed.disk[0]).toBeGreaterThan(pairs.disk / 2);
    expect(changed.cpu[0]).toBe(0);
    expect(changed.cpu[1]).toBeGreaterThan(pairs.cpu / 2);

    expect(states.quiet.mbPerS).toBe(0);
    for (const s of ['disk', 'cpu'] as const) {
      expect(states[s].mbPerS, s).toBeGreaterThan(0);
      expect(states[s].fsyncsPerS, s).toBeGreaterThan(0);
    }
    for (const s of STATES) {
      expect(states[s].seconds, s).toBeGreaterThan(0.5);
      expect(states[s].fsyncP99Ms, s).toBeGreaterThan(0);
      expect(states[s].onCpuMsPerS, s).toBeGreaterThan(0);
      expect(states[s].runQueueMsPerS, s).toBeGreaterThanOrEqual(0);
      expect(states[s].othersOnCpuMsPerS, s).toBeGreaterThanOrEqual(0);
    }
    // One account a window, in order, each in its state, adding up to the states' figures.
    expect(windows.length).toBeGreaterThanOrEqual(6);
    windows.forEach((w, i) => {
      expect(w.window).toBe(i);
      expect(w.state).toBe(STATES[i % STATES.length]);
    });
    const sum = (f: (w: WindowReport) => number, s?: StressState) =>
      windows.filter((w) => s === undefined || w.state === s).reduce((t, w) => t + f(w), 0);
    for (const s of STATES) {
      expect(sum((w) => w.seconds, s)).toBeCloseTo(states[s].seconds, 6);
      expect(sum((w) => w.othersOnCpuMs!, s) / states[s].seconds).toBeCloseTo(states[s].othersOnCpuMsPerS!, 6);
    }
    // The helper's 300 ms are the other threads', not the main thread's.
    expect(sum((w) => w.othersOnCpuMs!)).toBeGreaterThanOrEqual(300);
    // The writers ended with the work: their files no longer change.
    const after = mtimes();
    await sleep(300);
    expect(mtimes()).toEqual(after);
  });

  it('ends the writers when the work fails, and passes the failure on', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'candor-stress-'));
    await expect(
      withDiskStress(dir, { maxSeconds: 30 }, async () => {
        await sleep(2 * WINDOW_MS + 100); // into a cpu window: that writer is running when the work fails
        throw new Error('the measured work failed');
      }),
    ).rejects.toThrow('the measured work failed');
    const after = mtimes();
    await sleep(300);
    expect(mtimes()).toEqual(after);
  });
});
