/**
 * "Teach this page" on a real Request Tracker 5 (test/helpers/rt.ts) with its built-in adapter
 * switched off in Options (issue 17). RT's ticket page marks an internal comment exactly as it marks
 * a reply (`transaction Ticket-transaction message`, only the words "Comments added" differ) and
 * holds no reply box (that is on another page), so a selector description cannot leave comments out:
 * teaching must refuse to go on, and nothing reaches the server. (The built-in adapter reads RT's
 * words and its other pages; it is what makes RT work.)
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionSignedIn } from './helpers/browser.js';
import { rtMissing, startRt, type Rt } from './helpers/rt.js';
import { seedDana, startServer, type TestServer } from '../harness/server.js';

const DANA = { name: 'Dana Kowalski', email: 'dana@example.org' };
const FIRST = 'Hi, the blender I ordered stopped working after a week.';
const REPLY = 'Sorry to hear that! Which order was it?';
const NOTE = 'Internal: check the warranty before promising anything.';

const missing = rtMissing();
if (missing && process.env.CANDOR_REQUIRE_RT) throw new Error(`CANDOR_REQUIRE_RT is set but ${missing}`);

let s: TestServer;
let rt: Rt;
let closeExtension: (() => Promise<void>) | undefined;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;

beforeAll(async () => {
  if (missing) return;
  [s, rt] = await Promise.all([startServer(), startRt()]);
  await seedDana(s);
  await rt.createUser(DANA.name, DANA.email);
  ({ context, worker, extensionId, close: closeExtension } = await extensionSignedIn(s));
}, 120_000);

afterAll(async () => {
  await closeExtension?.();
  rt?.stop();
  await s?.close();
});

describe.skipIf(missing)(
  `teaching Candor Request Tracker with its built-in adapter off${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let desk: Page;
    let panel: Page;

    it(
      'when the built-in RT adapter is switched off in ' + 'Options, then RT’s ticket page is no longer recognised',
      async () => {
        const options = await context.newPage();
        await options.goto(`chrome-extension://${extensionId}/options.html`);
        await options.getByLabel('Use the built-in adapter for Request Tracker 5').uncheck();
        await expect
          .poll(() => worker.evaluate(async () => (await chrome.storage.local.get('adaptersOff')).adaptersOff))
          .toEqual(['rt']);
        await options.close();

        const id = await rt.createTicket(`Blender ${Date.now().toString(36)}`, DANA.email);
        await rt.customerWrites(id, DANA, `[rt.vm #${id}] Blender`, FIRST);
        await rt.staffWrites(id, 'correspond', REPLY);
        await rt.staffWrites(id, 'comment', NOTE);
        desk = await context.newPage();
        await desk.goto(`${rt.url}/NoAuth/Login.html`);
        await desk.fill('input[name=user]', rt.user.user);
        await desk.fill('input[name=pass]', rt.user.password);
        await Promise.all([
          desk.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/NoAuth/Login.html')),
          desk.press('input[name=pass]', 'Enter'),
        ]);
        await desk.goto(`${rt.url}/Ticket/Display.html?id=${id}`);
        await desk.locator('.transaction.message', { hasText: NOTE }).waitFor();
        const tabId = await worker.evaluate(
          async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
          desk.url(),
        );
        panel = await context.newPage();
        await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tabId}`);
        await panel.locator('#page-state', { hasText: 'No ticket found' }).waitFor();
      },
    );

    it(
      'when the agent teaches the ticket page, then the e-mail and messages are found, but a comment cannot be ' +
        'told apart from a reply: teaching stops at the internal note and nothing is stored or submitted',
      async () => {
        const status = panel.locator('#teach [role="status"]');
        const pickIn = async (n: number, target: ReturnType<Page['locator']>) => {
          await panel.locator('#teach h3', { hasText: `Step ${n} of 6` }).waitFor();
          await panel.getByRole('button', { name: 'Pick in the page' }).click();
          await status.filter({ hasText: 'Press Escape to cancel' }).waitFor();
          await target.click();
        };
        await panel.locator('details.teach summary').click();
        await panel.getByRole('button', { name: 'Start teaching' }).click();
        await pickIn(1, desk.locator('.requestors .current-value .user').first());
        await pickIn(2, desk.locator('.transaction.message', { hasText: FIRST }).locator('.messagebody'));
        await pickIn(3, desk.locator('.transaction.message', { hasText: REPLY }).locator('.messagebody'));
        await status.filter({ hasText: 'Candor sees nothing that tells these two messages apart.' }).waitFor();
        await panel.getByRole('button', { name: 'Skip this step' }).click();
        await pickIn(4, desk.locator('.transaction.message', { hasText: NOTE }).locator('.messagebody'));
        await status.filter({ hasText: 'Candor sees nothing that sets this note apart from the messages.' }).waitFor();
        expect(await panel.locator('#teach h3').textContent()).toBe('Step 4 of 6: An internal note');
        expect(await panel.locator('.teach-picked').textContent()).toContain('(finds dana@example.org)');

        await panel.locator('#teach h3').press('Escape');
        await panel.locator('#teach', { hasText: 'Teaching cancelled.' }).waitFor();
        expect(
          await worker.evaluate(async () => (await chrome.storage.local.get('taughtAdapters')).taughtAdapters),
        ).toBe(undefined);
        expect((await s.api('GET', '/taught-adapters/review', undefined, s.tokens.admin)).body.drafts).toEqual([]);
      },
    );
  },
);
