/**
 * Vitest's global setup: the pages the server serves from `dist/` (the lead's pages, the /demo desk and the panel
 * beside it) are built once, before any test file starts a server that serves them.
 */
import { buildAdmin, buildDemo } from '../../scripts/build.mjs';

export default async function setup() {
  await Promise.all([buildAdmin(), buildDemo()]);
}
