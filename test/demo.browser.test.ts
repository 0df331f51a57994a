/**
 * The /demo helpdesk and its Candor preview in a real browser. The preview is the extension's panel (its code, page
 * and styles) in a frame beside the demo helpdesk: the agent connects, opens a ticket, sees permitted facts and no
 * withheld value, edits and inserts a suggestion (nothing is sent), rates one with one click (a lead sees both
 * outcomes), sees a consent withdrawal arrive by itself, and takes the withdrawn data back out of the reply.
 */
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed.js';
import { launchChromium, openBlenderTicket } from './helpers/browser.js';
import { plantDanaPurchase, startServer, type TestServer } from '../harness/server.js';

/** Written on every run (git-ignored); docs/screenshots/ holds copies for the README. */
const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
let s: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true' });
  await seedDemo(s.store);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

let panel: FrameLocator;
const candor = () => panel.locator('#view');
const card = () => panel.locator('.suggestion').first();
const outcomes = async () =>
  ((await s.api('GET', '/outcomes', undefined, s.tokens.lead)).body as { outcomes: Outcome[] }).outcomes;
interface Outcome {
  ticketId: string;
  action: string;
  rating: string | null;
  edit: { text: string; distance: number } | null;
}

describe('the /demo helpdesk in Chromium', () => {
  it(
    'when the agent connects and opens a ticket, then the preview, the extension panel beside the desk, shows ' +
      'permitted facts and no withheld value',
    async () => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${new URL(r.url()).pathname}`));
      await page.goto(`${s.url}/demo`);
      panel = page.frameLocator('#candor-panel');
      expect(page.url()).not.toContain('cnd_');
      await panel.locator('#demo-token').fill(s.tokens.agent);
      await panel.getByRole('button', { name: 'Connect' }).click();
      await panel.locator('#connection[data-state="connected"]').waitFor();
      expect(page.url()).not.toContain('cnd_');

      await openBlenderTicket(page);
      await expect.poll(() => candor().textContent()).toContain('Blender Pro 3000');
      const text = (await candor().textContent())!;
      expect(text).toContain('withheld');
      for (const withheld of ['Harbour Road', 'PL4 7QT', '4821', '7946']) expect(text).not.toContain(withheld);
      expect(await page.locator('[data-candor-ticket-id="T-1001"]').getAttribute('data-requester-email')).toBe(
        'dana.kowalski@example.org',
      );
      // The panel's own parts, not a copy's: Edit before insert, the one-click rating, the keyboard shortcuts.
      await card().getByRole('button', { name: 'Edit before insert' }).waitFor();
      await card().getByRole('button', { name: 'Good suggestion' }).waitFor();
      expect(await panel.locator('#shortcuts').textContent()).toContain('Alt+1');
      expect(await panel.locator('details.teach').isHidden()).toBe(true);
      expect(errors).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'demo-ticket.png'), fullPage: true });
    },
  );

  it('when the agent edits and inserts, then the reply holds the edit, nothing is sent, a lead sees it', async () => {
    const messagesBefore = await page.locator('#messages li').count();
    const suggestion = (await card().locator('.suggestion-text').textContent())!;
    expect(suggestion).toMatch(/\[1\]/);
    await card().getByRole('button', { name: 'Edit before insert' }).click();
    const box = card().locator('textarea.edit');
    const edited = `${(await box.inputValue()).replace(/ ?\[\d+\]/g, '')} Thanks for your patience.`;
    await box.fill(edited);
    await card().getByRole('button', { name: 'Insert edited' }).click();
    await expect.poll(() => page.inputValue('#reply')).toBe(edited);
    expect(await page.locator('#messages li').count()).toBe(messagesBefore);
    await expect
      .poll(async () => (await outcomes()).filter((o) => o.ticketId === 'demo:T-1001').map((o) => o.action))
      .toContain('edited');
    // Kept for the lead masked, with how much the agent changed.
    const edit = (await outcomes()).find((o) => o.action === 'edited')?.edit;
    expect(edit?.text).toContain('Thanks for your patience.');
    expect(edit?.distance).toBeGreaterThan(0);
  });

  it('when the agent clicks 👍 once, then the rating is recorded for the lead with no reason asked first', async () => {
    await card().getByRole('button', { name: 'Good suggestion' }).click();
    await expect
      .poll(async () => (await outcomes()).find((o) => o.ticketId === 'demo:T-1001' && o.action === 'rated')?.rating)
      .toBe('up');
  });

  it(
    'when the agent inserts with notes for the customer, then the fact the reply used has its note, ' +
      'and the last line links the privacy page and the one-click pause',
    async () => {
      const markers = await card()
        .getByRole('button', { name: /^Footnote \d+$/ })
        .count();
      expect(markers).toBe(1);
      const notes = card().getByRole('checkbox', { name: /Add notes for the customer/ });
      expect(await notes.isChecked()).toBe(false); // the lead's default: offered, not ticked
      await notes.check();
      await card().getByRole('button', { name: 'Insert', exact: true }).click();
      await card().locator('.status', { hasText: 'Inserted with notes for the customer' }).waitFor();
      const reply = await page.inputValue('#reply');
      const added = reply.slice(reply.lastIndexOf('I can see on your account')).split('\n');
      expect(added[0]).toMatch(/Blender Pro 3000, order #1042, delivered 12 Nov 2026¹ — is that the one/);
      expect(added[1]).toBe('');
      expect(added[2]).toBe(
        '¹ From your purchase history, which you allowed us to use for "Essential for Operations Support" ' +
          'on 1 March 2026.',
      );
      expect(added[3]).toMatch(
        /^You can see or change what we hold about you at http:\/\/127\.0\.0\.1:\d+\/portal\/start,/,
      );
      expect(added[3]).toMatch(/one click: http:\/\/127\.0\.0\.1:\d+\/portal\/pause\/[\w-]+$/);
      expect(added).toHaveLength(4);
      await page.screenshot({ path: path.join(SHOTS, 'demo-customer-notes.png'), fullPage: true });
    },
  );

  it(
    'when consent is withdrawn over REST, then the preview drops the fact without a reload, says why, ' +
      'and offers to take it out of the reply',
    async () => {
      // How fast it arrives is measured by the benchmark (fanout_p99_ms); here: that it arrives, in the same document.
      await page.evaluate(() => ((window as unknown as { __beforeWithdrawal?: boolean }).__beforeWithdrawal = true));
      const res = await s.api(
        'POST',
        '/customers/c_dana/consents/k_dana_orders/withdraw',
        { channel: 'chat' },
        s.tokens.agent,
      );
      expect(res.status).toBe(200);
      await panel
        .locator('#notices', { hasText: 'Customer withdrew consent for purchase history' })
        .waitFor({ timeout: 10_000 });
      await expect.poll(() => candor().textContent(), { timeout: 10_000 }).not.toContain('Blender Pro 3000');
      expect(
        await page.evaluate(() => (window as unknown as { __beforeWithdrawal?: boolean }).__beforeWithdrawal),
      ).toBe(true);
      const warning = panel.locator('#inserted-warning [role="alert"]');
      await warning.waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'demo-after-withdrawal.png'), fullPage: true });
      expect(await page.inputValue('#reply')).toContain('Blender Pro 3000');
      await warning.getByRole('button', { name: 'Remove from reply' }).click();
      // Both inserts' sentences on the order, and the customer's note on it.
      await panel.locator('#inserted-warning [role="status"]', { hasText: 'Removed 3 sentences' }).waitFor();
      expect(await page.inputValue('#reply')).not.toContain('Blender Pro 3000');
      expect(await page.inputValue('#reply')).toContain('Thanks for your patience.');
      // The customer's note on the withdrawn fact goes with the sentence it explained.
      expect(await page.inputValue('#reply')).not.toContain('From your purchase history');
    },
  );

  it('when a customer fact holds markup, then the preview renders it as text', async () => {
    await plantDanaPurchase(s, 'Blender <img src=x onerror="window.__pwned=1"> order #666');
    await expect.poll(() => candor().textContent()).toContain('<img src=x');
    const pwned = () => (window as unknown as { __pwned?: number }).__pwned;
    expect(await page.evaluate(pwned)).toBeUndefined();
    expect(await page.frame({ url: /\/demo\/panel\// })!.evaluate(pwned)).toBeUndefined();
    expect(await candor().locator('img').count()).toBe(0);
  });
});
