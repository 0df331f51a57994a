/**
 * Taking inserted sentences back out of each helpdesk's reply editor (`content/adapters/remove.ts`),
 * with the adapters bundled as in the extension and put into each fixture page, the real CKEditor 5
 * and the real /demo page: exactly the sentence goes from what the helpdesk would send, everything
 * else stays, and a sentence the agent changed is left to the agent, said so. Nothing is sent.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAdapters, removeWithAdapters, runAdapters } from './helpers/adapters.js';
import { launchChromium, openBlenderTicket } from './helpers/browser.js';
import { bundleCKEditor5 } from './helpers/ckeditor5.js';
import { serveFixtures } from './helpers/fixtures.js';
import { startServer, type TestServer } from '../harness/server.js';

const REPLY = 'Thanks, Dana. I can see you ordered the Blender Pro 3000, order #1042. A new jug goes out today.';
const MORE = 'Anything else I can help with?';
const CITING = 'I can see you ordered the Blender Pro 3000, order #1042.';
const LEFT = ['Thanks, Dana. A new jug goes out today.', MORE];

let bundle: string;
let ckeditor5: Awaited<ReturnType<typeof bundleCKEditor5>>;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let browser: Browser;
let context: BrowserContext;
let s: TestServer;

beforeAll(async () => {
  [bundle, ckeditor5, s] = await Promise.all([
    bundleAdapters(),
    bundleCKEditor5(),
    startServer({ CANDOR_DEMO: 'true' }),
  ]);
  fixtures = await serveFixtures({ ckeditor5Dir: ckeditor5.dir });
  browser = await launchChromium();
  context = await browser.newContext({ bypassCSP: true }); // /demo's CSP allows no inline script
});
afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
  await ckeditor5?.remove();
  await s?.close();
});

async function withAdapters(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: bundle });
  return page;
}

/** What the helpdesk would send (its model, its form field or CKEditor's data), after late editors settle. */
const sent = async (page: Page) => {
  await page.waitForTimeout(400);
  return page.evaluate(() => {
    const f = (window as unknown as { __fixture: { editorText(): string; sent: number } }).__fixture;
    return { lines: f.editorText().split('\n'), sent: f.sent };
  });
};

const PAGES = [
  'zendesk.html',
  'zendesk.html?editor=ckeditor5',
  'freshdesk.html',
  'freshdesk.html?paste=ignored',
  'helpscout.html',
  'intercom.html',
  'front.html',
];

describe.each(PAGES)('removing from the reply editor of %s', (file) => {
  it('takes out exactly the sentence, keeps the rest, and leaves one the agent changed to the agent', async () => {
    const page = await withAdapters(`${fixtures.url}/helpdesks/${file}`);
    if (file.includes('ckeditor5'))
      await page.evaluate(() => (window as unknown as { __editorReady: Promise<void> }).__editorReady);
    expect(await runAdapters(page, 'insert', REPLY)).toMatchObject({ ok: true });
    expect(await runAdapters(page, 'insert', MORE)).toMatchObject({ ok: true });
    await page.waitForTimeout(400); // Froala takes its paste late

    expect(await removeWithAdapters(page, [CITING])).toEqual({ removed: [CITING], left: [] });
    expect(await sent(page)).toEqual({ lines: LEFT, sent: 0 });

    const changed = 'I can see you ordered the Stand Mixer, order #0987.';
    expect(await removeWithAdapters(page, [changed])).toEqual({
      removed: [],
      left: [{ sentence: changed, reason: 'box_gone_inserted' }],
    });
    expect(await sent(page)).toEqual({ lines: LEFT, sent: 0 });
    await page.close();
  });
});

describe('removing from the real /demo reply box (a textarea)', () => {
  it('takes out the sentence and a line it leaves empty, and nothing else', async () => {
    const page = await withAdapters(`${s.url}/demo`);
    await openBlenderTicket(page);
    await page.fill('#reply', 'Hi Dana,');
    expect(await runAdapters(page, 'insert', CITING)).toMatchObject({ ok: true });
    expect(await runAdapters(page, 'insert', MORE)).toMatchObject({ ok: true });
    expect(await removeWithAdapters(page, [CITING])).toEqual({ removed: [CITING], left: [] });
    expect(await page.inputValue('#reply')).toBe(`Hi Dana,\n${MORE}`);
    await page.close();
  });
});
