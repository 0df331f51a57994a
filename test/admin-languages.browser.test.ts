/**
 * The team lead's pages in the reader's language, in Debian's Chromium against a real server: a browser asking for
 * German, French, Spanish or Dutch gets the sign-in, the nav and every converted page (the template editor, audit
 * log, insights, help-centre articles, helpdesk adapters, reply coach, taught adapters, breach report, privacy requests
 * with a customer's flagged fact) in it
 * (`<html lang>` set), at 1280 and 1024 px with nothing wider than the window, and no English phrase of the pages'
 * messages left in what the page shows. Data stays as it was recorded (template text, session titles, ids, taxonomy
 * names).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, type Message } from '../server/i18n/catalogue.js';
import { wordsFor } from '../server/i18n/translate.js';
import { launchChromium } from './helpers/browser.js';
import { flagInPortal } from './helpers/portal.js';
import { danaTicket, seedDana, startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.join(path.resolve(import.meta.dirname, '..'), 'test-results/screenshots');
const LANGS = ['de', 'fr', 'es', 'nl'] as const;

/** What the pages' English messages show between their placeholders, where long enough to be a phrase of its own. */
const ENGLISH = Object.entries(CATALOGUE.en as Record<string, Message>)
  .filter(([key]) => key.startsWith('admin.'))
  .flatMap(([, m]) => (typeof m === 'string' ? [m] : Object.values(m)))
  .flatMap((text) => text.split(/\{\w+\}/))
  .map((s) => s.trim())
  .filter((s) => s.length >= 12);
const englishIn = (text: string) => ENGLISH.filter((phrase) => text.includes(phrase));

/** Each converted page, and what shows that its script has run: it has written its words by then. */
const PAGES = [
  { name: 'prompts', ready: '#template-title:not(:empty)' },
  { name: 'audit', ready: '#entries tbody tr[data-kind]' },
  { name: 'insights', ready: '[data-table]' },
  { name: 'articles', ready: '#workspace:not([hidden])' },
  { name: 'adapters', ready: '#verdict.passed' },
  { name: 'coach', ready: '#workspace:not([hidden])' },
  { name: 'taught', ready: '#status:not(:empty)' },
  { name: 'requests', ready: '#requests tbody tr[data-request]' },
] as const;

let s: TestServer;
let browser: Browser;
let agentTokenId: string;

beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
  // An agent opens Dana's ticket: the audit log has views and suggestions, the template editor outcomes to count.
  expect((await s.api('POST', '/assist', danaTicket, s.tokens.agent)).status).toBe(200);
  agentTokenId = (await s.api('GET', '/me', undefined, s.tokens.agent)).body.tokenId;
  // Dana flags a fact in the portal: the requests page has an open correction request, with a fact for an admin.
  await flagInPortal(s, { id: 'c_dana', email: 'dana@example.org' }, 'f1');
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

/** Where a page shows data as it was written, not its own words: the template's source, the sessions' titles. */
const DATA = '.cm-editor, #session';

/** A page as the reader sees it: its language, its own visible text, whether anything is wider than the window. */
const read = (page: Page) =>
  page.evaluate((data) => {
    let text = document.body.innerText;
    for (const e of document.querySelectorAll<HTMLElement>(data)) text = text.replace(e.innerText, '');
    return {
      lang: document.documentElement.lang,
      title: document.title,
      text,
      fits: document.documentElement.scrollWidth <= innerWidth,
    };
  }, DATA);

async function signIn(page: Page, name: string, token: string) {
  await page.goto(`${s.url}/admin/${name}`);
  await page.locator('#sign-in:not([hidden])').waitFor();
  await page.fill('#token', token);
  await page.locator('#sign-in button[type="submit"]').click();
}

describe('the lead pages in five languages', () => {
  it('has English phrases of the lead pages to look for', () => {
    expect(ENGLISH.length).toBeGreaterThan(150);
    expect(englishIn('Signed in as lead (tok_1). Verify chain')).toEqual(['Signed in as', 'Verify chain']);
  });

  it.each(LANGS)(
    'when the browser asks for %s, then sign-in and every converted page are in it at 1280 and 1024 px',
    async (lang) => {
      const { t } = wordsFor(lang);
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        extraHTTPHeaders: { 'Accept-Language': `${lang}-XX,${lang};q=0.9,en;q=0.5` },
      });
      const page = await context.newPage();
      try {
        // An agent's token is refused in the reader's words, before any page lets anyone in.
        await signIn(page, 'prompts', s.tokens.agent);
        await page.locator('#sign-in-error', { hasText: t('admin.prompts.refused') }).waitFor();
        const form = await read(page);
        expect({ lang: form.lang, english: englishIn(form.text) }).toEqual({ lang, english: [] });
        expect(form.text).toContain(t('admin.signIn.title'));

        await page.fill('#token', s.tokens.lead);
        await page.locator('#sign-in button[type="submit"]').click();
        await page.locator('#who', { hasText: t('admin.role.lead') }).waitFor();
        for (const { name, ready } of PAGES) {
          // The tab keeps its token: every page after the first opens signed in.
          if (name !== 'prompts') await page.goto(`${s.url}/admin/${name}`);
          await page.locator(ready).first().waitFor();
          await page.waitForFunction((loading) => !document.body.innerText.includes(loading), t('admin.loading'));
          if (name === 'audit') {
            await page.locator('#verify').click();
            await page.locator('#verify-result.passed').waitFor();
          }
          for (const width of [1280, 1024]) {
            await page.setViewportSize({ width, height: 900 });
            const shown = await read(page);
            expect({ name, width, lang: shown.lang, english: englishIn(shown.text), fits: shown.fits }).toEqual({
              name,
              width,
              lang,
              english: [],
              fits: true,
            });
            expect(shown.title).toBe(`Candor · ${t(`admin.nav.${name}`)}`);
            // A key the page's script named but the catalogue lacks would show as the key itself.
            expect(shown.text).not.toMatch(/\badmin\.[a-z]+\.[a-z]/i);
          }
          await page.setViewportSize({ width: 1280, height: 900 });
          if (lang === 'de') await page.screenshot({ path: path.join(SHOTS, `admin-${name}-de.png`), fullPage: true });
        }
        // Kinds are shown in words; the key stays the row's data.
        await page.goto(`${s.url}/admin/audit?kind=context.viewed`);
        await page.locator('#entries tbody tr[data-kind="context.viewed"]').first().waitFor();
        expect(await page.locator('#entries tbody td:nth-child(3)').first().textContent()).toBe(
          t('admin.kind.context.viewed'),
        );

        // The breach report is the privacy officer's: a lead is refused in the reader's words, the officer gets it.
        await page.goto(`${s.url}/admin/breach`);
        await page.locator('#sign-in-error', { hasText: t('admin.breach.refused') }).waitFor();
        await page.fill('#token', s.tokens.privacy);
        await page.locator('#sign-in button[type="submit"]').click();
        await page.locator('#workspace:not([hidden])').waitFor();
        await page.fill('#tokenId', agentTokenId);
        await page.fill(
          '#from',
          await page.evaluate(() => {
            const d = new Date(Date.now() - 3_600_000);
            return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
          }),
        );
        await page.locator('#ask button[type="submit"]').click();
        await page.locator('#customers tbody tr').first().waitFor();
        for (const width of [1280, 1024]) {
          await page.setViewportSize({ width, height: 900 });
          const shown = await read(page);
          expect({ width, lang: shown.lang, english: englishIn(shown.text), fits: shown.fits }).toEqual({
            width,
            lang,
            english: [],
            fits: true,
          });
          expect(shown.text).toContain(t('time.left', { time: t('time.days', { n: 3 }) }));
        }
        await page.setViewportSize({ width: 1280, height: 900 });

        // The flagged fact is the admin's: an admin reads it, and the forms to resolve it, in the reader's words.
        await page.goto(`${s.url}/admin/requests`);
        await page.locator('#who button').click();
        await page.fill('#token', s.tokens.admin);
        await page.locator('#sign-in button[type="submit"]').click();
        await page.locator('li.flag[data-state="open"]').waitFor();
        for (const summary of await page.locator('li.flag summary').all()) await summary.click();
        for (const width of [1280, 1024]) {
          await page.setViewportSize({ width, height: 900 });
          const shown = await read(page);
          expect({ width, english: englishIn(shown.text), fits: shown.fits }).toEqual({
            width,
            english: [],
            fits: true,
          });
          expect(shown.text).not.toMatch(/\badmin\.[a-z]+\.[a-z]/i);
          expect(shown.text).toContain(t('admin.flags.list', { n: 1 }));
          expect(shown.text).toContain(t('admin.requests.kind.rectification'));
        }
        if (lang === 'de')
          await page.screenshot({ path: path.join(SHOTS, 'admin-requests-flags-de.png'), fullPage: true });
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it('when the browser asks for a language without words, then the pages are English', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'ja' } });
    const page = await context.newPage();
    try {
      await signIn(page, 'audit', s.tokens.lead);
      await page.locator('#entries tbody tr[data-kind]').first().waitFor();
      const shown = await read(page);
      expect(shown.lang).toBe('en');
      expect(shown.text).toContain(CATALOGUE.en['admin.audit.verify']);
      expect(shown.text).toContain(CATALOGUE.en['admin.kind.context.viewed']);
    } finally {
      await context.close();
    }
  });
});
