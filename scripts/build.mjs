#!/usr/bin/env node
/**
 * `npm run build` (and `npm start`, which builds first): with esbuild alone, so it runs on a
 * production install (`npm ci --omit=dev`) without TypeScript or tsx:
 *   dist/server/     the server, each module compiled to JavaScript beside the others (`npm start` runs it)
 *   dist/extension/  the Chrome extension, bundled (load it unpacked)
 *   dist/admin/      the team lead's pages (/admin/prompts, /admin/audit, …), bundled with CodeMirror
 *   dist/demo/       the /demo helpdesk's script, and the extension's panel bundled to run beside it
 * Source maps only with NODE_ENV=development: elsewhere they would publish the source.
 */
import { cp, copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEVELOPMENT = process.env.NODE_ENV === 'development';
const sourcemap = DEVELOPMENT ? 'linked' : false;
const quiet = { legalComments: 'none', logLevel: 'warning' };

/** Every server module, not its tests or their helpers, nor the pages' scripts (bundled for the browser below). */
export async function buildServer(outDir = path.join(ROOT, 'dist/server')) {
  const dir = path.join(ROOT, 'server');
  const files = (await readdir(dir, { recursive: true })).filter(
    (f) => f.endsWith('.ts') && !/\.test\.ts$|(^|\/)test-|^(admin|demo)\/ui\//.test(f.split(path.sep).join('/')),
  );
  await rm(outDir, { recursive: true, force: true });
  await build({
    ...quiet,
    entryPoints: files.map((f) => path.join(dir, f)),
    outbase: dir,
    outdir: outDir,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap,
  });
  return outDir;
}

/**
 * The panel, options and background as modules; the content script as a classic script (injected with
 * chrome.scripting); the words of each language in `_locales`, which Chrome reads for the manifest and chrome.i18n.
 */
export async function buildExtension(outDir = path.join(ROOT, 'dist/extension')) {
  const src = path.join(ROOT, 'extension');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const common = { ...quiet, bundle: true, minify: true, target: 'chrome116', sourcemap };
  await Promise.all([
    build({
      ...common,
      format: 'esm',
      entryPoints: {
        panel: path.join(src, 'panel/main.ts'),
        options: path.join(src, 'options/main.ts'),
        background: path.join(src, 'background.ts'),
      },
      outdir: outDir,
    }),
    build({ ...common, format: 'iife', entryPoints: { content: path.join(src, 'content/main.ts') }, outdir: outDir }),
    copyFile(path.join(ROOT, 'manifest.json'), path.join(outDir, 'manifest.json')),
    cp(path.join(src, '_locales'), path.join(outDir, '_locales'), { recursive: true }),
    ...['panel/panel.html', 'panel/panel.css', 'options/options.html', 'options/options.css'].map((f) =>
      copyFile(path.join(src, f), path.join(outDir, path.basename(f))),
    ),
  ]);
  return outDir;
}

export async function buildAdmin(outDir = path.join(ROOT, 'dist/admin')) {
  const ui = path.join(ROOT, 'server/admin/ui');
  // Maps an earlier development build left would otherwise stay beside the bundles. Only those go:
  // tests build here while other tests' servers serve the pages.
  const stale = (await readdir(outDir).catch(() => [])).filter((f) => f.endsWith('.map') && !DEVELOPMENT);
  await Promise.all(stale.map((f) => rm(path.join(outDir, f), { force: true })));
  await build({
    ...quiet,
    entryPoints: {
      prompts: path.join(ui, 'prompts.ts'),
      audit: path.join(ui, 'audit.ts'),
      adapters: path.join(ui, 'adapters.ts'),
      taught: path.join(ui, 'taught.ts'),
      insights: path.join(ui, 'insights.ts'),
      coach: path.join(ui, 'coach.ts'),
      breach: path.join(ui, 'breach.ts'),
      requests: path.join(ui, 'requests.ts'),
      articles: path.join(ui, 'articles.ts'),
    },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'chrome116',
    sourcemap,
  });
  return outDir;
}

/** The demo helpdesk's page script, and the panel (the extension's own code) with the demo page as its host. */
export async function buildDemo(outDir = path.join(ROOT, 'dist/demo')) {
  await build({
    ...quiet,
    entryPoints: {
      desk: path.join(ROOT, 'server/demo/ui/desk.ts'),
      panel: path.join(ROOT, 'extension/panel/demo.ts'),
    },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'chrome116',
    sourcemap,
  });
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const relative = (p) => path.relative(process.cwd(), p) || '.';
  const [server, extension, admin, demo] = await Promise.all([
    buildServer(),
    buildExtension(),
    buildAdmin(),
    buildDemo(),
  ]);
  console.log(
    `Built the server into ${relative(server)}, the team lead's pages into ${relative(admin)}, the demo into ` +
      `${relative(demo)}, and the Candor extension into ${relative(extension)}`,
  );
  console.log(
    'Load the extension in Chrome: chrome://extensions → Developer mode → Load unpacked → choose that folder.',
  );
}
