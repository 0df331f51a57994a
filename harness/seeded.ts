/** A seeded random source, so generated data (bench corpus, test workloads) is the same on every run with one seed. */

export type Rng = () => number;

/** mulberry32: tiny and fast; plenty for test data, never for secrets. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
