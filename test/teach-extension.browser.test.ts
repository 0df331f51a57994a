/**
 * Teaching Candor a helpdesk it has never seen (issue 17), end to end in Chromium with the built
 * extension and a real server: the agent teaches the fixture desk in the panel (clicking in the page,
 * typing a selector, cancelling with Escape), the draft reads the ticket at once on their machine
 * with the internal note left out, it is submitted, an admin approves it on the admin page, the
 * panel then uses the approved version, and the ticket works as any other: context, Insert, and a
 * withdrawal that reaches the open panel. Approval without internal notes left out is refused, and
 * a site can be rolled back.
 */
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed.js';
import { extensionSignedIn } from './helpers/browser.js';
import { serveFixtures } from './helpers/fixtures.js';
import { startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

let s: TestServer;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let closeExtension: (() => Promise<void>) | undefined;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let desk: Page;
let panel: Page;
let site: string;
let draftId: number;

const tabIdOf = async (url: string) =>
  (await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url))!;

/** What the content script reads from the desk now, asked from the panel as the panel asks. */
const snapshot = async () =>
  panel.evaluate(
    async (tabId) => {
      const answer = await chrome.tabs.sendMessage(tabId, { type: 'candor:read' });
      return answer.ticket as {
        adapter: string;
        requesterEmail?: string;
        conversation: { role: string; text: string }[];
      };
    },
    await tabIdOf(desk.url()),
  );

const stored = () =>
  worker.evaluate(async () => (await chrome.storage.local.get('taughtAdapters')).taughtAdapters) as Promise<
    Record<string, { draft?: { submittedAs?: number }; approved?: { version: number } }>
  >;

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true' });
  await seedDemo(s.store);
  fixtures = await serveFixtures();
  site = fixtures.url;
  ({ context, worker, extensionId, close: closeExtension } = await extensionSignedIn(s));
}, 60_000);

afterAll(async () => {
  await closeExtension?.();
  await fixtures?.close();
  await s?.close();
});

describe('teaching Candor a helpdesk it has never seen', () => {
  it('when the desk is opened, then no adapter recognises it and the panel offers to teach it', async () => {
    desk = await context.newPage();
    await desk.goto(`${fixtures.url}/helpdesks/unknown-desk.html`);
    panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${await tabIdOf(desk.url())}`);
    await panel.locator('#page-state', { hasText: 'No ticket found' }).waitFor();
    await panel.locator('details.teach summary').click();
    await panel.locator('#teach', { hasText: `Candor has no taught adapter for ${site}.` }).waitFor();
  });

  it(
    'when the agent picks each field (by clicking, by typing a selector, after an Escape), ' +
      'then the test on the page finds them and leaves the internal note out',
    async () => {
      const heading = (n: number) => panel.locator('#teach h3', { hasText: `Step ${n} of 6` });
      const pickIn = async (n: number, target: string) => {
        await heading(n).waitFor();
        await panel.getByRole('button', { name: 'Pick in the page' }).click();
        await panel.locator('#teach [role="status"]', { hasText: 'Press Escape to cancel' }).waitFor();
        await desk.locator(target).click();
      };
      await panel.getByRole('button', { name: 'Start teaching' }).click();
      await pickIn(1, '.contact-value');
      await pickIn(2, 'li:nth-child(1) .bubble-body');
      // Keyboard only: a selector typed in the panel.
      await heading(3).waitFor();
      await panel.fill('#teach-selector', 'li:nth-child(2) .bubble-body');
      await panel.press('#teach-selector', 'Enter');
      // Escape in the panel stops picking and stays on the step.
      await heading(4).waitFor();
      await panel.getByRole('button', { name: 'Pick in the page' }).click();
      await panel.locator('#teach [role="status"]', { hasText: 'Press Escape to cancel' }).waitFor();
      await panel.locator('#teach h3').press('Escape');
      await panel.locator('#teach [role="status"]', { hasText: 'Picking cancelled.' }).waitFor();
      // The panel says so at once; the page hears of it a moment later (the panel does not wait for the page).
      await desk.locator('[data-candor-teach]').waitFor({ state: 'detached', timeout: 5_000 });
      await pickIn(4, 'li:nth-child(3) .bubble-body');
      await pickIn(5, 'textarea');
      await pickIn(6, '.conv-title');

      await panel.locator('#teach h3', { hasText: 'Tested on this page: it works' }).waitFor();
      const found = await panel.locator('.teach-found').textContent();
      expect(found).toContain('E-mail read: dana.kowalski@example.org');
      expect(found).toContain('Messages from the customer: 2; from your side: 1');
      expect(found).toContain('Internal notes left out: 1');
      expect(found).toContain('Reply box: found');
      expect(await panel.locator('.teach-picked').textContent()).toContain('span.contact-value');
      await panel.screenshot({ path: path.join(SHOTS, 'extension-panel-teach-tested.png'), fullPage: true });
    },
  );

  it(
    'when the agent saves and submits it, then their ' + 'panel reads the ticket with it at once, note left out',
    async () => {
      await panel.fill('#teach-name', 'Tidewater Desk');
      await panel.getByRole('button', { name: 'Save and submit for approval' }).click();
      await panel.locator('#teach [role="status"]', { hasText: 'submitted for approval as draft' }).waitFor();
      draftId = Number(/draft (\d+)/.exec((await panel.locator('#teach [role="status"]').textContent())!)![1]);
      await panel.locator('.context h2').waitFor({ timeout: 10_000 });
      const ticket = await snapshot();
      expect(ticket.adapter).toBe('taught');
      expect(ticket.requesterEmail).toBe('dana.kowalski@example.org');
      expect(ticket.conversation.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
      expect(JSON.stringify(ticket)).not.toContain('TIDE-7731');
      expect((await stored())[site]!.draft!.submittedAs).toBe(draftId);
      await expect.poll(() => panel.locator('#teach').textContent()).toContain('submitted and waiting for approval');
    },
  );

  it('when a draft leaves internal notes in, then the server refuses its approval naming the field', async () => {
    const review = await s.api('GET', '/taught-adapters/review', undefined, s.tokens.admin);
    const mine = (review.body.drafts as { id: number; selectors: Record<string, string> }[]).find(
      (d) => d.id === draftId,
    )!;
    const { notConversation: _left, ...withNotes } = mine.selectors;
    const leaky = await s.api(
      'POST',
      '/taught-adapters',
      { site, name: 'Leaky', selectors: withNotes, noInternalNotes: false },
      s.tokens.agent,
    );
    expect(leaky.status).toBe(201);
    expect((await s.api('POST', '/taught-adapters/approve', { draftId: leaky.body.id }, s.tokens.agent)).status).toBe(
      403,
    );
    const refused = await s.api('POST', '/taught-adapters/approve', { draftId: leaky.body.id }, s.tokens.admin);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'internal_notes_not_excluded',
      path: ['selectors', 'notConversation'],
    });
  });

  it(
    'when an admin approves the draft on the admin page, then ' +
      'every panel gets it and the teacher’s draft gives way',
    async () => {
      const admin = await context.newPage();
      await admin.goto(`${s.url}/admin/taught`);
      await admin.fill('#token', s.tokens.admin);
      await admin.click('#sign-in button[type=submit]');
      const section = admin.getByRole('region', { name: site });
      await section.waitFor();
      expect(await section.textContent()).toContain('directly inside an ol element with the class “timeline”');
      expect(await section.textContent()).toContain('Internal notes are not left out: the server will refuse it.');
      await section.getByRole('button', { name: `Approve draft ${draftId} for the team` }).click();
      await admin.locator('#status', { hasText: `Draft ${draftId} approved for ${site}.` }).waitFor();
      await admin.screenshot({ path: path.join(SHOTS, 'admin-taught-adapters.png'), fullPage: true });
      await admin.close();

      const live = await s.api('GET', `/taught-adapters?site=${encodeURIComponent(site)}`, undefined, s.tokens.agent);
      expect(live.body.adapters).toMatchObject([{ site, version: 1, draftId, name: 'Tidewater Desk' }]);
      // The page loads again (its own address is the app's, not the fixture's): the panel fetches the approved
      // version and drops the draft it replaced.
      await desk.goto(`${fixtures.url}/helpdesks/unknown-desk.html`);
      await expect
        .poll(async () => (await stored())[site], { timeout: 10_000 })
        .toMatchObject({ approved: { version: 1 } });
      expect((await stored())[site]!.draft).toBeUndefined();
      await panel.locator('#teach', { hasText: 'version 1, approved for your team' }).waitFor();
      expect((await snapshot()).adapter).toBe('taught');
    },
  );

  it('when the agent inserts a suggestion, then the reply box holds it and nothing is sent', async () => {
    await panel.locator('.context h2').waitFor({ timeout: 10_000 });
    const first = panel.locator('.suggestion').first();
    const suggestion = (await first.locator('.suggestion-text').textContent())!.replace(/ ?\[\d+\]/g, '');
    await first.getByRole('button', { name: 'Insert', exact: true }).click();
    await first.locator('.status', { hasText: 'Inserted' }).waitFor();
    const after = await desk.evaluate(() => {
      const f = (window as unknown as { __fixture: { editorText(): string; sent: number } }).__fixture;
      return { text: f.editorText(), sent: f.sent };
    });
    expect(after.text.trim()).toBe(suggestion.trim());
    expect(after.sent).toBe(0);
  });

  it('when consent is withdrawn, then the open panel drops the fact and says why', async () => {
    expect(await panel.locator('.view').textContent()).toContain('Blender Pro 3000');
    const res = await s.api(
      'POST',
      '/customers/c_dana/consents/k_dana_orders/withdraw',
      { channel: 'chat' },
      s.tokens.agent,
    );
    expect(res.status).toBe(200);
    await panel.locator('.notice', { hasText: /^Customer withdrew consent for purchase history at \d/ }).waitFor({
      timeout: 10_000,
    });
    await expect.poll(() => panel.locator('.view').textContent()).not.toContain('Blender Pro 3000');
    await panel.screenshot({ path: path.join(SHOTS, 'extension-panel-taught-desk.png'), fullPage: true });
  });

  it('when an admin rolls the site back, then a new version restores the earlier one and is audited', async () => {
    const review = await s.api('GET', '/taught-adapters/review', undefined, s.tokens.admin);
    const v1 = (review.body.versions as { version: number; selectors: Record<string, string> }[])[0]!;
    const second = await s.api(
      'POST',
      '/taught-adapters',
      { site, name: 'Tidewater Desk', selectors: { ...v1.selectors, subject: 'h2' }, noInternalNotes: false },
      s.tokens.agent,
    );
    expect(
      (await s.api('POST', '/taught-adapters/approve', { draftId: second.body.id }, s.tokens.admin)).body,
    ).toMatchObject({ version: 2 });
    const agentTry = await s.api('POST', '/taught-adapters/rollback', { site, version: 1 }, s.tokens.agent);
    expect(agentTry.status).toBe(403);
    const back = await s.api('POST', '/taught-adapters/rollback', { site, version: 1 }, s.tokens.admin);
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ version: 3, rolledBackFrom: 1, selectors: v1.selectors });
    const live = await s.api('GET', `/taught-adapters?site=${encodeURIComponent(site)}`, undefined, s.tokens.agent);
    expect(live.body.adapters[0]).toMatchObject({ version: 3 });
    const audit = await s.api('GET', '/audit?kind=adapter.rolled_back', undefined, s.tokens.lead);
    expect(audit.body.entries[0]).toMatchObject({
      actor: expect.stringMatching(/^admin:/),
      payload: { site, version: 3 },
    });
  });
});
