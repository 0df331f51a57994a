/**
 * The benchmark's disk stress (bench/disk-stress.ts): its quiet windows must be quiet and its stressed ones stressed,
 * or every `*_disk_stress` ratio compares the wrong things.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countedIn, type Mark, STATES, type StressState, WINDOW_MS, withDiskStress } from '../bench/disk-stress.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    const { states } = await withDiskStress(dir, { maxSeconds: 30, watch: process.pid }, async (stress) => {
      // Two turns of the three states, sampled every 20 ms, with some CPU of our own for schedstat to see.
      const end = Date.now() + 6 * WINDOW_MS + 100;
      while (Date.now() < end) {
        samples.push({ mark: stress.mark(), times: mtimes() });
        const busy = Date.now() + 2;
        while (Date.now() < busy);
        await sleep(18);
      }
    });
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
    }
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
