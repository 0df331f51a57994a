/** How the realtime benchmark tells a p99 made by one episode from one made by slow opens spread over the run. */
import { describe, expect, it } from 'vitest';
import { worstInOneWindow } from '../bench/realtime.js';

describe('worstInOneWindow', () => {
  // 1,000 opens at 3 ms, 100 to each of ten windows; the slowest 1 % is ten opens.
  const base = Array.from({ length: 1000 }, (_, i) => [3, Math.floor(i / 100)] as const);
  const slowed = (at: (j: number) => number) =>
    base.map(([, w], i) => (i % 100 === 0 ? ([50 + i / 100, at(i / 100)] as const) : ([3, w] as const)));

  it('answers 1 when the slowest 1 % all started in one window (a stall they all waited out)', () => {
    expect(worstInOneWindow(slowed(() => 7))).toBe(1);
  });
  it('answers a tenth when they are spread over ten windows', () => {
    expect(worstInOneWindow(slowed((j) => j))).toBe(0.1);
  });
  it('counts only the slowest 1 %, not the opens beside them in their windows', () => {
    const opens = slowed((j) => (j < 6 ? 2 : j));
    expect(worstInOneWindow(opens)).toBe(0.6);
  });
  it('answers NaN for no opens', () => {
    expect(worstInOneWindow([])).toBeNaN();
  });
});
