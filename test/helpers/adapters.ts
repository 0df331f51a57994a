/** The helpdesk adapters as the extension bundles them (esbuild), to put into a page, and a way to run them there. */
import { build } from 'esbuild';
import path from 'node:path';
import type { Page } from 'playwright-core';

type Adapters = typeof import('../../extension/content/adapters/index.js');

/** The adapters as one script that sets `window.candorAdapters`. */
export async function bundleAdapters(): Promise<string> {
  const out = await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../extension/content/adapters/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'candorAdapters',
    target: 'chrome116',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** Runs in a page holding the bundle: which adapters recognise it, and what the chosen one reads or inserts. */
export const runAdapters = (page: Page, op: 'detected' | 'read' | 'insert', text = '') =>
  page.evaluate(
    async ([op, text]) => {
      const { ADAPTERS, pickAdapter } = (window as unknown as { candorAdapters: Adapters }).candorAdapters;
      if (op === 'detected') return ADAPTERS.filter((a) => a.detect(document)).map((a) => a.id);
      const adapter = pickAdapter(document);
      if (op === 'read') return adapter?.read(document);
      return adapter?.insert(document, text);
    },
    [op, text] as const,
  );

/** Runs in a page holding the bundle: the chosen adapter takes `sentences` out of the reply box (`remove.ts`). */
export const removeWithAdapters = (page: Page, sentences: string[]) =>
  page.evaluate(async (sentences) => {
    const { pickAdapter } = (window as unknown as { candorAdapters: Adapters }).candorAdapters;
    return pickAdapter(document)?.remove(document, sentences);
  }, sentences);
