/**
 * Adapters that say when they are lost, in Debian's Chromium. First the reading itself (markup.ts and
 * the content script's e-mail scan, bundled as the extension bundles them) on a made-up helpdesk page
 * with one part taken away at a time. Then the built extension beside a copy of the Help Scout
 * fixture whose requester selector is broken: the panel says which field its adapter did not find,
 * opens manual mode with the page's e-mail addresses as choices, looks nothing up until the agent
 * picks one, and the server counts one miss per page view, which the lead sees on /admin/adapters.
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed.js';
import { formatTime } from '../server/format/time.js';
import { launchChromium, extensionSignedIn } from './helpers/browser.js';
import { serveFixtures } from './helpers/fixtures.js';
import { signInAsLead } from './helpers/admin.js';
import { startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
const ADAPTERS = path.resolve(import.meta.dirname, '../extension/content/adapters');

let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
beforeAll(async () => {
  fixtures = await serveFixtures();
});
afterAll(() => fixtures?.close());

describe('what an adapter reads on a page that lost a part', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    const out = await build({
      stdin: {
        contents: "export { adapterFor } from './markup.ts'; export { emailsOn } from '../emails.ts';",
        resolveDir: ADAPTERS,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'candorLost',
      target: 'chrome116',
      write: false,
      logLevel: 'silent',
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${fixtures.url}/lost/helpscout-no-requester.html`); // any page of an http origin will do
    await page.setContent(`<!doctype html><html><body><div id="desk">
      <article id="ticket"><h2 class="subject">Blender stopped working</h2>
        <a class="requester" href="mailto:dana.kowalski@example.org">Dana Kowalski</a>
        <ol><li class="msg from-customer"><p class="text">My blender broke.</p></li></ol>
        <textarea class="reply"></textarea></article></div></body></html>`);
    await page.addScriptTag({ content: out.outputFiles[0]!.text });
  });
  afterAll(() => browser?.close());

  /** Reads the page as an adapter for this made-up helpdesk would, after `change` ran in it. */
  const readAfter = (change: string, pathname = '/desk', replyOnDemand = false) =>
    page.evaluate(
      async ([change, pathname, replyOnDemand]) => {
        history.replaceState(null, '', pathname);
        const desk = document.getElementById('desk')!.cloneNode(true);
        new Function(change)();
        const { adapterFor } = (
          window as never as { candorLost: typeof import('../extension/content/adapters/markup.js') }
        ).candorLost;
        const adapter = adapterFor({
          id: 'front',
          name: 'Made-up desk',
          hosts: [],
          replyOnDemand,
          idInPath: /^\/tickets\/(\d+)/,
          selectors: {
            app: '#desk',
            ticket: '#ticket',
            ticketId: '.subject@class',
            subject: '.subject',
            requesterEmail: '.requester',
            requesterName: '.requester',
            message: '.msg',
            messageText: '.text',
            fromCustomer: '.from-customer',
            editor: '.reply',
          },
        });
        const read = await adapter.read(document);
        document.getElementById('desk')!.replaceWith(desk);
        return read;
      },
      [change, pathname, replyOnDemand] as const,
    );

  it('when every part is there, then nothing is reported missing', async () => {
    expect(await readAfter('')).toMatchObject({ requesterEmail: 'dana.kowalski@example.org', canInsert: true });
    expect(await readAfter('')).not.toHaveProperty('missing');
  });

  it.each([
    ['the requester', "document.querySelector('.requester').remove()", ['requester']],
    ['the conversation', "document.querySelector('.msg').className = 'message'", ['conversation']],
    ['every message text', "document.querySelector('.text').textContent = ''", ['conversation']],
    ['the reply box', "document.querySelector('.reply').remove()", ['replyBox']],
  ])('when %s is not found, then the reading says so and keeps the rest', async (_what, change, missing) => {
    const read = await readAfter(change);
    expect(read).toMatchObject({ ticketId: 'subject', subject: 'Blender stopped working', missing });
  });

  it('when the reply box opens only on Reply and is closed, then that is no miss, and Insert is off', async () => {
    const read = await readAfter("document.querySelector('.reply').remove()", '/desk', true);
    expect(read).toMatchObject({ canInsert: false });
    expect(read).not.toHaveProperty('missing');
    expect(await readAfter("document.querySelector('.requester').remove()", '/desk', true)).toMatchObject({
      missing: ['requester'],
    });
  });

  it(
    'when the address names a ticket but its container is gone, then everything is lost on that ' +
      'ticket; without a ticket in the address it is a page without a ticket',
    async () => {
      const gone = "document.getElementById('ticket').id = 'ticket-v2'";
      expect(await readAfter(gone, '/tickets/42')).toEqual({
        ticketId: '42',
        conversation: [],
        canInsert: false,
        missing: ['requester', 'conversation', 'replyBox'],
      });
      expect(await readAfter(gone, '/inbox')).toBeNull();
    },
  );

  it('finds the e-mail addresses on a page: mailto links and text, each once, in page order, at most 10', async () => {
    const emails = await page.evaluate(() => {
      const { emailsOn } = (window as never as { candorLost: typeof import('../extension/content/emails.js') })
        .candorLost;
      const box = document.createElement('div');
      box.innerHTML =
        '<a href="mailto:Sam.Carter%40blendco.example?subject=Hi">Sam</a>' +
        '<p>Write to dana.kowalski@example.org. Or DANA.KOWALSKI@example.org, or sam.carter@blendco.example.</p>' +
        '<a href="mailto:%E0%A4%A">broken escape</a><span hidden>hidden@example.org</span>' +
        Array.from({ length: 12 }, (_, i) => `<span>c${i}@example.net </span>`).join('');
      document.body.append(box);
      const found = emailsOn(document);
      box.remove();
      return found;
    });
    expect(emails).toEqual([
      'dana.kowalski@example.org', // the made-up desk's requester link comes first on the page
      'Sam.Carter@blendco.example',
      ...Array.from({ length: 8 }, (_, i) => `c${i}@example.net`),
    ]);
  });
});

describe('the extension beside a Help Scout page whose requester selector broke', () => {
  let s: TestServer;
  let closeExtension: (() => Promise<void>) | undefined;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let helpdesk: Page;
  let panel: Page;
  const lostUrl = () => `${fixtures.url}/lost/helpscout-no-requester.html`;

  beforeAll(async () => {
    s = await startServer({ CANDOR_DEMO: 'true' });
    await seedDemo(s.store);
    ({ context, worker, extensionId, close: closeExtension } = await extensionSignedIn(s));
  }, 60_000);

  afterAll(async () => {
    await closeExtension?.();
    await s?.close();
  });

  const health = async () =>
    (await s.api('GET', '/adapters/health', undefined, s.tokens.lead)).body as {
      misses: { adapter: string; field: string; today: number; lastMissingAt: string }[];
    };
  const danaViews = async () =>
    (await s.api('GET', '/audit?customerId=c_dana&kind=context.viewed', undefined, s.tokens.lead)).body.entries
      .length as number;

  async function openPanelFor(page: Page): Promise<Page> {
    const tabId = await worker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
      page.url(),
    );
    const p = await context.newPage();
    await p.goto(`chrome-extension://${extensionId}/panel.html?tab=${tabId}`);
    return p;
  }

  it(
    'when no adapter has missed anything yet, then the ' + 'adapters page says all is well in a plain sentence',
    async () => {
      const admin = await context.newPage();
      await admin.setViewportSize({ width: 1280, height: 800 });
      await signInAsLead(admin, `${s.url}/admin/adapters`, s.tokens, 'an agent token cannot open the adapters page');
      await admin.locator('#verdict', { hasText: /^All is well: every helpdesk adapter found/ }).waitFor();
      expect(await admin.locator('#misses tr').count()).toBe(0);
      await admin.close();
    },
  );

  it(
    'when the page is open, then the panel says the Help Scout adapter did not find the requester, ' +
      'and manual mode opens with the e-mail addresses on the page as choices, nothing looked up',
    async () => {
      helpdesk = await context.newPage();
      await helpdesk.goto(lostUrl());
      panel = await openPanelFor(helpdesk);
      await panel.locator('#connection[data-state="connected"]').waitFor();
      const lost = panel.locator('#lost');
      await lost.waitFor({ timeout: 10_000 });
      expect(await lost.textContent()).toMatch(
        new RegExp(
          "^Candor's Help Scout adapter did not find the requester's e-mail on this page\\. " +
            'Choose the customer’s e-mail in manual mode',
        ),
      );
      expect(await panel.locator('details.manual').getAttribute('open')).not.toBeNull();
      const choices = panel.getByRole('group', { name: /E-mail addresses on this page/ });
      expect(await choices.getByRole('radio').evaluateAll((r) => r.map((i) => (i as HTMLInputElement).value))).toEqual([
        'sam.carter@blendco.example',
        'dana.kowalski@example.org',
      ]);
      expect(await panel.locator('.context').count()).toBe(0);
      expect(await danaViews()).toBe(0);
      await panel.screenshot({ path: path.join(SHOTS, 'extension-panel-adapter-lost.png'), fullPage: true });
    },
  );

  it('when the agent picks the customer’s address by keyboard and looks it up, then the context shows', async () => {
    await panel.getByRole('radio', { name: 'sam.carter@blendco.example' }).focus();
    await panel.keyboard.press('ArrowDown'); // the next choice in the group, as any radio group
    expect(await panel.inputValue('#manual-email')).toBe('dana.kowalski@example.org');
    expect(await danaViews()).toBe(0);
    await panel.getByRole('button', { name: 'Look up' }).focus();
    await panel.keyboard.press('Enter');
    await panel.locator('.context h2', { hasText: 'Dana Kowalski' }).waitFor();
    expect(await danaViews()).toBe(1);
    await panel.screenshot({ path: path.join(SHOTS, 'extension-panel-adapter-lost-chosen.png'), fullPage: true });
  });

  it('when the page keeps changing, then the miss is counted once for this page view; a new view of the ' +
    'page counts again, and the e-mail addresses never reach the server', async () => {
    await expect.poll(async () => (await health()).misses.length, { timeout: 10_000 }).toBe(1);
    expect((await health()).misses[0]).toMatchObject({ adapter: 'helpscout', field: 'requester', today: 1 });
    // The page changes (a new note in the thread): read again, still lost, not counted again.
    await helpdesk.evaluate(() => {
      const li = document.createElement('li');
      li.innerHTML = '<div id="thread-9105" class="is-user"><section class="messageBody"><p>On it.</p></section></div>';
      document.querySelector('[data-testid="ThreadContainer"]')!.append(li);
    });
    await panel.waitForTimeout(4000);
    expect((await health()).misses[0]!.today).toBe(1);
    expect(await panel.locator('.context h2').textContent()).toBe('Dana Kowalski'); // the agent's lookup stays
    await helpdesk.goto(lostUrl());
    await expect.poll(async () => (await health()).misses[0]!.today, { timeout: 15_000 }).toBe(2);
    const stored = JSON.stringify(await s.store.adapterMisses.health());
    for (const fromPage of ['sam.carter', 'dana.kowalski', '2615606748', '19839', 'Blender'])
      expect(stored).not.toContain(fromPage);
  }, 40_000);

  it.each([1280, 1024])(
    'when the lead opens the adapters page at %i px, then it names the adapter and the field in words, ' +
      'when it was last missed and how often, and works by keyboard',
    async (width) => {
      const admin = await context.newPage();
      await admin.setViewportSize({ width, height: 800 });
      await admin.goto(`${s.url}/admin/adapters`);
      await admin.getByRole('button', { name: 'Sign in' }).waitFor();
      await admin.locator('#token').fill(s.tokens.lead);
      await admin.keyboard.press('Enter');
      const row = admin.locator('#misses tbody tr');
      await row.first().waitFor();
      const last = (await health()).misses[0]!.lastMissingAt;
      // The lead's pages write times in the browser's own locale (this machine's zone is the browser's too).
      const locale = await admin.evaluate(() => navigator.language);
      expect(await row.first().locator('th, td').allTextContents()).toEqual([
        'Help Scout',
        "the requester's e-mail",
        formatTime(last, 'dateTime', { locale }),
        '2 times',
        '2 times',
      ]);
      expect(await admin.locator('#verdict').textContent()).toMatch(
        /^Help Scout did not find what it looks for on some pages in the last 7 days/,
      );
      expect(await admin.locator('#fine').textContent()).toContain('Zendesk Agent Workspace');
      expect(await admin.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      // By keyboard: Refresh is the next stop after Sign out, and answers Enter.
      await admin.locator('#who button').focus();
      await admin.keyboard.press('Tab');
      expect(await admin.evaluate(() => document.activeElement?.id)).toBe('refresh');
      await admin.keyboard.press('Enter');
      await admin.locator('#verdict', { hasText: 'Help Scout did not find' }).waitFor();
      await admin.screenshot({ path: path.join(SHOTS, `admin-adapters-${width}.png`), fullPage: true });
      await admin.close();
    },
  );
});
