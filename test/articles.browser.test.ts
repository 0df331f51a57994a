/**
 * Help-centre articles in the /demo desk's Candor panel, in Chromium at 1,280 and 1,024 px: Dana asks how to send the
 * stand mixer back, the panel lists the articles found (the returns guide public with its link, the refund exceptions
 * marked internal), a suggestion quotes the returns guide and says so; editing the guide while the ticket is open
 * updates the panel by itself. Everything is reachable by keyboard.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed.js';
import { demoPanel, launchChromium } from './helpers/browser.js';
import { startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
let s: TestServer;
let browser: Browser;

beforeAll(async () => {
  s = await startServer({
    CANDOR_DEMO: 'true',
    CANDOR_ARTICLES_DIR: path.resolve(import.meta.dirname, '../articles'),
    CANDOR_HELP_CENTRE_URL: 'https://help.example.org/articles',
  });
  await seedDemo(s.store);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function openMixerTicket(width: number): Promise<{ page: Page; panel: Frame }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const panel = await demoPanel(page, s.url, s.tokens.agent);
  await page.getByRole('button', { name: /Sending the stand mixer back/ }).click();
  await page.locator('article#ticket[data-candor-ticket-id="T-1007"]').waitFor();
  await panel.locator('.article[data-article-id="returns-policy"]').waitFor();
  return { page, panel };
}

describe('help-centre articles in the panel', () => {
  for (const width of [1280, 1024]) {
    it(`at ${width} px, when a customer asks how to return an item, then the panel lists the articles and a suggestion cites the returns guide`, async () => {
      const { page, panel } = await openMixerTicket(width);
      const returns = panel.locator('.article[data-article-id="returns-policy"]');
      await expect.poll(() => returns.textContent()).toContain('Returning an item');
      // The one date format, in the browser's locale (en-US here).
      expect(await returns.textContent()).toMatch(/Updated (1 October|October 1,) 2026/);
      expect(await returns.textContent()).toContain('Public');
      expect(await returns.getByRole('link', { name: 'Returning an item' }).getAttribute('href')).toBe(
        'https://help.example.org/articles/returns-policy',
      );
      const internal = panel.locator('.article[data-article-id="refund-exceptions"]');
      if (await internal.count()) {
        expect(await internal.textContent()).toContain('Internal: for you only, never quote it');
        expect(await internal.locator('a').count()).toBe(0);
      }
      expect(await returns.locator('.cited-by').textContent()).toBe('Cited by suggestion 1');
      const first = panel.locator('.suggestion').first();
      expect(await first.textContent()).toContain('within 45 days of delivery');
      expect(await first.locator('.cites').textContent()).toMatch(
        /^Cites the help-centre article “Returning an item” \(updated (1 October|October 1,) 2026\)$/,
      );
      expect(await panel.locator('.suggestion').allTextContents()).not.toContainEqual(
        expect.stringMatching(/goodwill|team lead may approve/i),
      );
      expect(await panel.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, `articles-panel-${width}.png`) });

      // By keyboard: Tab from the panel's start reaches the article's link.
      await panel.locator('body').focus();
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await panel.evaluate(() => document.activeElement?.textContent === 'Returning an item');
      }
      expect(reached).toBe(true);
      await page.close();
    });
  }

  it('when the returns guide is edited while the ticket is open, then the panel shows the new version by itself', async () => {
    const { page, panel } = await openMixerTicket(1280);
    const res = await s.api(
      'PUT',
      '/articles/returns-policy',
      {
        title: 'Returning an item',
        visibility: 'public',
        updated: '2026-12-01',
        locale: 'en',
        tags: ['returns', 'refunds'],
        // The guide as it is, with the window changed: a new version of the same article, not another article.
        body: readFileSync(path.resolve(import.meta.dirname, '../articles/returns-policy.md'), 'utf8')
          .split('---\n')[2]!
          .replace('within 45 days', 'within 60 days'),
      },
      s.tokens.lead,
    );
    expect(res.status).toBe(200);
    const returns = panel.locator('.article[data-article-id="returns-policy"]');
    await expect.poll(() => returns.textContent(), { timeout: 5000 }).toMatch(/Updated (1 December|December 1,) 2026/);
    await expect.poll(() => panel.locator('.suggestion').first().textContent()).toContain('within 60 days');
    expect(await panel.locator('.notice').last().textContent()).toContain('updated “Returning an item”');
    await page.close();
  });
});
