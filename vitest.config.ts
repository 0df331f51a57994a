import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export const ALL = ['server/**/*.test.ts', 'extension/**/*.test.ts', 'test/**/*.test.ts'];
/** Files that replace a module with `vi.mock`: the replacement must reach no other file, so each gets its own modules. */
export const OWN_MODULES = ['server/store/sqlite.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // vitest's default, one worker fewer than the cores, is one worker on two: most of the suite's time is waiting on a
    // browser, a server or the disk, so two files at a time keep both cores busy (clean-clone run on 2 cores, 984 s
    // with one worker, 786 s with two).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'candor',
          include: ALL,
          exclude: OWN_MODULES,
          globalSetup: ['test/helpers/build.ts'],
          // A worker keeps the modules it has loaded from one file to the next instead of loading the server again for
          // each of the suite's files; every file still starts its own servers, stores and directories.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'own modules', include: OWN_MODULES } },
    ],
  },
});
