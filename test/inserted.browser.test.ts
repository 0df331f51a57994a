/**
 * Inserted text follows consent (issue 18, item 1), with the built extension in Debian's Chromium
 * against a real server: the agent inserts a suggestion that cites one of Dana's orders, the
 * consent behind it goes, and the panel warns at once, names the sentence, and **Remove from
 * reply** takes exactly that sentence out of the helpdesk's reply box: the /demo helpdesk (a
 * textarea), Zendesk's model-driven editor and Help Scout's React-rendered one (fixtures), and
 * a panel that was closed, or disconnected, when the withdrawal happened. Nothing is ever sent.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed.js';
import { Timestamp } from '../server/protocol/domain.js';
import { extensionSignedIn, openBlenderTicket } from './helpers/browser.js';
import { serveFixtures } from './helpers/fixtures.js';
import { startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

let s: TestServer;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let closeExtension: (() => Promise<void>) | undefined;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;

async function openPanelFor(page: Page): Promise<Page> {
  const tab = await worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
    page.url(),
  );
  const p = await context.newPage();
  await p.goto(`chrome-extension://${extensionId}/panel.html?tab=${tab}`);
  return p;
}

/** The suggestion citing the Blender order, and its text as inserted (markers out). */
async function blenderSuggestion(panel: Page): Promise<{ card: Locator; inserted: string }> {
  const card = panel.locator('.suggestion', { hasText: 'Blender Pro 3000' }).first();
  await card.waitFor({ timeout: 10_000 });
  const text = (await card.locator('.suggestion-text').textContent())!;
  return { card, inserted: text.replace(/ ?\[\d+\]/g, '') };
}

/** The sentences of a suggestion: those with a footnote marker use a fact, the others none. */
function sentences(marked: string) {
  const all = marked.split(/(?<=[.!?])\s+/).map((x) => x.trim());
  return {
    citing: all.filter((x) => /\[\d+\]/.test(x)).map((x) => x.replace(/ ?\[\d+\]/g, '')),
    rest: all.filter((x) => !/\[\d+\]/.test(x)),
  };
}

const grant = (id: string) =>
  s.api('POST', '/customers/c_dana/consents', {
    consent: {
      id,
      purpose: 'essential',
      categories: ['user.behavior.purchase_history'],
      status: 'granted',
      source: 'chat',
    },
  });
const withdraw = (id: string) =>
  s.api('POST', `/customers/c_dana/consents/${id}/withdraw`, { channel: 'chat' }, s.tokens.agent);

const warning = (panel: Page) => panel.locator('#inserted-warning [role="alert"]');

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true' });
  await seedDemo(s.store);
  fixtures = await serveFixtures();
  ({ context, worker, extensionId, close: closeExtension } = await extensionSignedIn(s));
}, 120_000);

afterAll(async () => {
  await closeExtension?.();
  await fixtures?.close();
  await s?.close();
});

describe('inserted text follows consent', () => {
  it(
    'when Dana withdraws the consent behind an inserted sentence in /demo, then the panel names it at once ' +
      'and Remove from reply takes exactly that sentence out of the reply box, sending nothing',
    async () => {
      const helpdesk = await context.newPage();
      await helpdesk.goto(`${s.url}/demo`);
      await openBlenderTicket(helpdesk);
      const messagesBefore = await helpdesk.locator('#messages li').count();
      const panel = await openPanelFor(helpdesk);
      const { card } = await blenderSuggestion(panel);
      const marked = (await card.locator('.suggestion-text').textContent())!;
      const { citing, rest } = sentences(marked);
      expect(citing.length).toBeGreaterThan(0);

      await helpdesk.fill('#reply', 'Hi Dana,');
      await card.getByRole('button', { name: 'Insert', exact: true }).click();
      await card.locator('.status', { hasText: 'Inserted' }).waitFor();
      expect(await warning(panel).count()).toBe(0);

      expect((await withdraw('k_dana_orders')).status).toBe(200);
      await warning(panel).waitFor({ timeout: 5000 });
      const text = (await warning(panel).textContent())!;
      expect(text).toContain('Dana withdrew consent for purchase history');
      expect(text).toContain(`“${citing[0]!.slice(0, 40)}`);
      // Nothing the panel did not already show: no withheld value (Dana's street, phone, card).
      for (const withheld of ['Harbour Road', '7946', '4821']) expect(text).not.toContain(withheld);
      // Candor changes nothing by itself: the reply still holds the sentence until the agent decides.
      expect(await helpdesk.inputValue('#reply')).toContain(citing[0]!);
      await panel.screenshot({ path: path.join(SHOTS, 'extension-panel-inserted-warning.png'), fullPage: true });

      const remove = warning(panel).getByRole('button', { name: 'Remove from reply' });
      await remove.focus();
      await panel.keyboard.press('Enter'); // reachable and usable by keyboard
      await panel
        .locator('#inserted-warning [role="status"]', { hasText: /^Removed \d+ sentences? from the reply/ })
        .waitFor();
      expect(await helpdesk.inputValue('#reply')).toBe(
        ['Hi Dana,', ...(rest.length ? [rest.join(' ')] : [])].join('\n'),
      );
      expect(await warning(panel).count()).toBe(0);
      // Focus stays in the banner (now its OK), not lost to the page.
      expect(await panel.evaluate(() => document.activeElement?.closest('#inserted-warning') != null)).toBe(true);
      expect(await helpdesk.locator('#messages li').count()).toBe(messagesBefore);
      await Promise.all([panel.close(), helpdesk.close()]);
    },
  );

  it(
    'when the panel was closed while the consent went, then it warns as soon as it is opened again ' +
      '(the insert is remembered for the session), and Keep leaves the reply as it is',
    async () => {
      expect((await grant('k_reopen')).status).toBeLessThan(300);
      const helpdesk = await context.newPage();
      await helpdesk.goto(`${s.url}/demo`);
      await openBlenderTicket(helpdesk);
      let panel = await openPanelFor(helpdesk);
      const { card, inserted } = await blenderSuggestion(panel);
      await helpdesk.fill('#reply', '');
      await card.getByRole('button', { name: 'Insert', exact: true }).click();
      await card.locator('.status', { hasText: 'Inserted' }).waitFor();
      await panel.close();

      expect((await withdraw('k_reopen')).status).toBe(200);
      panel = await openPanelFor(helpdesk);
      await warning(panel).waitFor({ timeout: 10_000 });
      expect(await warning(panel).textContent()).toContain('Dana withdrew consent for purchase history');
      await warning(panel).getByRole('button', { name: /^Keep/ }).click();
      expect(await warning(panel).count()).toBe(0);
      expect(await helpdesk.inputValue('#reply')).toBe(inserted);

      // Kept: a panel opened again does not warn about it again.
      await panel.close();
      panel = await openPanelFor(helpdesk);
      await panel.locator('.context h2').waitFor();
      await panel.waitForTimeout(500);
      expect(await warning(panel).count()).toBe(0);
      await Promise.all([panel.close(), helpdesk.close()]);
    },
  );
});

describe('a sentence the agent changed after inserting it', () => {
  it(
    'when its consent goes, then Remove from reply leaves ' + 'the reply untouched and says to delete it by hand',
    async () => {
      expect((await grant('k_changed')).status).toBeLessThan(300);
      const helpdesk = await context.newPage();
      await helpdesk.goto(`${s.url}/demo`);
      await openBlenderTicket(helpdesk);
      const panel = await openPanelFor(helpdesk);
      const { card, inserted } = await blenderSuggestion(panel);
      await helpdesk.fill('#reply', '');
      await card.getByRole('button', { name: 'Insert', exact: true }).click();
      await card.locator('.status', { hasText: 'Inserted' }).waitFor();
      const changed = inserted.replace('Blender Pro 3000', 'Blender Pro 3000 (the red one)');
      await helpdesk.fill('#reply', changed);

      expect((await withdraw('k_changed')).status).toBe(200);
      await warning(panel).getByRole('button', { name: 'Remove from reply' }).click();
      await warning(panel)
        .locator('.status', {
          hasText: /^Could not remove “I can see on your account.*”: the reply no longer holds it/,
        })
        .waitFor();
      expect(await warning(panel).textContent()).toContain('please delete it yourself');
      expect(await helpdesk.inputValue('#reply')).toBe(changed);
      await Promise.all([panel.close(), helpdesk.close()]);
    },
  );
});

describe('a panel that was disconnected', () => {
  it(
    'when the consent goes while the server is unreachable, ' + 'then the panel warns as soon as it reconnects',
    async () => {
      expect((await grant('k_offline')).status).toBeLessThan(300);
      const helpdesk = await context.newPage();
      await helpdesk.goto(`${s.url}/demo`);
      await openBlenderTicket(helpdesk);
      const panel = await openPanelFor(helpdesk);
      const { card } = await blenderSuggestion(panel);
      await card.getByRole('button', { name: 'Insert', exact: true }).click();
      await card.locator('.status', { hasText: 'Inserted' }).waitFor();

      const restarting = s.restart(3000);
      await panel.locator('#connection[data-state="reconnecting"]').waitFor({ timeout: 5000 });
      // Withdrawn while no push can reach the panel: written to the store the restarted server serves.
      await s.store.consents.append(
        'c_dana',
        [{ kind: 'withdrawn', consentId: 'k_offline', at: Timestamp.parse(new Date().toISOString()) }],
        { actor: 'customer:c_dana', channel: 'test', by: 'customer' },
      );
      expect(await warning(panel).count()).toBe(0);
      await restarting;
      await panel.locator('#connection[data-state="connected"]').waitFor({ timeout: 10_000 });
      await warning(panel).waitFor({ timeout: 5000 });
      expect(await warning(panel).textContent()).toContain('Dana withdrew consent for purchase history');
      await Promise.all([panel.close(), helpdesk.close()]);
    },
  );
});

describe.each([
  ['zendesk', 'model-driven, like CKEditor 5'],
  ['helpscout', 'React-rendered, like Slate'],
] as const)('the %s fixture (%s)', (id, _editor) => {
  it(
    'when the consent behind an inserted sentence goes, then ' +
      'Remove from reply takes it out through the editor’s model',
    async () => {
      const consent = `k_${id}`;
      expect((await grant(consent)).status).toBeLessThan(300);
      const page = await context.newPage();
      await page.goto(`${fixtures.url}/helpdesks/${id}.html`);
      const editorText = () =>
        page.evaluate(() => (window as unknown as { __fixture: { editorText(): string } }).__fixture.editorText());
      const sent = () => page.evaluate(() => (window as unknown as { __fixture: { sent: number } }).__fixture.sent);
      const panel = await openPanelFor(page);
      const { card } = await blenderSuggestion(panel);
      const { citing, rest } = sentences((await card.locator('.suggestion-text').textContent())!);

      // The agent's own words, typed (real key events reach the editor's model); then the insert.
      const editor = id === 'zendesk' ? '#reply-editor' : '[data-cy="ConvoEditor"]';
      await page.click(editor);
      await page.keyboard.type('Hi Dana,');
      await expect.poll(editorText).toBe('Hi Dana,');
      await card.getByRole('button', { name: 'Insert', exact: true }).click();
      await card.locator('.status', { hasText: 'Inserted' }).waitFor();
      expect(await editorText()).toContain(citing[0]!);

      expect((await withdraw(consent)).status).toBe(200);
      await warning(panel).waitFor({ timeout: 5000 });
      expect(await warning(panel).textContent()).toContain('Dana withdrew consent for purchase history');
      await warning(panel).getByRole('button', { name: 'Remove from reply' }).click();
      await panel
        .locator('#inserted-warning [role="status"]', { hasText: /^Removed \d+ sentences? from the reply/ })
        .waitFor();
      // What the helpdesk would send: its model, not just its DOM.
      expect(await editorText()).toBe(['Hi Dana,', ...(rest.length ? [rest.join(' ')] : [])].join('\n'));
      expect(await sent()).toBe(0);
      await Promise.all([panel.close(), page.close()]);
    },
  );
});
