/**
 * A privacy request from ticket to fulfilment, in Debian's Chromium against a real server with real SMTP on loopback:
 * the German demo ticket asking for erasure shows the panel's card with its due date at 1,280 and 1,024 px, reached by
 * keyboard; its "Send a portal link" mails the customer; the customer erases in the portal; the request then shows
 * as fulfilled on /admin/requests and in the audit log. Candor itself erased nothing on the agent's word.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed.js';
import { formatTime } from '../server/format/time.js';
import { portalLinkIn } from '../harness/smtp.js';
import { demoPanel, launchChromium } from './helpers/browser.js';
import { signInAsLead } from './helpers/admin.js';
import { startServer, type TestServer } from '../harness/server.js';

let s: TestServer;
let browser: Browser;
let desk: Page;
let panel: Frame;

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true', CANDOR_JURISDICTION: 'DE' });
  await seedDemo(s.store);
  browser = await launchChromium();
  desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  panel = await demoPanel(desk, s.url, s.tokens.agent);
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const card = () => panel.locator('section.requests');
const sendLink = () => card().getByRole('button', { name: 'Send a portal link' });

describe('a privacy request in a German ticket, in Chromium', () => {
  it(
    'when the agent opens the ticket, then the card says what was asked and when it is due, at 1,280 and ' +
      '1,024 px, and its next step is reached by keyboard',
    async () => {
      await desk.getByRole('button', { name: /Löschung meiner Daten/ }).click();
      await desk.locator('article#ticket[data-candor-ticket-id="T-1008"]').waitFor();
      await card().waitFor();
      // The one date format, in the panel's own locale and zone: the message arrived 18 November 2026 (GDPR: a month).
      const viewer = await panel.evaluate(() => ({
        locale: navigator.language,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }));
      const day = (iso: string) => formatTime(iso, 'date', viewer);
      const text = await card().innerText();
      expect(text).toContain('Asked for their data to be erased');
      expect(text).toContain(`Arrived ${day('2026-11-18T15:10:00Z')} · due ${day('2026-12-18T15:10:00Z')}`);
      expect(text).not.toContain('erasure');
      expect(await card().locator('li.request').count()).toBe(1);

      for (const width of [1280, 1024]) {
        await desk.setViewportSize({ width, height: 800 });
        await desk.waitForTimeout(50);
        const fits = await panel.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        expect(fits, `the panel scrolls sideways at ${width} px`).toBe(true);
        expect(await sendLink().isVisible(), `the card's button at ${width} px`).toBe(true);
      }

      // By keyboard alone: Tab from the top of the panel reaches the card's button.
      await panel.locator('body').focus();
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await desk.keyboard.press('Tab');
        reached = await sendLink().evaluate((b) => b === document.activeElement);
      }
      expect(reached).toBe(true);
    },
  );

  it('when the agent sends the portal link and the customer erases in the portal, then the request is fulfilled ' +
    'on /admin/requests and in the audit log', async () => {
    const arrived = s.mail.next('emil.lindqvist@example.com');
    await desk.keyboard.press('Enter'); // the card's button, focused above
    await card().getByRole('status').filter({ hasText: 'Sent to e•••@example.com' }).waitFor();
    const link = portalLinkIn(await arrived);
    expect(link).toMatch(new RegExp(`^${s.url}/portal/l/`));

    const customer = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await customer.goto(link!);
    await customer.getByRole('link', { name: 'Erase my data…' }).click();
    await customer.getByLabel('I understand that my data will be erased and cannot be brought back.').check();
    await customer.getByRole('button', { name: 'Erase my data' }).click();
    await customer.getByRole('heading', { name: 'Your data was erased' }).waitFor();
    await customer.close();

    const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInAsLead(admin, `${s.url}/admin/requests`, s.tokens, 'an agent token cannot open it');
    const row = admin.locator('#requests tbody tr[data-status="fulfilled"]');
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('Erasure (German)');
    expect(rowText).toContain('The customer confirmed the erasure in the privacy portal.');
    expect(rowText).toContain('erased with the customer');
    await admin.close();

    const audit = async (kind: string) =>
      (await s.api('GET', `/audit?customerId=c_emil&kind=${kind}`, undefined, s.tokens.lead)).body.entries as {
        actor: string;
        payload: Record<string, unknown>;
      }[];
    const [received] = await audit('privacy_request.received');
    const [fulfilled] = await audit('privacy_request.fulfilled');
    expect(received?.payload).toMatchObject({ requestKind: 'erasure', channel: 'panel' });
    expect(fulfilled).toMatchObject({
      actor: 'customer',
      payload: { requestKind: 'erasure', requestId: received?.payload.requestId },
    });
    expect((await audit('portal.link_created'))[0]?.payload).toMatchObject({ channel: 'panel' });
  }, 40_000);
});
