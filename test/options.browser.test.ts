/**
 * Options in Debian's Chromium: the origins the manifest grants are listed as built in, with no
 * Remove button that would do nothing; a field error clears the connection test's earlier answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../scripts/build.mjs';
import { launchWithExtension } from './helpers/browser.js';
import { startServer, type TestServer } from '../harness/server.js';

let s: TestServer;
let extDir: string;
let context: BrowserContext;
let options: Page;

beforeAll(async () => {
  s = await startServer();
  extDir = await buildExtension(mkdtempSync(path.join(tmpdir(), 'candor-ext-')));
  let extensionId: string;
  ({ context, extensionId } = await launchWithExtension(extDir));
  options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('#helpdesks li').first().waitFor();
}, 60_000);

afterAll(async () => {
  await context?.close();
  await s?.close();
  if (extDir) rmSync(extDir, { recursive: true, force: true });
});

describe('the extension options', () => {
  it('lists the built-in origins as built in, without a Remove button', async () => {
    const sites = options.locator('#sites li');
    await expect
      .poll(() => sites.allTextContents())
      .toEqual([
        expect.stringMatching(/^http:\/\/(localhost|127\.0\.0\.1)\/\*built in, .*cannot be removed$/),
        expect.stringMatching(/^http:\/\/(localhost|127\.0\.0\.1)\/\*built in, .*cannot be removed$/),
      ]);
    expect(await options.locator('#sites button').count()).toBe(0);
  });

  it('when a field is wrong after a connection test, then only the field error is shown', async () => {
    await options.fill('#server-url', s.url);
    await options.fill('#token', s.tokens.agent);
    await options.click('#test');
    await options.locator('#result[data-ok="true"]', { hasText: 'Connected to Candor' }).waitFor();
    await options.fill('#token', '');
    await options.click('#test');
    await options.locator('#token-error:not([hidden])').waitFor();
    expect(await options.locator('#result').textContent()).toBe('');
    expect(await options.locator('#result').getAttribute('data-ok')).toBeNull();
  });
});
