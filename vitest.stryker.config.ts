/**
 * The tests Stryker runs (`npm run mutate`, stryker.config.mjs): the unit and in-process
 * integration tests that cover the mutated files. Left out: the browser tests (Chromium, slow) and
 * the tests that drive the server as a child process (cli, mask-cli, replay, durability, cluster,
 * migrate), since a mutant is switched on inside the test process and a child never sees it.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      // policy and consent ledger
      'server/policy/*.test.ts',
      'server/consent/*.test.ts',
      'server/context/view.test.ts',
      // the guard, on templates and on model answers
      'server/suggest/*.test.ts',
      'server/prompts/gate.test.ts',
      'test/model.test.ts',
      'test/prompts.test.ts',
      // masking, and the recorder's pseudonymisation built on it
      'server/masking/*.test.ts',
      'server/recorder/pseudonymise*.test.ts',
      // erasure and the other privacy changes: the store, REST, open panels, recordings
      'server/store/**/*.test.ts',
      'test/api.test.ts',
      'test/realtime.test.ts',
      'test/recorder.test.ts',
      'test/sessions.test.ts',
      // the permission table and every route and event that consults it; the reproductions and
      // the erasure canary (in-process servers)
      'server/protocol/*.test.ts',
      'test/security/permissions.test.ts',
      'test/security/reproductions.test.ts',
      'test/security/erasure-canary.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
