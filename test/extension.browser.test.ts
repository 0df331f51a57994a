/**
 * The built extension in Debian's Chromium (`--load-extension`), against a real server: options,
 * the panel beside the /demo helpdesk and beside each helpdesk fixture page, live updates,
 * reconnection, and what the agent did with each suggestion reaching the server.
 *
 * The side panel itself cannot be opened headless, so the panel runs as its extension page,
 * pinned to the helpdesk tab with `panel.html?tab=N`; everything else is the real extension.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../scripts/build.mjs';
import { seedDemo } from '../server/demo/seed.js';
import { candorExtensionOrigin } from '../server/http/origins.js';
import { launchWithExtension, openBlenderTicket } from './helpers/browser.js';
import { serveFixtures } from './helpers/fixtures.js';
import { startFakeOpenAI } from '../harness/fake-openai.js';
import { plantDanaPurchase, startServer, type TestServer } from '../harness/server.js';
import { portalLinkIn } from '../harness/smtp.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
const HELPDESKS = ['zendesk', 'freshdesk', 'helpscout', 'intercom', 'front'] as const;

let s: TestServer;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let out: string;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let helpdesk: Page;
let panel: Page;

/** Chrome's id for the tab showing `url`: what the panel is pinned to. */
async function tabIdOf(url: string): Promise<number> {
  const id = await worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
    url,
  );
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

async function openPanelFor(page: Page): Promise<Page> {
  const p = await context.newPage();
  await p.goto(`chrome-extension://${extensionId}/panel.html?tab=${await tabIdOf(page.url())}`);
  return p;
}

const outcomes = async () =>
  (await s.api('GET', '/outcomes', undefined, s.tokens.lead)).body.outcomes as {
    action: string;
    edit: { text: string; distance: number } | null;
    rating: string | null;
    reason: string | null;
    template: { id: string };
  }[];

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true' });
  await seedDemo(s.store);
  fixtures = await serveFixtures();
  out = await buildExtension(mkdtempSync(path.join(tmpdir(), 'candor-ext-')));
  ({ context, worker, extensionId } = await launchWithExtension(out));
});

afterAll(async () => {
  await context?.close();
  await fixtures?.close();
  await s?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the Candor extension in Chromium', () => {
  it('loads under the id the server allows by default', () => {
    expect(`chrome-extension://${extensionId}`).toBe(candorExtensionOrigin());
  });

  it(
    'when the extension is installed, then Options open by themselves; ' +
      'saving the server and token there tests the connection',
    async () => {
      await expect
        .poll(() => context.pages().some((p) => p.url() === `chrome-extension://${extensionId}/options.html`), {
          timeout: 10_000,
        })
        .toBe(true);
      const options = context.pages().find((p) => p.url() === `chrome-extension://${extensionId}/options.html`)!;
      await options.waitForLoadState();
      // Front's adapter is experimental, and Options says so in words beside it.
      await expect
        .poll(() => options.locator('#helpdesks li', { hasText: 'Front' }).textContent())
        .toContain('experimental — its markup is not corroborated by any current public source');
      await options.fill('#server-url', s.url);
      await options.fill('#token', 'cnd_not-a-real-token');
      await options.click('#test');
      await options.locator('#result[data-ok="false"]', { hasText: 'refused the token' }).waitFor();

      await options.fill('#token', s.tokens.agent);
      // Not a name the detectors know: masked later only because the agent gave it here.
      await options.fill('#agent-name', 'Zorbo Quell');
      await options.click('#settings button[type=submit]');
      await options
        .locator('#result[data-ok="true"]', { hasText: `Connected to Candor at ${s.url} as agent` })
        .waitFor();
      await options.screenshot({ path: path.join(SHOTS, 'extension-options.png'), fullPage: true });
      await options.close();
    },
  );

  it(
    'when a /demo ticket is open, then the panel shows its permitted facts ' +
      'with consent badges and no withheld value',
    async () => {
      helpdesk = await context.newPage();
      await helpdesk.goto(`${s.url}/demo`);
      await openBlenderTicket(helpdesk);
      panel = await openPanelFor(helpdesk);
      await panel.locator('#connection[data-state="connected"]').waitFor();
      await panel.locator('.fact', { hasText: 'Blender Pro 3000' }).waitFor();

      const text = (await panel.locator('body').textContent())!;
      expect(text).toContain('given');
      expect(text).toContain('checkout');
      expect(await panel.locator('.ticket-language').textContent()).toBe('Ticket in English');
      expect(await panel.locator('.withheld summary').textContent()).toMatch(/^\d+ facts withheld: .*no consent/);
      for (const withheld of ['Harbour Road', 'PL4 7QT', '4821', '7946']) expect(text).not.toContain(withheld);
      expect(await panel.locator('.suggestion').count()).toBeGreaterThan(0);
      await panel.screenshot({ path: path.join(SHOTS, 'extension-panel-demo.png'), fullPage: true });
    },
  );

  it('when the agent opens a footnote, then it explains the fact in place', async () => {
    const first = panel.locator('.suggestion').first();
    await first.locator('.marker').first().click();
    expect(await first.locator('.footnotes li').first().textContent()).toMatch(/^\[1\] .+/);
    expect(await first.locator('.marker').first().getAttribute('aria-expanded')).toBe('true');
  });

  it(
    'when the agent presses Insert, then the reply box holds the ' +
      'suggestion, nothing is sent, and the server keeps the outcome',
    async () => {
      const messagesBefore = await helpdesk.locator('#messages li').count();
      const first = panel.locator('.suggestion').first();
      const suggestion = (await first.locator('.suggestion-text').textContent())!;
      await first.getByRole('button', { name: 'Insert', exact: true }).click();
      await first.locator('.status', { hasText: 'Inserted' }).waitFor();
      expect(await helpdesk.inputValue('#reply')).toBe(suggestion.replace(/ ?\[\d+\]/g, ''));
      expect(await helpdesk.locator('#messages li').count()).toBe(messagesBefore);
      await expect.poll(async () => (await outcomes())[0]?.action).toBe('inserted');
    },
  );

  it('when the agent edits before inserting, rates and dismisses, then each is kept with the edit masked', async () => {
    await helpdesk.fill('#reply', '');
    const first = panel.locator('.suggestion').first();
    await first.getByRole('button', { name: 'Edit before insert' }).click();
    const edit = first.getByRole('textbox', { name: 'Edit the suggestion before inserting' });
    await edit.fill('Hi Dana Kowalski, Zorbo Quell here. Let me check that order for you.');
    await first.getByRole('button', { name: 'Insert edited' }).click();
    await expect
      .poll(() => helpdesk.inputValue('#reply'))
      .toBe('Hi Dana Kowalski, Zorbo Quell here. Let me check that order for you.');
    await expect.poll(async () => (await outcomes())[0]?.action).toBe('edited');
    const edited = (await outcomes())[0]!;
    expect(edited.edit!.text).toBe('Hi <PERSON_1>, <PERSON_2> here. Let me check that order for you.');
    expect(edited.edit!.distance).toBeGreaterThan(10);

    // One click records the rating; the reason, given after, edits that same rating.
    await first.getByRole('button', { name: 'Poor suggestion' }).click();
    await expect.poll(async () => (await outcomes())[0]?.rating).toBe('down');
    expect((await outcomes())[0]!.reason).toBeNull();
    await first.getByRole('textbox', { name: /Reason for your rating/ }).fill('too formal');
    await first.getByRole('button', { name: 'Save reason' }).click();
    await expect.poll(async () => (await outcomes())[0]?.reason).toBe('too formal');
    expect((await outcomes()).filter((o) => o.action === 'rated')).toHaveLength(1);

    const count = await panel.locator('.suggestion').count();
    await first.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => panel.locator('.suggestion').count()).toBe(count - 1);
    await expect.poll(async () => (await outcomes())[0]?.action).toBe('dismissed');
  });

  it(
    'when consent is withdrawn over REST, then the open panel drops the ' +
      'fact and its suggestions without a reload and says why',
    async () => {
      // How fast it arrives is measured by the benchmark (fanout_p99_ms); here: that it arrives, into the same panel
      // document.
      await panel.evaluate(() => ((window as unknown as { __beforeWithdrawal?: boolean }).__beforeWithdrawal = true));
      const res = await s.api(
        'POST',
        '/customers/c_dana/consents/k_dana_orders/withdraw',
        { channel: 'chat' },
        s.tokens.agent,
      );
      expect(res.status).toBe(200);
      await panel
        .locator('.notice', { hasText: /^Customer withdrew consent for purchase history at \d/ })
        .waitFor({ timeout: 10_000 });
      await expect
        .poll(() => panel.locator('.view').textContent(), { timeout: 10_000 })
        .not.toContain('Blender Pro 3000');
      expect(
        await panel.evaluate(() => (window as unknown as { __beforeWithdrawal?: boolean }).__beforeWithdrawal),
      ).toBe(true);
      await panel.screenshot({ path: path.join(SHOTS, 'extension-panel-after-withdrawal.png'), fullPage: true });
    },
  );

  it('when a customer fact holds markup, then the panel renders it as text', async () => {
    await plantDanaPurchase(s, 'Blender <img src=x onerror="document.title=\'pwned\'"> order #666');
    await panel.locator('.fact-text', { hasText: '<img src=x onerror=' }).waitFor();
    expect(await panel.locator('.view img').count()).toBe(0);
    expect(await panel.title()).toBe('Candor');
  });

  it(
    'when the server goes away and comes back, then the panel shows it is ' +
      'reconnecting and recovers the view by itself',
    async () => {
      const restarting = s.restart(1500);
      await panel.locator('#connection[data-state="reconnecting"]').waitFor({ timeout: 5000 });
      // A stale panel does not look live: a banner says so, the view is greyed and Insert is off.
      expect(await panel.locator('#offline').textContent()).toBe(
        'Not connected to Candor: what you see may be out of date; Insert is off until it is back.',
      );
      expect(await panel.locator('#view.stale').count()).toBe(1);
      const inserts = panel.getByRole('button', { name: 'Insert', exact: true });
      expect(await inserts.count()).toBeGreaterThan(0);
      for (const b of await inserts.all()) expect(await b.isDisabled()).toBe(true);
      await panel.screenshot({ path: path.join(SHOTS, 'extension-panel-reconnecting.png') });
      await restarting;
      await panel.locator('#connection[data-state="connected"]').waitFor({ timeout: 10_000 });
      expect(await panel.locator('#offline').isHidden()).toBe(true);
      expect(await panel.locator('#view.stale').count()).toBe(0);
      await expect
        .poll(async () => (await Promise.all((await inserts.all()).map((b) => b.isEnabled()))).some(Boolean))
        .toBe(true);
      // Back on a fresh server process, the panel opened its ticket again: a push reaches it.
      await s.api('POST', '/customers/c_dana/consents/k_again/withdraw', { channel: 'chat' }, s.tokens.agent);
      await panel.locator('.notice', { hasText: 'Customer withdrew consent' }).first().waitFor({ timeout: 2000 });
      await expect.poll(() => panel.locator('.view').textContent()).not.toContain('order #666');
    },
  );

  it(
    'when the agent has a privacy-portal link sent, then it is mailed to ' +
      'the customer, the panel says where, and the reply box is untouched',
    async () => {
      await helpdesk.fill('#reply', '');
      const messagesBefore = await helpdesk.locator('#messages li').count();
      const arrived = s.mail.next('dana.kowalski@example.org');
      await panel.getByRole('button', { name: 'E-mail the customer a privacy-portal link' }).click();
      await panel.locator('.portal-link [role="status"]', { hasText: 'Sent to d•••@example.org' }).waitFor();
      expect(await panel.locator('.portal-link [role="status"]').textContent()).toMatch(
        /a link that works once, for the next 15 minutes/,
      );
      expect(await helpdesk.inputValue('#reply')).toBe('');
      expect(await helpdesk.locator('#messages li').count()).toBe(messagesBefore);
      expect(await panel.locator('body').textContent()).not.toContain('/portal/l/');
      const [entry] = (await s.api('GET', '/audit?kind=portal.link_created', undefined, s.tokens.lead)).body.entries;
      expect(entry).toMatchObject({
        actor: expect.stringMatching(/^agent:/),
        customerId: 'c_dana',
        payload: { channel: 'panel' },
      });
      const portal = await context.newPage();
      await portal.goto(portalLinkIn(await arrived)!);
      await portal.getByRole('heading', { name: /^Your data at / }).waitFor();
      expect(await portal.locator('.lead').textContent()).toContain('Dana Kowalski');
      await portal.close();
    },
  );

  it(
    'when no ticket is on the page, then manual mode looks the customer up ' + 'by e-mail and offers Copy, not Insert',
    async () => {
      const blank = await context.newPage();
      await blank.goto(`${fixtures.url}/helpdesks/inbox-list.html`);
      const manual = await openPanelFor(blank);
      await manual.locator('#page-state', { hasText: 'No ticket found' }).waitFor();
      await manual.locator('details.manual summary').click();
      await manual.fill('#manual-email', 'chiara.rossi@example.org');
      await manual.click('#manual-form button[type=submit]');
      await manual.locator('.context h2').waitFor();
      expect(
        await manual.locator('.suggestion').first().getByRole('button', { name: 'Insert', exact: true }).isDisabled(),
      ).toBe(true);
      await manual.close();
      await blank.close();
    },
  );
});

describe.each(HELPDESKS)('the %s fixture page with the extension', (id) => {
  it('gets its ticket read and its reply box filled, and nothing sent', async () => {
    const page = await context.newPage();
    await page.goto(`${fixtures.url}/helpdesks/${id}.html`);
    const p = await openPanelFor(page);
    await p.locator('.context h2').waitFor();
    const first = p.locator('.suggestion').first();
    const suggestion = (await first.locator('.suggestion-text').textContent())!.replace(/ ?\[\d+\]/g, '');
    await first.getByRole('button', { name: 'Insert', exact: true }).click();
    await first.locator('.status', { hasText: 'Inserted' }).waitFor();
    const after = await page.evaluate(() => {
      const f = (window as unknown as { __fixture: { editorText(): string; sent: number } }).__fixture;
      return { text: f.editorText(), sent: f.sent };
    });
    expect(after.text.trim()).toBe(suggestion.trim());
    expect(after.sent).toBe(0);
    await p.screenshot({ path: path.join(SHOTS, `extension-panel-${id}.png`), fullPage: true });
    await p.close();
    await page.close();
  });
});

describe('the panel with a model engine', () => {
  it(
    'when the agent opens "What the AI saw", then it shows the masked ' + 'prompt as sent, never the raw name',
    async () => {
      const fake = await startFakeOpenAI(() => ({
        content: JSON.stringify({
          suggestions: [
            { text: 'Hi <PERSON_1>, thanks for writing in. Let me look into this for you.', footnotes: [] },
          ],
        }),
      }));
      const model = await startServer({
        CANDOR_DEMO: 'true',
        OPENAI_API_KEY: 'test-key',
        OPENAI_BASE_URL: fake.url,
        CANDOR_MODEL: 'test-model',
      });
      try {
        await seedDemo(model.store);
        await worker.evaluate(([serverUrl, token]) => chrome.storage.local.set({ serverUrl, token }), [
          model.url,
          model.tokens.agent,
        ] as const);
        const desk = await context.newPage();
        await desk.goto(`${model.url}/demo`);
        await openBlenderTicket(desk);
        const p = await openPanelFor(desk);
        const suggestion = p.locator('.suggestion', { hasText: 'Hi Dana' });
        await suggestion.waitFor();
        expect(await suggestion.textContent()).not.toContain('<PERSON_1>');
        await suggestion.getByRole('button', { name: 'What the AI saw' }).click();
        const saw = suggestion.locator('.ai-saw');
        await saw.waitFor();
        const text = (await saw.textContent())!;
        expect(text).toContain('test-model');
        expect(text).toContain('<PERSON_1>');
        expect(text).not.toContain('Kowalski');
        await p.screenshot({ path: path.join(SHOTS, 'extension-panel-what-the-ai-saw.png'), fullPage: true });
      } finally {
        await model.close();
        await fake.close();
      }
    },
  );
});
