/**
 * `npm run build`: bundles the extension into a folder Chrome loads unpacked (default
 * `dist/extension/`). The panel, options and content script import the server's protocol module,
 * so both sides are checked by the same zod schemas; esbuild bundles it with zod and socket.io-client.
 */
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
export const DEFAULT_OUT = path.join(ROOT, 'dist', 'extension');

const STATIC = ['panel/panel.html', 'panel/panel.css', 'options/options.html', 'options/options.css'];

export async function buildExtension(outDir = DEFAULT_OUT): Promise<string> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const common = { bundle: true, minify: true, target: 'chrome116', legalComments: 'none', logLevel: 'warning', sourcemap: 'linked' } as const;
  await Promise.all([
    build({ ...common, format: 'esm', entryPoints: { panel: path.join(HERE, 'panel/main.ts'), options: path.join(HERE, 'options/main.ts'), background: path.join(HERE, 'background.ts') }, outdir: outDir }),
    // Injected with chrome.scripting.executeScript: a classic script, not a module.
    build({ ...common, format: 'iife', entryPoints: { content: path.join(HERE, 'content/main.ts') }, outdir: outDir }),
    copyFile(path.join(ROOT, 'manifest.json'), path.join(outDir, 'manifest.json')),
    ...STATIC.map((f) => copyFile(path.join(HERE, f), path.join(outDir, path.basename(f)))),
  ]);
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildExtension(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT);
  console.log(`Built the Candor extension into ${path.relative(process.cwd(), out) || '.'}`);
  console.log('Load it in Chrome: chrome://extensions → Developer mode → Load unpacked → choose that folder.');
}
