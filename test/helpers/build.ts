/**
 * Vitest's global setup: what the tests run from `dist/` is built once, before any test file starts: the pages the
 * server serves (the lead's pages, the /demo desk and the panel beside it), and the server that tests start as its own
 * process (harness/processes.ts), as `npm start` runs it.
 */
import { buildAdmin, buildDemo, buildServer } from '../../scripts/build.mjs';

export default async function setup() {
  await Promise.all([buildAdmin(), buildDemo(), buildServer()]);
}
