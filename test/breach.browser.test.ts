/**
 * The breach report page (`/admin/breach`) in Debian's Chromium against a real server: agent and lead tokens are
 * refused; the privacy officer names a revoked agent token and a window with the keyboard and reads, in words, the
 * customers it was shown, the deadline and the drafts, with no fact value on the page; a wrong field is named; the
 * page fits 1,280 and 1,024 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.js';
import { danaTicket, seedDana, startServer, type TestServer } from '../harness/server.js';

let s: TestServer;
let browser: Browser;
let page: Page;
let samId = '';
let from = '';

const signIn = async (token: string) => {
  await page.fill('#token', token);
  await page.getByRole('button', { name: 'Sign in' }).click();
};
/** An ISO time as the officer's `datetime-local` field holds it (the browser's time zone, to the minute). */
const localValue = (iso: string) =>
  page.evaluate((t) => {
    const d = new Date(t);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  }, iso);

beforeAll(async () => {
  s = await startServer();
  from = new Date(Date.now() - 3600_000).toISOString();
  await seedDana(s);
  await s.api('PUT', '/customers/c_emil', { displayName: 'Emil R.' });
  await s.api('POST', '/customers/c_emil/facts', {
    facts: [
      {
        id: 'e1',
        category: 'user.behavior.purchase_history',
        text: 'Kettle, order #3301',
        source: 'orders',
        collectedAt: '2026-01-05T10:00:00Z',
      },
    ],
  });
  await s.api('POST', '/customers/c_emil/consents/import', {
    system: 'seed',
    consents: [
      {
        id: 'k1',
        purpose: 'essential',
        categories: ['user'],
        status: 'granted',
        at: '2026-03-01T00:00:00Z',
        source: 'checkout',
      },
    ],
  });
  const sam = (await s.api('POST', '/tokens', { name: 'Sam', role: 'agent' }, s.tokens.lead)).body;
  samId = sam.token.id;
  for (const customerId of ['c_dana', 'c_emil'])
    expect((await s.api('POST', '/assist', { ...danaTicket, customerId }, sam.secret)).status).toBe(200);
  expect((await s.api('POST', '/customers/c_emil/erase', {})).status).toBe(200);
  expect((await s.api('POST', `/tokens/${samId}/revoke`, {}, s.tokens.lead)).status).toBe(200);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the breach report page', () => {
  it('when an agent or a team lead signs in, then the page says it is not for them', async () => {
    await page.goto(`${s.url}/admin/breach`);
    for (const token of [s.tokens.agent, s.tokens.lead]) {
      await signIn(token);
      await page.locator('#sign-in-error', { hasText: 'an agent or team lead token cannot' }).waitFor();
    }
    expect(await page.locator('#workspace').isHidden()).toBe(true);
  });

  it('when a field is wrong, then the page names it and puts the cursor there', async () => {
    await signIn(s.tokens.privacy);
    await page.locator('#who', { hasText: 'Signed in as privacy' }).waitFor();
    await page.fill('#from', await localValue(from));
    await page.getByRole('button', { name: 'Make the report' }).click();
    await page.locator('#ask-error', { hasText: 'Token id:' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tokenId');
  });

  it('when the officer names the revoked token with the keyboard, then the report reads in words', async () => {
    await page.keyboard.type(samId);
    await page.keyboard.press('Enter');
    await page.locator('#report-title:focus').waitFor();
    const summary = await page.locator('#summary').innerText();
    expect(summary).toContain(`Access: agent:${samId} (Sam, revoked`);
    expect(summary).toMatch(/Notify the supervisory authority by .+ \((3 days|2 days and 23 hours) left\)/);
    const rows = await page.locator('#customers tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Dana K. (c_dana)');
    expect(rows[0]).toContain('purchase history: 1 fact, shown 1 time, sent to a model 0 times');
    expect(rows[1]).toContain('Erased customer (c_emil)');
    expect(rows[1]).not.toContain('Emil');
    const notices = page.locator('#notices textarea');
    expect(await notices.count()).toBe(1);
    expect(await notices.first().inputValue()).toContain('Dear Dana K.,');
    expect(await page.getByLabel('To Dana K. (c_dana)').count()).toBe(1);
    const text = await page.locator('body').innerText();
    // Times in words, never the API's ISO strings; no fact's text.
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/);
    for (const v of ['Blender Pro 3000', '12 Harbour Road', 'Kettle']) expect(text).not.toContain(v);
  });

  it('fits 1,280 and 1,024 px without scrolling sideways', async () => {
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      const { scroll, inner } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(scroll, `${width} px`).toBeLessThanOrEqual(inner);
    }
  });
});
