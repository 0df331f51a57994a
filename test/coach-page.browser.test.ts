/**
 * The reply coach's page (`/admin/coach`) in Debian's Chromium against a real server, with checks made from agents in
 * two teams (test/helpers/coach-teams.ts; k is 2): Billing's figures in words per kind of flag, Returns' one agent
 * hidden as "fewer than 2", no agent's name or token id anywhere, dates in words; it fits 1,280 and 1,024 px without
 * scrolling sideways, and the period is chosen and shown from the keyboard alone.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../harness/server.js';
import { launchChromium } from './helpers/browser.js';
import { signInAsLead } from './helpers/admin.js';
import { seedTeams } from './helpers/coach-teams.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
let s: TestServer;
let browser: Browser;
let page: Page;
let agents: Awaited<ReturnType<typeof seedTeams>>;

beforeAll(async () => {
  s = await startServer({ CANDOR_INSIGHTS_MIN_CELL: '2' }, { smtp: false });
  agents = await seedTeams(s);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInAsLead(page, `${s.url}/admin/coach`, s.tokens, 'an agent token cannot open the reply coach');
  await page.locator('[data-team="Billing"] table').waitFor();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const rows = (team: string) =>
  page
    .locator(`[data-team="${team}"] tbody tr`)
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));

describe('the reply coach page', () => {
  it('when a lead opens it, then each team reads per kind of flag in words, a lone agent as "fewer than 2"', async () => {
    expect(await page.locator('nav.pages a[aria-current="page"]').textContent()).toBe('Reply coach');
    expect(await page.locator('[data-team="Billing"] caption').textContent()).toBe('Billing · reply checks run: 2');
    expect(await rows('Billing')).toEqual([
      ['Uses customer data without saying where it came from', '2', '2', '0'],
      ['Holds data the customer has not allowed', '2', '0', '0'],
      ['Holds a full card or ID number', '2', '0', '0'],
      ['All kinds', '6', '2', '0'],
    ]);
    expect(await page.locator('[data-team="Returns"] caption').textContent()).toBe(
      'Returns · reply checks run: fewer than 2',
    );
    expect(await rows('Returns')).toEqual([
      ['Uses customer data without saying where it came from', 'fewer than 2', '0', '0'],
      ['Holds data the customer has not allowed', 'fewer than 2', '0', 'fewer than 2'],
      ['Holds a full card or ID number', 'fewer than 2', '0', '0'],
      ['All kinds', 'fewer than 2', '0', 'fewer than 2'],
    ]);
    const text = (await page.locator('body').textContent())!;
    for (const a of agents) {
      expect(text).not.toContain(a.name);
      expect(text).not.toContain(a.id);
    }
    expect(text).not.toMatch(/undisclosed_fact|withheld_value|raw_identifier/);
    const status = (await page.locator('#status').textContent())!;
    expect(status).toMatch(new RegExp(`^.+ ${new Date().getUTCFullYear()} to .+ \\(days in UTC\\)`));
    expect(status).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('when the window is 1,280 or 1,024 px wide, then nothing scrolls sideways', async () => {
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      const { scroll, inner } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(scroll, `at ${width} px`).toBeLessThanOrEqual(inner);
      await page.screenshot({ path: path.join(SHOTS, `coach-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('when the period is chosen with the keyboard, then the page shows it', async () => {
    const before = await page.locator('#status').textContent();
    await page.locator('body').focus();
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'period'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('period');
    await page.keyboard.press('ArrowDown'); // 30 days -> 90 days
    expect(await page.locator('#period').inputValue()).toBe('90d');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show');
    await page.keyboard.press('Enter');
    // The status reads "Loading" first and the tables are replaced after it: wait for the new period's own words.
    await expect
      .poll(async () => {
        const now = (await page.locator('#status').textContent())!;
        return now !== before && now.includes('(days in UTC)');
      })
      .toBe(true);
    expect(await rows('Billing')).toHaveLength(4);
    // Each team's table is a named, focusable region: the keyboard reaches it, a screen reader names it.
    const next = async () => {
      await page.keyboard.press('Tab');
      return page.evaluate(() => document.activeElement?.getAttribute('data-team'));
    };
    expect([await next(), await next()]).toEqual(['Billing', 'Returns']);
  });
});
