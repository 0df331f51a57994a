/**
 * The help-centre articles page (`/admin/articles`) in Debian's Chromium against a real server with the demo
 * articles: per article, how often suggestions cited it and what agents did with them, in words (titles, not ids;
 * public, internal or retired; versions as dates in the one format, each with its own figures); it fits 1,280 and 1,024 px without scrolling
 * sideways, and its table is reached from the keyboard.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../server/config.js';
import { startServer, type TestServer } from '../harness/server.js';
import { launchChromium } from './helpers/browser.js';
import { signInAsLead } from './helpers/admin.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
const META = { actor: 'test', channel: 'test' };
let s: TestServer;
let browser: Browser;
let page: Page;

async function seed() {
  await s.store.customers.upsert({ id: 'c-1', displayName: 'Ada Lovelace' }, META);
  await s.store.articles.recordUses([
    { articleId: 'returns-policy', updated: '2026-10-01', suggestionId: 's1' },
    { articleId: 'returns-policy', updated: '2026-12-01', suggestionId: 's2' },
    { articleId: 'refund-exceptions', updated: '2026-09-15', suggestionId: 's3' },
    { articleId: 'warranty', updated: '2026-10-01', suggestionId: 's4' },
  ]);
  const outcome = (suggestionId: string, action: 'inserted' | 'edited' | 'copied' | 'dismissed') =>
    s.store.outcomes.record({
      actor: 'agent:tok_a',
      ticketId: 'T-1',
      customerId: 'c-1',
      suggestionId,
      template: { id: 'offline.article', version: 1 },
      engine: 'offline',
      action,
      edit: action === 'edited' ? { text: 'x', distance: 1 } : null,
      rating: null,
      reason: null,
    });
  await outcome('s1', 'inserted');
  await outcome('s2', 'edited');
  await outcome('s2', 'copied');
  await outcome('s4', 'dismissed');
  await s.store.articles.retire(['warranty'], META);
}

beforeAll(async () => {
  s = await startServer({ CANDOR_ARTICLES_DIR: path.join(ROOT, 'articles') }, { smtp: false });
  await seed();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  await signInAsLead(page, `${s.url}/admin/articles`, s.tokens, 'an agent token cannot open it');
  await page.locator('#articles tbody tr').first().waitFor();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const rows = () =>
  page
    .locator('#articles tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));

describe('the help-centre articles page', () => {
  it('when a lead opens it, then each cited article reads in words, most cited first', async () => {
    expect(await page.locator('nav.pages a[aria-current="page"]').textContent()).toBe('Help-centre articles');
    expect(await page.locator('#status-line').textContent()).toBe('3 articles cited, 4 times in all.');
    expect(await rows()).toEqual([
      ['Returning an item', 'Public', '2 times', '1 October 2026, 1 December 2026', '1', '1', '1', '0'],
      // Cited at two versions: a line for each, with what agents did with each wording.
      ['Version of 1 October 2026', '', '1 time', '', '1', '0', '0', '0'],
      ['Version of 1 December 2026', '', '1 time', '', '0', '1', '1', '0'],
      [
        'Refund exceptions after the returns window (agents only)',
        'Internal: agents only',
        '1 time',
        '15 September 2026',
        '0',
        '0',
        '0',
        '0',
      ],
      ['A retired article (warranty)', 'Retired from the help centre', '1 time', '1 October 2026', '0', '0', '0', '1'],
    ]);
    expect((await page.locator('#workspace').textContent())!.match(/\d{4}-\d{2}-\d{2}|returns-policy|tok_/)).toBeNull();
  });

  it('when the window is 1,280 or 1,024 px wide, then nothing scrolls sideways', async () => {
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      const { scroll, inner } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(scroll, `at ${width} px`).toBeLessThanOrEqual(inner);
      await page.screenshot({ path: path.join(SHOTS, `articles-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('when a lead moves with the keyboard, then the table is a named region it reaches after the page links', async () => {
    await page.locator('body').focus();
    const seen: (string | null)[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby') ?? null);
      seen.push(where);
      if (where === 'articles-caption') break;
    }
    expect(seen.at(-1)).toBe('articles-caption');
    expect(await page.getByRole('region', { name: 'Articles cited by suggestions' }).count()).toBe(1);
  });
});
