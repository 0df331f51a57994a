/**
 * The opt-out asked for in a ticket, recorded from the panel's card in Debian's Chromium against a real server: the
 * agent reaches "Record the opt-out" by keyboard alone and presses Enter; the panel then shows the customer's facts
 * withheld as opted out, and /admin/requests lists the request fulfilled. A lead's panel, which the server refuses
 * the opt-out (server/permissions/table.ts, `customer.opt_out`), does not offer the button and says who may.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed.js';
import { demoPanel, launchChromium } from './helpers/browser.js';
import { signInAsLead } from './helpers/admin.js';
import { startServer, type TestServer } from '../harness/server.js';

let s: TestServer;
let browser: Browser;

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true', CANDOR_JURISDICTION: 'NL' });
  await seedDemo(s.store);
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const ASKED = 'Ik trek mijn toestemming in voor het gebruik van mijn gegevens voor reclame.';

/** A ticket asking to opt out, typed into manual mode (the demo desk holds none): the panel shows its card. */
async function openOptOutTicket(token: string, email: string): Promise<{ desk: Page; panel: Frame }> {
  const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const panel = await demoPanel(desk, s.url, token);
  await panel.locator('details.manual summary').click();
  await panel.fill('#manual-email', email);
  await panel.fill('#manual-conversation', ASKED);
  await panel.click('#manual-form button[type=submit]');
  await panel.locator('section.requests li.request[data-kind="opt_out"]').waitFor();
  return { desk, panel };
}

describe('the opt-out from the panel card, in Chromium', () => {
  it('when the agent reaches "Record the opt-out" by keyboard and presses Enter, then the panel shows the facts ' +
    'withheld as opted out and /admin/requests lists the request fulfilled', async () => {
    const { desk, panel } = await openOptOutTicket(s.tokens.agent, 'dana.kowalski@example.org');
    const record = panel.locator('section.requests').getByRole('button', { name: 'Record the opt-out' });
    expect(await panel.locator('.withheld li[data-reason="opted_out"]').count()).toBe(0);

    await panel.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await desk.keyboard.press('Tab');
      reached = await record.evaluate((b) => b === document.activeElement);
    }
    expect(reached, 'Tab reaches the card button').toBe(true);
    await desk.keyboard.press('Enter');

    await panel
      .locator('section.requests [role=status]', { hasText: 'Opt-out recorded, with this ticket as evidence.' })
      .waitFor();
    await panel.locator('section.requests li.request[data-kind="opt_out"][data-status="fulfilled"]').waitFor();
    // The change push brings the view again: facts used for personalisation are now withheld, in words.
    const withheld = panel.locator('.withheld li[data-reason="opted_out"]');
    await withheld.first().waitFor({ state: 'attached' });
    expect(await withheld.first().textContent()).toContain('customer opted out');
    expect(await record.count()).toBe(0);
    expect((await s.api('GET', '/customers/c_dana')).body.flags).toMatchObject({ optedOut: true });
    await desk.close();

    const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInAsLead(admin, `${s.url}/admin/requests`, s.tokens, 'an agent token cannot open it');
    const row = admin.locator('#requests tbody tr[data-status="fulfilled"]', { hasText: 'Opt-out (Dutch)' });
    await row.waitFor();
    expect(await row.innerText()).toContain('An agent recorded the opt-out the customer asked for in the ticket.');
    await admin.close();
  }, 40_000);

  it('when a lead opens a ticket with an opt-out, then the card offers no button and says who may', async () => {
    const { desk, panel } = await openOptOutTicket(s.tokens.lead, 'emil.lindqvist@example.com');
    const card = panel.locator('section.requests');
    await card.locator('.request-not-yours').waitFor();
    expect(await card.locator('.request-not-yours').first().textContent()).toBe(
      'Recording the opt-out needs an agent token, an admin token or the customer, in the privacy portal.',
    );
    expect(await card.getByRole('button', { name: 'Record the opt-out' }).count()).toBe(0);
    await desk.close();
  }, 30_000);
});
