import { describe, expect, it } from 'vitest';
import { freshBytes } from './random.js';

describe('freshBytes', () => {
  it('when values are drawn across several pools, then no two share their bytes, and none changes after it is handed out', () => {
    const drawn = Array.from({ length: 3_000 }, (_, i) => freshBytes(i % 2 ? 32 : 12));
    const copies = drawn.map((b) => Buffer.from(b));
    expect(new Set(drawn.map((b) => b.toString('hex'))).size).toBe(drawn.length);
    // 3,000 draws of 12 and 32 bytes span several 16 KiB pools: a pool refilled in place would rewrite earlier values.
    for (const [i, b] of drawn.entries()) expect(b.equals(copies[i]!)).toBe(true);
    expect(drawn.every((b, i) => b.length === (i % 2 ? 32 : 12))).toBe(true);
    // Each byte handed out once: the values that are views of one pool cover none of its bytes twice.
    const byPool = new Map<ArrayBufferLike, Buffer[]>();
    for (const b of drawn) byPool.set(b.buffer, [...(byPool.get(b.buffer) ?? []), b]);
    for (const views of byPool.values()) {
      const ranges = views.map((b) => [b.byteOffset, b.byteOffset + b.length] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
    }
  });

  it('when a value is larger than a pool would serve, then it still comes whole', () => {
    expect(freshBytes(4_096)).toHaveLength(4_096);
  });
});
