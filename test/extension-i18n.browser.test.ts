/**
 * The extension in the agent's language: the built extension in Chromium run in German (`--lang=de`, LANGUAGE=de),
 * its panel beside the /demo helpdesk and its options at 1280 and 1024 px, showing none of the English catalogue's
 * words and scrolling no element sideways; and the /demo page's own panel frame, which has no chrome.i18n, in
 * French, Spanish and Dutch from the bundled catalogues.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../scripts/build.mjs';
import { seedDemo } from '../server/demo/seed.js';
import { CATALOGUES, messageIn } from '../extension/shared/i18n.js';
import { launchChromium, launchWithExtension, openBlenderTicket } from './helpers/browser.js';
import { startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
const WIDTHS = [1280, 1024] as const;

let s: TestServer;
let out: string;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;

/**
 * The English words a German page must not show: every English message German words differently, as the
 * stretches between its placeholders (those of 8 characters or more, so a shared word such as "Ticket" is no
 * match); short ones (Copy, Insert) as whole button labels.
 */
function englishWords() {
  const phrases: string[] = [];
  const labels: string[] = [];
  for (const [key, entry] of Object.entries(CATALOGUES.en)) {
    if (CATALOGUES.de[key]?.message === entry.message) continue;
    for (const part of entry.message.split(/\$[A-Z_]+\$/).map((p) => p.trim()))
      (part.length >= 8 ? phrases : labels).push(part);
  }
  return { phrases, labels: labels.filter(Boolean) };
}

/**
 * What the server writes, in the ticket's language or the help centre's, not the panel's: an English ticket's
 * suggestions and footnotes, its facts, an article's title and passage.
 */
const SERVER_WORDS = '.suggestion-text, .footnotes li, .fact-text, .why, .note, .article a, .article strong, .excerpt';

/**
 * What a person sees or hears on the page: its rendered text (less the server's words, when `skip` names them), and
 * the labels, titles and placeholders shown.
 */
const seen = (page: Page | Frame, skip?: string) =>
  page.evaluate((skip) => {
    const shown = [...document.querySelectorAll<HTMLElement>('body *')].filter((e) => e.checkVisibility());
    const attrs = shown.flatMap((e) => ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''));
    const buttons = shown.filter((e) => e.localName === 'button').map((e) => e.textContent!.trim());
    let text = document.body.innerText;
    for (const e of skip ? document.querySelectorAll<HTMLElement>(skip) : []) text = text.replace(e.innerText, '');
    return { text: [text, ...attrs].join('\n'), buttons };
  }, skip);

/** Elements whose content runs past their box sideways (text cut off or spilling), and whether the page scrolls. */
const overflow = (page: Page) =>
  page.evaluate(() => ({
    page: document.documentElement.scrollWidth > innerWidth,
    elements: [...document.querySelectorAll<HTMLElement>('body *')]
      // a 1-px box is a visually hidden label, there for screen readers only
      .filter((e) => e.checkVisibility() && e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1)
      .filter((e) => getComputedStyle(e).overflowX !== 'auto')
      .map((e) => `${e.localName}#${e.id}.${e.className}: ${e.textContent?.slice(0, 60)}`),
  }));

async function expectGerman(page: Page, skip?: string) {
  const { phrases, labels } = englishWords();
  const { text, buttons } = await seen(page, skip);
  for (const phrase of phrases) expect(text, phrase).not.toContain(phrase);
  for (const label of buttons) expect(labels, label).not.toContain(label);
}

beforeAll(async () => {
  s = await startServer({
    CANDOR_DEMO: 'true',
    CANDOR_ARTICLES_DIR: path.resolve(import.meta.dirname, '../articles'),
    CANDOR_HELP_CENTRE_URL: 'https://help.example.org/articles',
  });
  await seedDemo(s.store);
  out = await buildExtension(mkdtempSync(path.join(tmpdir(), 'candor-ext-')));
  ({ context, worker, extensionId } = await launchWithExtension(out, [], 'de'));
  await worker.evaluate(([serverUrl, token]) => chrome.storage.local.set({ serverUrl, token }), [
    s.url,
    s.tokens.agent,
  ] as const);
});

afterAll(async () => {
  await context?.close();
  await s?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the extension in a German browser', () => {
  it('Chrome reads the manifest and the panel from the German catalogue', async () => {
    // Without its own German resources Chromium starts in en-US, and only answers German once Playwright's locale
    // emulation lands, a moment later: a test that passes or fails by timing.
    expect(
      existsSync('/usr/lib/chromium/locales/de.pak'),
      "Chromium's German resources: apt-get install chromium-l10n",
    ).toBe(true);
    expect(await worker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^de/);
    expect(await worker.evaluate(() => chrome.runtime.getManifest().description)).toBe(
      messageIn('de', 'ext_description'),
    );
  });

  it.each(WIDTHS)(
    'at %i px the panel beside a /demo ticket shows no English word of its own, and nothing overflows',
    async (width) => {
      const desk = await context.newPage();
      await desk.goto(`${s.url}/demo`);
      await openBlenderTicket(desk);
      const tabId = await worker.evaluate(
        async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
        desk.url(),
      );
      const panel = await context.newPage();
      await panel.setViewportSize({ width, height: 900 });
      await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tabId}`);
      await panel.locator('#connection[data-state="connected"]').waitFor();
      await panel.locator('.suggestion').first().waitFor();

      expect(await panel.locator('html').getAttribute('lang')).toBe('de');
      expect(await panel.locator('#connection').textContent()).toBe(messageIn('de', 'conn_connected', s.url));
      expect(await panel.locator('#suggestions-title').textContent()).toBe('Antwortvorschläge');
      expect(await panel.locator('.manual summary').textContent()).toBe('Manueller Modus');
      expect(await panel.locator('.ticket-language').textContent()).toBe('Ticket auf Englisch');
      expect(await panel.locator('.withheld summary').textContent()).toMatch(
        /^\d+ Fakten zurückgehalten: .*keine Einw/,
      );
      await panel.locator('.suggestion button.primary').first().waitFor();
      expect(await panel.locator('.suggestion button.primary').first().textContent()).toBe('Einfügen');
      await expectGerman(panel);
      expect(await overflow(panel)).toEqual({ page: false, elements: [] });
      await panel.screenshot({ path: path.join(SHOTS, `extension-panel-de-${width}.png`), fullPage: true });
      await panel.close();
      await desk.close();
    },
  );

  it('the privacy-requests card, an article citation, Check my reply, the shortcuts and Teach are German', async () => {
    const desk = await context.newPage();
    await desk.goto(`${s.url}/demo`);
    await desk.getByRole('button', { name: /Löschung meiner Daten/ }).click();
    await desk.locator('article#ticket[data-candor-ticket-id="T-1008"]').waitFor();
    const tabId = await worker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
      desk.url(),
    );
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 1024, height: 900 });
    await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tabId}`);
    const card = panel.locator('section.requests');
    await card.locator('li.request[data-kind="erasure"]').waitFor();
    expect(await card.locator('h2').textContent()).toBe('Datenschutzanfrage');
    expect(await card.locator('.request-asked').textContent()).toBe('Hat die Löschung seiner Daten verlangt');
    // Dates in German, in the panel's time zone (18 November 2026, due a month later).
    expect(await card.locator('.request-dates').textContent()).toMatch(
      /^Eingegangen am 1[89]\. November 2026 · fällig am 1[89]\. Dezember 2026$/,
    );
    expect(await card.getByRole('button').textContent()).toBe('Portal-Link senden');
    await panel.locator('details.shortcuts summary').click();
    await panel.locator('details.teach summary').click();
    await panel.locator('#teach').getByRole('button', { name: 'Beibringen starten' }).waitFor();
    expect(await panel.locator('.shortcut-list').innerText()).toContain('Vorschlag 1 … 9 einfügen');
    await panel.locator('#coach').getByRole('button', { name: 'Meine Antwort prüfen' }).waitFor();
    await expectGerman(panel);
    await panel.screenshot({ path: path.join(SHOTS, 'extension-panel-de-request.png'), fullPage: true });

    await desk.getByRole('button', { name: /Sending the stand mixer back/ }).click();
    await desk.locator('article#ticket[data-candor-ticket-id="T-1007"]').waitFor();
    const returns = panel.locator('.article[data-article-id="returns-policy"]');
    await returns.locator('.cited-by').waitFor();
    expect(await panel.locator('#articles-title').textContent()).toBe('Hilfe-Center-Artikel');
    expect(await returns.locator('.cited-by').textContent()).toBe('Zitiert von Vorschlag 1');
    expect(await returns.textContent()).toContain('Aktualisiert am 1. Oktober 2026');
    expect(await panel.locator('.suggestion .cites').first().textContent()).toMatch(
      /^Zitiert den Hilfe-Center-Artikel „Returning an item“ \(aktualisiert am 1\. Oktober 2026\)$/,
    );
    await expectGerman(panel, SERVER_WORDS);
    expect(await overflow(panel)).toEqual({ page: false, elements: [] });
    // Alt+1 finds suggestion 1's Insert button by its German label.
    expect(
      await panel
        .locator('.suggestion')
        .first()
        .getByRole('button', { name: 'Einfügen', exact: true })
        .getAttribute('aria-keyshortcuts'),
    ).toBe('Alt+1');
    await panel.locator('body').focus();
    await panel.keyboard.press('Alt+Digit1');
    await panel
      .locator('.suggestion .status', { hasText: messageIn('de', 'inserted') })
      .first()
      .waitFor();
    await panel.screenshot({ path: path.join(SHOTS, 'extension-panel-de-articles.png'), fullPage: true });
    await panel.close();
    await desk.close();
  });

  it.each(WIDTHS)('at %i px the options page is German throughout, and nothing overflows', async (width) => {
    const options = await context.newPage();
    await options.setViewportSize({ width, height: 900 });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator('#adapters-on li').first().waitFor();
    expect(await options.title()).toBe('Candor-Optionen');
    expect(await options.locator('#token-help code').textContent()).toBe('npx candor tokens create');
    await options.getByRole('button', { name: 'Verbindung testen' }).click();
    await options.locator('#result[data-ok="true"]').waitFor();
    expect(await options.locator('#result').textContent()).toMatch(/^Mit Candor unter .* als agent verbunden/);
    await expectGerman(options);
    expect(await overflow(options)).toEqual({ page: false, elements: [] });
    await options.close();
  });
});

describe('the /demo panel frame, without chrome.i18n, in the browser’s language', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(['fr', 'es', 'nl'] as const)('%s: the bundled catalogue names the panel’s parts', async (locale) => {
    const page = await browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
    await page.goto(`${s.url}/demo`);
    const frame = (await (await page.waitForSelector('#candor-panel')).contentFrame())!;
    expect(await frame.locator('#demo-connect label').textContent()).toBe(messageIn(locale, 'demo_token'));
    await frame.locator('#demo-token').fill(s.tokens.agent);
    await frame.locator('#demo-connect button[type="submit"]').click();
    await frame.locator('#connection[data-state="connected"]').waitFor();
    await openBlenderTicket(page);
    await frame.locator('.suggestion').first().waitFor();
    expect(await frame.locator('html').getAttribute('lang')).toBe(locale);
    expect(await frame.locator('#connection').textContent()).toBe(messageIn(locale, 'conn_connected', s.url));
    expect(await frame.locator('#suggestions-title').textContent()).toBe(messageIn(locale, 'sugg_title'));
    expect(await frame.locator('.manual summary').textContent()).toBe(messageIn(locale, 'panel_manual_mode'));
    expect(await frame.locator('.suggestion button.primary').first().textContent()).toBe(
      messageIn(locale, 'sugg_insert'),
    );
    await page.close();
  });
});
