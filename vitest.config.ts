import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'extension/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/build-pages.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
