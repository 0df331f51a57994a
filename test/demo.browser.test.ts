/**
 * The /demo helpdesk and its Candor preview in a real browser: the agent connects, opens a ticket,
 * sees permitted facts and no withheld value, inserts a suggestion (nothing is sent), and sees a
 * consent withdrawal arrive by itself.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed.js';
import { launchChromium } from './helpers/browser.js';
import { plantDanaPurchase, startServer, type TestServer } from '../harness/server.js';

/** Written on every run (git-ignored); docs/screenshots/ holds copies for the README. */
const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
let s: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true' });
  await seedDemo(s.store);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const candor = () => page.locator('#candor-view');

describe('the /demo helpdesk in Chromium', () => {
  it(
    'when the agent connects and opens a ticket, then the preview shows ' + 'permitted facts and no withheld value',
    async () => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${new URL(r.url()).pathname}`));
      await page.goto(`${s.url}/demo`);
      expect(page.url()).not.toContain('cnd_');
      await page.fill('#token', s.tokens.agent);
      await page.click('#connect-form button[type=submit]');
      await page.locator('#connection-state[data-state="connected"]').waitFor();
      expect(page.url()).not.toContain('cnd_');

      await page.getByRole('button', { name: /Blender stopped working/ }).click();
      await expect.poll(() => candor().textContent()).toContain('Blender Pro 3000');
      const text = (await candor().textContent())!;
      expect(text).toContain('withheld');
      for (const withheld of ['Harbour Road', 'PL4 7QT', '4821', '7946']) expect(text).not.toContain(withheld);
      expect(await page.locator('[data-candor-ticket-id="T-1001"]').getAttribute('data-requester-email')).toBe(
        'dana.kowalski@example.org',
      );
      expect(errors).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'demo-ticket.png'), fullPage: true });
    },
  );

  it('when the agent presses Insert, then the reply box holds the suggestion and nothing is sent', async () => {
    const messagesBefore = await page.locator('#messages li').count();
    const first = page.locator('.suggestion').first();
    const suggestion = (await first.locator('.suggestion-text').textContent())!;
    await first.getByRole('button', { name: 'Insert' }).click();
    expect(suggestion).toMatch(/\[1\]/);
    expect(await page.inputValue('#reply')).toBe(suggestion.replace(/ ?\[\d+\]/g, ''));
    expect(await page.locator('#messages li').count()).toBe(messagesBefore);
  });

  it('when consent is withdrawn over REST, then the preview drops the fact without a reload and says why', async () => {
    // How fast it arrives is measured by the benchmark (fanout_p99_ms); here: that it arrives, into the same document.
    await page.evaluate(() => ((window as unknown as { __beforeWithdrawal?: boolean }).__beforeWithdrawal = true));
    const res = await s.api(
      'POST',
      '/customers/c_dana/consents/k_dana_orders/withdraw',
      { channel: 'chat' },
      s.tokens.agent,
    );
    expect(res.status).toBe(200);
    await page
      .locator('#candor-notice', { hasText: 'Customer withdrew consent for purchase history' })
      .waitFor({ timeout: 10_000 });
    await expect.poll(() => candor().textContent(), { timeout: 10_000 }).not.toContain('Blender Pro 3000');
    expect(await page.evaluate(() => (window as unknown as { __beforeWithdrawal?: boolean }).__beforeWithdrawal)).toBe(
      true,
    );
    await page.screenshot({ path: path.join(SHOTS, 'demo-after-withdrawal.png'), fullPage: true });
  });

  it('when a customer fact holds markup, then the preview renders it as text', async () => {
    await plantDanaPurchase(s, 'Blender <img src=x onerror="window.__pwned=1"> order #666');
    await expect.poll(() => candor().textContent()).toContain('<img src=x');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await candor().locator('img').count()).toBe(0);
  });
});
