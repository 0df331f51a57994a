/**
 * Bundles the team lead's pages (`server/admin/ui/`: the template editor with CodeMirror, the audit
 * log) into `dist/admin/`, which the server serves at `/admin/assets/`. `npm run build` and
 * `npm start` run it.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_KINDS } from '../audit/chain.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ADMIN_DIST = path.resolve(HERE, '../../dist/admin');
export const DEVELOPMENT = process.env.NODE_ENV === 'development';

export async function buildAdmin(outDir = ADMIN_DIST): Promise<string> {
  // Maps an earlier (development) build left would otherwise stay beside the new bundles.
  if (!DEVELOPMENT && existsSync(outDir)) for (const f of readdirSync(outDir)) if (f.endsWith('.map')) rmSync(path.join(outDir, f), { force: true });
  await build({
    entryPoints: { prompts: path.join(HERE, 'ui/prompts.ts'), audit: path.join(HERE, 'ui/audit.ts') },
    // The audit page lists the server's own kinds; it cannot import them, as chain.ts needs node:crypto.
    define: { AUDIT_KINDS: JSON.stringify(AUDIT_KINDS) },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'chrome116',
    legalComments: 'none',
    // Maps only for development (NODE_ENV=development): elsewhere they would publish the pages' source.
    sourcemap: DEVELOPMENT ? 'linked' : false,
    logLevel: 'warning',
  });
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildAdmin();
  console.log(`Built the team lead's pages into ${path.relative(process.cwd(), out) || '.'}`);
}
