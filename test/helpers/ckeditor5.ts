/**
 * The real CKEditor 5 from npm (its decoupled editor, essentials and paragraph packages, devDependencies: the
 * `ckeditor5` bundle of every plugin is five times the size), bundled with esbuild into a temporary
 * folder at test time (never committed) as one script that sets `window.CandorCKEditor5`; the
 * Zendesk fixture (`zendesk.html?editor=ckeditor5`) loads it from `/ckeditor5/ckeditor5.js`.
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function bundleCKEditor5(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'candor-ckeditor5-'));
  await build({
    stdin: {
      contents:
        "import { DecoupledEditor } from '@ckeditor/ckeditor5-editor-decoupled';\n" +
        "import { Essentials } from '@ckeditor/ckeditor5-essentials';\n" +
        "import { Paragraph } from '@ckeditor/ckeditor5-paragraph';\n" +
        'window.CandorCKEditor5 = { DecoupledEditor, Essentials, Paragraph };\n',
      resolveDir: path.resolve(import.meta.dirname, '../..'),
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    target: 'chrome116',
    outfile: path.join(dir, 'ckeditor5.js'),
    logLevel: 'silent',
  });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
