import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'extension/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/build-pages.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // vitest's default, one worker fewer than the cores, is one worker on two: most of the suite's time is waiting on a
    // browser, a server or the disk, so two files at a time keep both cores busy (clean-clone run on 2 cores, 984 s
    // with one worker, 786 s with two).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
