/**
 * The privacy portal in the reader's language, in Debian's Chromium against a real server: a browser asking for
 * German, French, Spanish or Dutch gets every page in it (`<html lang>` set), at a phone's 390 px with nothing
 * wider than the screen, and no English message of the catalogue left in what the page shows. The customer's own
 * data (the facts, the category names of the taxonomy) stays as it was recorded.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../server/i18n/catalogue.js';
import { launchChromium } from './helpers/browser.js';
import { seedDana, startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.join(path.resolve(import.meta.dirname, '..'), 'test-results/screenshots');

/** What an English message shows between its placeholders, where long enough to be a phrase of its own. */
const ENGLISH = Object.values(CATALOGUE.en)
  .flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)))
  .flatMap((text) => text.split(/\{\w+\}/))
  .map((s) => s.trim())
  .filter((s) => s.length >= 12);

let s: TestServer;
let browser: Browser;

beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

/** A page as the reader sees it: its language, its visible text, whether anything is wider than the screen. */
async function read(page: import('playwright-core').Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    text: document.body.innerText,
    fits: document.documentElement.scrollWidth <= innerWidth,
  }));
}

const englishIn = (text: string) => ENGLISH.filter((phrase) => text.includes(phrase));

describe('the privacy portal in five languages', () => {
  it('has English phrases to look for', () => {
    expect(ENGLISH.length).toBeGreaterThan(100);
    expect(englishIn('Each link opens your privacy page once.')).not.toEqual([]);
  });

  it.each(['de', 'fr', 'es', 'nl'] as const)(
    'when the browser asks for %s, then the start, signed-in and erase pages are in it and fit 390 px',
    async (lang) => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        extraHTTPHeaders: { 'Accept-Language': `${lang}-XX,${lang};q=0.9,en;q=0.5` },
      });
      const page = await context.newPage();
      try {
        for (const url of [
          `${s.url}/portal/start`,
          await s.portalLink('c_dana', 'dana@example.org'),
          `${s.url}/portal/erase`,
        ]) {
          await page.goto(url);
          const shown = await read(page);
          expect({ url, lang: shown.lang, english: englishIn(shown.text), fits: shown.fits }).toEqual({
            url,
            lang,
            english: [],
            fits: true,
          });
          if (new URL(page.url()).pathname === '/portal') {
            expect(shown.text).toContain(CATALOGUE[lang]['consents.title']);
            if (lang === 'de') await page.screenshot({ path: path.join(SHOTS, 'portal-de-390.png'), fullPage: true });
          }
        }
      } finally {
        await context.close();
      }
    },
    60_000,
  );

  it('when the browser asks for a language without words, then the page is English', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'ja' } });
    const page = await context.newPage();
    await page.goto(`${s.url}/portal/start`);
    const shown = await read(page);
    expect(shown.lang).toBe('en');
    expect(shown.text).toContain(CATALOGUE.en['start.heading']);
    await context.close();
  });
});
