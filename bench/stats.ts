/** Timing helpers shared by the benchmarks: quantiles, and sampling after a warm-up. */
import { performance } from 'node:perf_hooks';

export const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export interface Sampled {
  p50: number;
  p99: number;
  samples: number;
}

/** Runs `op` `warmup` times untimed, then `samples` times timed (each call on its own). */
export async function sample(
  op: (i: number) => unknown,
  o: { warmup: number; samples: number; progress?: (done: number) => void },
): Promise<Sampled> {
  for (let i = 0; i < o.warmup; i++) await op(i);
  const times: number[] = [];
  for (let i = 0; i < o.samples; i++) {
    const t0 = performance.now();
    await op(o.warmup + i);
    times.push(performance.now() - t0);
    if (i % 500 === 0) o.progress?.(i);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), samples: times.length };
}

/**
 * The order of `n` ops in round `round`: each op goes first in turn. Whichever goes first pays for what the one before
 * left behind (garbage to collect, a checkpoint due): run in one fixed order, an A/A pair measured 5–13 % apart.
 */
export const turnOrder = (n: number, round: number) => Array.from({ length: n }, (_, j) => (j + round) % n);

/**
 * Like `sample`, for several ops measured side by side: each round runs every op once, in turn, so that the machine's
 * load drifting during the run falls on each alike and their ratio holds even when absolute times do not.
 */
export async function sampleInTurn<const Ops extends readonly ((i: number) => unknown)[]>(
  ops: Ops,
  o: { warmup: number; samples: number; progress?: (done: number) => void },
): Promise<{ -readonly [K in keyof Ops]: Sampled }> {
  const times = ops.map(() => [] as number[]);
  for (let i = 0; i < o.warmup + o.samples; i++) {
    for (const k of turnOrder(ops.length, i)) {
      const t0 = performance.now();
      await ops[k]!(i);
      if (i >= o.warmup) times[k]!.push(performance.now() - t0);
    }
    if (i >= o.warmup && (i - o.warmup) % 500 === 0) o.progress?.(i - o.warmup);
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return { p50: quantile(t, 0.5), p99: quantile(t, 0.99), samples: t.length };
  }) as { -readonly [K in keyof Ops]: Sampled };
}
