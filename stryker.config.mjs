// Mutation testing: `npm run mutate` (not part of `npm test`). Reports go to reports/mutation/;
// the incremental file (reports/stryker-incremental.json) lets a repeat run re-test only the
// mutants whose code or covering tests changed. Stryker 9: Stryker 10 needs Node 22.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // The tests that cover these files, without the browser tests; see the file for which.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  // Each mutant runs only the tests that reached it in the dry run.
  coverageAnalysis: 'perTest',
  mutate: [
    // the policy
    'server/policy/*.ts',
    'server/consent/ledger.ts',
    // the guard
    'server/suggest/guard.ts',
    'server/suggest/disclosure.ts',
    // masking
    'server/masking/*.ts',
    '!server/masking/test-helpers.ts',
    // erasure: the privacy changes, the statements both stores run, and the erase functions of
    // the SQLite store (line ranges: keep them on the functions when those files change)
    'server/privacy/changes.ts',
    'server/store/erased.ts',
    'server/store/sqlite/customers.ts:45-56', // erase (the transaction)
    'server/store/sqlite/customers.ts:81-88', // erase (the store method)
    'server/store/sqlite/facts.ts:49-59', // erase (the transaction)
    'server/store/sqlite/facts.ts:64-68', // erase (the store method)
    'server/store/sqlite/audit.ts:33-38', // eraseSeals
    // the permission checks: the table, and where routes and events consult it
    'server/permissions/table.ts',
    'server/http/auth.ts',
    // never the tests
    '!**/*.test.ts',
  ],
  ignorePatterns: ['/dist', '/data', '/coverage', '/docs', '/test-results', '/bench'],
  tempDirName: '.stryker-tmp',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, maxTestsToLog: 0 },
  concurrency: 2,
  timeoutMS: 10_000,
  thresholds: { high: 80, low: 60, break: null },
};
