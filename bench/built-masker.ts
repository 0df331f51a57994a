/**
 * Candor's masker as the product runs it: `npm start` runs the build of server/ (scripts/build.mjs, esbuild), and the
 * benchmarks that time masking against its peers time that build rather than the copy tsx compiles on the fly when it
 * runs the benchmark. tsx compiles with other settings (its own target, names kept for every function): the same
 * source measured 1.03–1.06x slower through tsx than built, side by side in one process (2026-12-07, three pairs of
 * runs with both load orders). The peers are timed as their packages ship them, which tsx leaves as they are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer } from '../scripts/build.mjs';
import type { createMasker } from '../server/masking/masker.js';

export type MaskerFactory = typeof createMasker;

/**
 * A temporary folder whose `.js` and `.ts` files are ES modules, as the checkout's are (its package.json says so):
 * without that, a build loaded from it is read as CommonJS, and tsx compiles a copy of the source as CommonJS, which
 * ran the same masker 1.04–1.10x slower (bench/mask-compare.ts).
 */
export function esModuleFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/**
 * Builds the server as `npm start` does, into a folder of its own (dist/server may be serving, or starting for a test),
 * and loads the masker from that build; the folder goes once the modules are loaded.
 */
export async function builtMasker(): Promise<MaskerFactory> {
  const dir = esModuleFolder('candor-built-masker-');
  try {
    await buildServer(dir);
    const built = (await import(pathToFileURL(path.join(dir, 'masking/masker.js')).href)) as {
      createMasker: MaskerFactory;
    };
    return built.createMasker;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
