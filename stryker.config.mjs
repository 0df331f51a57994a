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
    // erasure, consent changes and the audit append: the privacy changes and the store modules
    // that hold their statements (written once for SQLite and PostgreSQL)
    'server/privacy/changes.ts',
    'server/store/erased.ts',
    'server/store/customers.ts',
    'server/store/facts.ts',
    'server/store/consents.ts',
    'server/store/audit.ts',
    // the permission checks: the table, authorize, and the middleware every route names its action with
    'server/permissions/*.ts',
    'server/web/auth.ts',
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
