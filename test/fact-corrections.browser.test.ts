/**
 * Resolving flagged facts on /admin/requests, in Debian's Chromium against a real server: the correction request
 * names its customer and lists the facts the customer flagged (category in words, the fact now, the customer's note as
 * text); an admin corrects one by keyboard alone at 1,280 px and removes the other at 1,024 px, and the request then
 * shows fulfilled. Neither width scrolls sideways. A lead sees the register but is told only an admin resolves flags.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.js';
import { flagInPortal } from './helpers/portal.js';
import { seedDana, startServer, type TestServer } from '../harness/server.js';

let s: TestServer;
let browser: Browser;
const DANA = { id: 'c_dana', email: 'dana@example.org' };
const MARKUP = '<img src=x onerror=alert(1)> not my order';

beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
  await flagInPortal(s, DANA, 'f1', { wrong: MARKUP, shouldSay: 'Order #1043' });
  await flagInPortal(s, DANA, 'f2');
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function signedIn(width: number, token: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(`${s.url}/admin/requests`);
  await page.fill('#token', token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#requests tbody tr').first().waitFor();
  return page;
}

/** Presses Tab until `target` has the focus; false when 80 presses do not reach it. */
async function tabTo(page: Page, target: Locator): Promise<boolean> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((t) => t === document.activeElement)) return true;
  }
  return false;
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll<HTMLElement>('.scroll')].every(
      (e) => e.scrollWidth <= e.clientWidth,
    ),
  );

describe('flagged facts on /admin/requests, in Chromium', () => {
  it('when an admin corrects a fact by keyboard at 1,280 px, then its row says so and the fact reads anew', async () => {
    const page = await signedIn(1280, s.tokens.admin);
    const request = page.locator('#requests tbody tr[data-status="open"]', { hasText: 'Correction' });
    expect(await request.innerText()).toContain('Dana K.');
    expect(await request.innerText()).not.toContain('c_dana');
    const first = page.locator('li.flag[data-state="open"]').first();
    expect(await first.innerText()).toContain('purchase history: Blender Pro 3000, order #1042');
    expect(await first.innerText()).toContain(`What is wrong, in the customer's words: ${MARKUP}`);
    expect(await page.locator('li.flag img').count()).toBe(0);
    expect(await noSidewaysScroll(page)).toBe(true);

    await page.locator('body').focus();
    expect(await tabTo(page, first.locator('summary', { hasText: 'Correct…' }))).toBe(true);
    await page.keyboard.press('Enter');
    const text = first.locator('textarea');
    expect(await tabTo(page, text)).toBe(true);
    expect(await text.inputValue()).toBe('Blender Pro 3000, order #1042, delivered 14 Nov 2026');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Blender Pro 3000, order #1043, delivered 14 Nov 2026');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await page.locator('li.flag[data-state="corrected"]', { hasText: 'order #1043' }).waitFor();
    expect(await page.locator('li.flag[data-state="corrected"] .resolution').innerText()).toMatch(/^Corrected on /);
    expect(await noSidewaysScroll(page)).toBe(true);
    const facts = (await s.api('GET', '/customers/c_dana/facts')).body.facts as { id: string; text: string }[];
    expect(facts.find((f) => f.id === 'f1')?.text).toBe('Blender Pro 3000, order #1043, delivered 14 Nov 2026');
    await page.close();
  }, 30_000);

  it('when an admin removes the last flagged fact at 1,024 px, then the request shows fulfilled', async () => {
    const page = await signedIn(1024, s.tokens.admin);
    expect(await noSidewaysScroll(page)).toBe(true);
    const open = page.locator('li.flag[data-state="open"]');
    expect(await open.count()).toBe(1);
    await page.locator('body').focus();
    expect(await tabTo(page, open.locator('summary', { hasText: 'Remove…' }))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await tabTo(page, open.getByRole('button', { name: 'Remove the fact' }))).toBe(true);
    await page.keyboard.press('Enter');

    const done = page.locator('#requests tbody tr[data-status="fulfilled"]', { hasText: 'Correction' });
    await done.waitFor();
    expect(await done.innerText()).toContain('An admin corrected 1 fact and removed 1 fact the customer flagged');
    expect(await page.locator('li.flag[data-state="removed"]').innerText()).toContain('This fact was erased.');
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.close();
  }, 30_000);

  it('when a lead opens the page, then the register shows and says only an admin resolves flagged facts', async () => {
    const page = await signedIn(1280, s.tokens.lead);
    await page.getByText('Only an admin may see and resolve the facts the customer flagged').waitFor();
    expect(await page.locator('li.flag').count()).toBe(0);
    await page.close();
  }, 30_000);
});
