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
