/**
 * "Check my reply" on the /demo helpdesk in Chromium, through the preview (the extension's panel in a frame): a
 * reply that names Dana's order without saying where it came from is flagged, and its rephrasing goes into the reply
 * box in place of the sentence; a reply holding her street address (withheld in the demo seed) is flagged by
 * category, and the sentence can be taken out. Nothing is sent. The spoken line shows behind "Say it on a call".
 */
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed.js';
import { demoPanel, launchChromium, openBlenderTicket } from './helpers/browser.js';
import { startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
let s: TestServer;
let browser: Browser;
let page: Page;
let panel: Frame;

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true' });
  await seedDemo(s.store);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  panel = await demoPanel(page, s.url, s.tokens.agent);
  await openBlenderTicket(page);
  // The desk opens its newest ticket by itself first: wait for Dana's.
  await panel.locator('.fact', { hasText: 'Blender Pro 3000' }).first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const reply = () => page.locator('textarea#reply');
const flags = () => panel.locator('#coach .flag');

describe('Check my reply on the /demo helpdesk', () => {
  it(
    'when the reply names the order without saying where it came from, ' +
      'then it is flagged and the rephrasing replaces the sentence',
    async () => {
      const messages = await page.locator('#messages li').count();
      await reply().fill('Hi Dana,\nYour order #1042 is being replaced today. Thanks for your patience!');
      await panel.getByRole('button', { name: 'Check my reply' }).click();
      await flags().first().waitFor();
      expect(await flags().count()).toBe(1);
      const flag = flags().first();
      expect(await flag.locator('.flag-words').textContent()).toBe(
        "This sentence uses the customer's purchase history without saying where it came from.",
      );
      expect(await flag.locator('.flag-sentence').textContent()).toBe('Your order #1042 is being replaced today.');
      await flag.getByRole('button', { name: 'Use this rephrasing' }).click();
      await expect
        .poll(() => reply().inputValue())
        .toBe(
          'Hi Dana,\nI can see on your account that your order #1042 is being replaced today. ' +
            'Thanks for your patience!',
        );
      expect(await flag.locator('.status').textContent()).toBe('Rephrased in your reply.');
      expect(await page.locator('#messages li').count()).toBe(messages); // nothing was sent

      await panel.getByRole('button', { name: 'Check my reply' }).click();
      await expect.poll(() => panel.locator('#coach .coach-status').textContent()).toContain('Nothing to change');
      // The store's own counts: the API suppresses a team of one agent (test/coach-teams.test.ts pins that).
      expect(await s.store.coach.counts(null)).toContainEqual(
        expect.objectContaining({ kind: 'undisclosed_fact', checks: 2, flagged: 1, followed: 1, ignored: 0 }),
      );
    },
  );

  it(
    "when the reply holds Dana's street address, then it is flagged " +
      'by category, never echoed by the server, and can be taken out',
    async () => {
      const checks: string[] = [];
      page.on('websocket', (ws) => ws.on('framereceived', (f) => checks.push(String(f.payload))));
      await reply().fill('Thanks Dana. We will send the new blender to 12 Harbour Road. Anything else?');
      await panel.getByRole('button', { name: 'Check my reply' }).click();
      await expect.poll(() => flags().first().getAttribute('data-kind')).toBe('withheld_value');
      const flag = flags().first();
      expect(await flag.locator('.flag-words').textContent()).toBe(
        "This sentence holds the customer's street address, which agents may not use (no consent). Take it out.",
      );
      // The panel shows the agent's own sentence from the text it read, not from the server's answer.
      expect(await flag.locator('.flag-sentence').textContent()).toBe(
        'We will send the new blender to 12 Harbour Road.',
      );
      expect(checks.join('\n')).not.toContain('Harbour');
      await page.screenshot({ path: path.join(SHOTS, 'coach-withheld.png') });
      await flag.getByRole('button', { name: 'Take this sentence out' }).click();
      await expect.poll(() => reply().inputValue()).toBe('Thanks Dana. Anything else?');
    },
  );

  it(
    'when the agent turns on "Say it on a call", then each fact has its spoken line ' + 'with its consent',
    async () => {
      expect(await panel.locator('.spoken').count()).toBe(0);
      await panel.getByLabel('Say it on a call').first().check();
      const line = await panel.locator('.spoken').first().textContent();
      // The date is written in the browser's locale, as every date in the panel.
      expect(line).toMatch(
        new RegExp(
          '^I can see on your account that you ordered Blender Pro 3000, order #1042, delivered 12 Nov 2026 — we ' +
            'have that because you allowed us to use your purchase history for support on (1 March|March 1,) 2026\\.$',
        ),
      );
    },
  );
});
