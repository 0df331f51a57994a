/**
 * The content script's watch on a helpdesk page, in Chromium: it reports a changed ticket, stops
 * for good when its signal aborts (nothing observed, no timer left), and starts afresh on a
 * navigation inside the page, so nothing read for one ticket carries over to the next.
 */
import { build } from 'esbuild';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.js';
import { serveFixtures } from './helpers/fixtures.js';

type WatchModule = typeof import('../extension/content/watch.js');
declare global {
  interface Window {
    candorWatch: WatchModule;
    seen: Record<string, unknown[]>;
    controllers: Record<string, AbortController>;
  }
}

let browser: Browser;
let page: Page;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  const bundle = (
    await build({
      entryPoints: [path.resolve(import.meta.dirname, '../extension/content/watch.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'candorWatch',
      target: 'chrome116',
      write: false,
      logLevel: 'silent',
    })
  ).outputFiles[0]!.text;
  fixtures = await serveFixtures();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${fixtures.url}/helpdesks/inbox-list.html`);
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => {
    window.seen = {};
    window.controllers = {};
    document.body.insertAdjacentHTML('beforeend', '<h1 id="ticket">ticket 1</h1>');
  });
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

/** Starts a named watch whose reading is the ticket heading. */
const start = (name: string) =>
  page.evaluate((name) => {
    window.seen[name] = [];
    window.controllers[name] = new AbortController();
    window.candorWatch.watchTicket(document, window.controllers[name].signal, {
      read: async () => document.getElementById('ticket')?.textContent ?? null,
      changed: (t) => void window.seen[name]!.push(t),
    });
  }, name);
const seen = (name: string) => page.evaluate((name) => window.seen[name], name);
const setTicket = (text: string) =>
  page.evaluate((text) => {
    document.getElementById('ticket')!.textContent = text;
  }, text);

describe('the content script’s watch', () => {
  it('when the ticket on the page changes, then the new reading is reported once', async () => {
    await start('a');
    await expect.poll(() => seen('a')).toEqual(['ticket 1']);
    await setTicket('ticket 2');
    await expect.poll(() => seen('a')).toEqual(['ticket 1', 'ticket 2']);
  });

  it('when its signal aborts, then it reports nothing more, while a watch still running sees the change', async () => {
    await page.evaluate(() => window.controllers.a!.abort());
    await start('b');
    await expect.poll(() => seen('b')).toEqual(['ticket 2']);
    await setTicket('ticket 3');
    // The running watch's report proves the change was there to see; the aborted one saw none of it.
    await expect.poll(() => seen('b')).toEqual(['ticket 2', 'ticket 3']);
    expect(await seen('a')).toEqual(['ticket 1', 'ticket 2']);
  });

  it(
    'when the helpdesk navigates without a page load, then the watch ' + 'starts afresh and reports the ticket again',
    async () => {
      await page.evaluate(() => history.pushState({}, '', '/helpdesks/other-ticket'));
      // A navigation shows in the page's DOM too; the same heading is read anew, not compared with the old page's.
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>loaded</p>'));
      await expect.poll(() => seen('b')).toEqual(['ticket 2', 'ticket 3', 'ticket 3']);
    },
  );
});
