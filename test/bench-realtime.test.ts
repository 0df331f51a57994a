/** How the realtime benchmark tells a p99 made by one episode from one made by slow opens spread over the run. */
import { describe, expect, it } from 'vitest';
import { worstWindow } from '../bench/realtime.js';

describe('worstWindow', () => {
  // 1,000 opens at 3 ms, 100 to each of ten windows; the slowest 1 % is ten opens.
  const base = Array.from({ length: 1000 }, (_, i) => [3, Math.floor(i / 100)] as const);
  const slowed = (at: (j: number) => number) =>
    base.map(([, w], i) => (i % 100 === 0 ? ([50 + i / 100, at(i / 100)] as const) : ([3, w] as const)));

  it('answers 1 and the window when the slowest 1 % all started in one (a stall they all waited out)', () => {
    expect(worstWindow(slowed(() => 7))).toEqual({ window: 7, share: 1 });
  });
  it('answers a tenth when they are spread over ten windows', () => {
    expect(worstWindow(slowed((j) => j)).share).toBe(0.1);
  });
  it('counts only the slowest 1 %, not the opens beside them in their windows', () => {
    const opens = slowed((j) => (j < 6 ? 2 : j));
    expect(worstWindow(opens)).toEqual({ window: 2, share: 0.6 });
  });
  it('names the window holding most of them, not the one holding the single slowest', () => {
    // The slowest open (59 ms) is alone in window 9; the other nine share window 4.
    expect(worstWindow(slowed((j) => (j === 9 ? 9 : 4)))).toEqual({ window: 4, share: 0.9 });
  });
  it('answers no window and NaN for no opens', () => {
    expect(worstWindow([])).toEqual({ window: undefined, share: Number.NaN });
  });
});
