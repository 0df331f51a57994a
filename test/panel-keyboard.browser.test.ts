/**
 * The side panel by keyboard alone, and focus through live updates, in Debian's Chromium against a
 * real server and the /demo helpdesk: Alt+n inserts suggestion n, Alt+Shift+n opens its footnotes,
 * Escape dismisses the suggestion focus is in; a push repaints the view without moving focus.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../scripts/build.mjs';
import { seedDemo } from '../server/demo/seed.js';
import { launchWithExtension, openBlenderTicket } from './helpers/browser.js';
import { startServer, type TestServer } from '../harness/server.js';

let s: TestServer;
let extDir: string;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let helpdesk: Page;
let panel: Page;

const outcomes = async () =>
  (await s.api('GET', '/outcomes', undefined, s.tokens.lead)).body.outcomes as {
    action: string;
    suggestionId: string;
  }[];
const focused = () =>
  panel.evaluate(() => {
    const a = document.activeElement;
    return {
      suggestion: a?.closest('[data-suggestion-id]')?.getAttribute('data-suggestion-id') ?? null,
      name: a?.getAttribute('aria-label') ?? a?.textContent ?? '',
    };
  });
const ids = () => panel.locator('.suggestion').evaluateAll((es) => es.map((e) => e.getAttribute('data-suggestion-id')));

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true' });
  await seedDemo(s.store);
  extDir = await buildExtension(mkdtempSync(path.join(tmpdir(), 'candor-ext-')));
  ({ context, worker, extensionId } = await launchWithExtension(extDir));
  await worker.evaluate(([serverUrl, token]) => chrome.storage.local.set({ serverUrl, token }), [
    s.url,
    s.tokens.agent,
  ] as const);
  helpdesk = await context.newPage();
  await helpdesk.goto(`${s.url}/demo`);
  await openBlenderTicket(helpdesk);
  const tab = await worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
    helpdesk.url(),
  );
  panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tab}`);
  await panel.locator('#connection[data-state="connected"]').waitFor();
  await panel.locator('.suggestion').nth(1).waitFor();
}, 60_000);

afterAll(async () => {
  await context?.close();
  await s?.close();
  if (extDir) rmSync(extDir, { recursive: true, force: true });
});

describe('the side panel by keyboard', () => {
  it('shows its shortcuts, and each Insert button says its own', async () => {
    const list = await panel.locator('.shortcut-list').textContent();
    expect(list).toContain('Alt+1 … Alt+9');
    expect(list).toContain('Escape');
    expect(
      await panel
        .locator('.suggestion')
        .first()
        .getByRole('button', { name: 'Insert', exact: true })
        .getAttribute('aria-keyshortcuts'),
    ).toBe('Alt+1');
  });

  it('when the agent presses Alt+1, then suggestion 1 is inserted into the reply box, without markers', async () => {
    await helpdesk.fill('#reply', '');
    const text = (await panel.locator('.suggestion .suggestion-text').first().textContent())!;
    await panel.locator('h1').click();
    await panel.keyboard.press('Alt+Digit1');
    await expect.poll(() => helpdesk.inputValue('#reply')).toBe(text.replace(/ ?\[\d+\]/g, ''));
    await expect.poll(async () => (await outcomes())[0]?.action).toBe('inserted');
  });

  it('when the agent presses Alt+Shift+n, then the footnotes of suggestion n open, and close again', async () => {
    const n = await panel
      .locator('.suggestion')
      .evaluateAll((es) => es.findIndex((e) => e.querySelector('.marker')) + 1);
    expect(n).toBeGreaterThan(0);
    const notes = panel
      .locator('.suggestion')
      .nth(n - 1)
      .locator('.footnotes li');
    await panel.keyboard.press(`Alt+Shift+Digit${n}`);
    await expect.poll(() => notes.count()).toBeGreaterThan(0);
    await panel.keyboard.press(`Alt+Shift+Digit${n}`);
    await expect.poll(() => notes.count()).toBe(0);
  });

  it(
    'when the agent presses Escape in a suggestion, then ' + 'it is dismissed and focus moves to the next one',
    async () => {
      const before = await ids();
      await panel.locator('.suggestion').first().getByRole('button', { name: 'Copy' }).focus();
      await panel.keyboard.press('Escape');
      await expect.poll(ids).toEqual(before.slice(1));
      expect((await focused()).suggestion).toBe(before[1]);
      await expect
        .poll(async () => (await outcomes())[0])
        .toMatchObject({ action: 'dismissed', suggestionId: before[0] });
    },
  );

  it('when a push repaints the view, then focus stays on the same button', async () => {
    // A suggestion that cites no fact survives the withdrawal of purchase history.
    const plain = panel.locator('.suggestion:not(:has(.marker))').first();
    const id = await plain.getAttribute('data-suggestion-id');
    await plain.getByRole('button', { name: 'Copy' }).focus();
    await s.api('POST', '/customers/c_dana/consents/k_dana_orders/withdraw', { channel: 'chat' }, s.tokens.agent);
    await panel.locator('.notice', { hasText: 'Customer withdrew consent' }).waitFor();
    await expect.poll(() => panel.locator('.view').textContent()).not.toContain('Blender Pro 3000');
    expect(await focused()).toEqual({ suggestion: id, name: 'Copy' });
  });
});
