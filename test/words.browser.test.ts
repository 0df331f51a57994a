/**
 * Words, not keys (issue 18): every page an agent, a customer or a lead reads — the extension's side panel
 * and options, the /demo helpdesk with its preview, every portal page, the lead's editor, audit log and
 * adapters page — is read as a person sees it (`document.body.innerText`, so a closed <details> counts only
 * by its summary), in real Chromium. No fideslang purpose or category key may appear, and no "(s)". The key
 * pattern is made from the taxonomy's own keys, so a new fideslang root is covered without editing this file.
 */
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed.js';
import { loadTaxonomy } from '../server/taxonomy/taxonomy.js';
import { demoPanel, extensionSignedIn, openBlenderTicket } from './helpers/browser.js';
import { startServer, type TestServer } from '../harness/server.js';

const taxonomy = loadTaxonomy();
const roots = [...new Set([...taxonomy.categories.keys(), ...taxonomy.purposes.keys()].map((k) => k.split('.')[0]!))];
/** A dotted key under any fideslang root, as in "user.contact.address.street" or "essential.service". */
const KEY = new RegExp(`\\b(?:${roots.join('|')})\\.[a-z_]+(?:\\.[a-z_]+)*`, 'g');
/** A whole-word single-segment key a person would not write alone ("third_party_sharing", "train_ai_system"). */
const BARE = new RegExp(`\\b(?:${roots.filter((r) => r.includes('_')).join('|')})\\b`, 'g');

/** A match is a key when it, or a prefix of it at a dot, is one ("system.liquid", a file name, is not). */
const isKey = (m: string) =>
  m
    .split('.')
    .map((_, i, parts) => parts.slice(0, i + 1).join('.'))
    .slice(1)
    .some((k) => taxonomy.categories.has(k) || taxonomy.purposes.has(k));

let s: TestServer;
let context: BrowserContext;
let closeExtension: (() => Promise<void>) | undefined;
let worker: Worker;
let extensionId: string;
const read: { page: string; keys: string[]; plurals: string[]; chars: number }[] = [];

async function readPage(name: string, page: Page | Frame) {
  // A template's source in the editor is code the lead edits (its front matter names keys), not page text.
  const text = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.cm-editor')].reduce(
      (t, code) => t.replace(code.innerText, ''),
      document.body.innerText,
    ),
  );
  read.push({
    page: name,
    keys: [...new Set([...(text.match(KEY) ?? []).filter(isKey), ...(text.match(BARE) ?? [])])],
    plurals: [...new Set(text.match(/\S*\(s\)\S*/g) ?? [])],
    chars: text.length,
  });
  return text;
}

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true' });
  await seedDemo(s.store);
  const extension = await extensionSignedIn(s);
  ({ context, worker, extensionId, close: closeExtension } = extension);
}, 120_000);
afterAll(async () => {
  await closeExtension?.();
  await s?.close();
});

describe('words, not keys, on every page people read', () => {
  it('when the agent works a /demo ticket, then the demo preview, the panel and options show no key', async () => {
    const demo = await context.newPage();
    const preview = await demoPanel(demo, s.url, s.tokens.agent);
    await openBlenderTicket(demo);
    await preview.locator('.fact', { hasText: 'Blender Pro 3000' }).waitFor();
    await preview.locator('.withheld summary').click(); // the withheld list, by category
    await readPage('/demo', demo);
    const demoText = await readPage('/demo preview', preview);
    expect(demoText).toContain('Essential for Operations Support');
    expect(demoText).toMatch(/street address facts?: no consent/);

    const tab = await worker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
      demo.url(),
    );
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tab}`);
    await panel.locator('.fact', { hasText: 'Blender Pro 3000' }).waitFor();
    await panel.locator('.withheld summary').click();
    const panelText = await readPage('panel', panel);
    expect(panelText).toContain('Essential for Operations Support');
    expect(panelText).toMatch(/street address facts?: no consent/);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await readPage('options', options);
  });

  it('when the customer opens every portal page, then they read words, counts and the right dates', async () => {
    const page = await context.newPage();
    await page.goto(`${s.url}/portal/start`);
    await readPage('/portal/start', page);
    await page.goto(await s.portalLink('c_dana', 'dana.kowalski@example.org'));
    await page.locator('h1', { hasText: 'Your data' }).waitFor();
    const text = await readPage('/portal', page);
    expect(text).toContain('Use your purchase history to help you with support requests');
    // The receipt list dates each change by when it happened (the consent's own time), not when it was loaded.
    const dated = (
      await page.locator('.receipts time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')))
    ).map((d) => Date.parse(d!));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated).toContain(Date.parse('2026-03-01T09:15:00Z')); // Dana's purchase-history consent
    expect(dated.filter((t) => t > Date.now() - 10 * 60_000)).toEqual([]); // none is the loading time
    await page.goto(`${s.url}/portal/erase`);
    await readPage('/portal/erase', page);
    // The export is JSON for machines (keys kept), downloaded rather than shown as a page.
  });

  it("when a lead opens the editor, the audit log and the adapters' page, then they read no key", async () => {
    const page = await context.newPage();
    await page.addInitScript((t) => sessionStorage.setItem('candor.token', t), s.tokens.lead);
    for (const name of ['prompts', 'audit', 'adapters']) {
      await page.goto(`${s.url}/admin/${name}`);
      await page.locator('#who', { hasText: 'Signed in as lead' }).waitFor();
      if (name === 'audit') await page.locator('#entries tbody tr').first().waitFor();
      await page.waitForLoadState('networkidle');
      await readPage(`/admin/${name}`, page);
    }
  });

  afterAll(() => {
    console.log(
      `words: ${read.length} pages read (${read.map((r) => `${r.page} ${r.chars} chars`).join(', ')}); ` +
        `${read.reduce((n, r) => n + r.keys.length + r.plurals.length, 0)} keys or "(s)" found`,
    );
  });

  it('then no page shows a purpose or category key, or "(s)"', () => {
    expect(read.map((r) => r.page)).toEqual([
      '/demo',
      '/demo preview',
      'panel',
      'options',
      '/portal/start',
      '/portal',
      '/portal/erase',
      '/admin/prompts',
      '/admin/audit',
      '/admin/adapters',
    ]);
    expect(read.filter((r) => r.keys.length || r.plurals.length)).toEqual([]);
  });
});
