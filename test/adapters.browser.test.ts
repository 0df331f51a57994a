/**
 * Each helpdesk adapter against its fixture page in Chromium: it alone recognises the page, reads
 * the ticket exactly, and writes into the reply editor so that what the helpdesk would submit
 * holds the text (line breaks kept, a second insert appended), without sending.
 * The adapters are bundled with esbuild, as in the extension, and put into the page.
 */
import { build } from 'esbuild';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.js';
import { serveFixtures } from './helpers/fixtures.js';

const CONVERSATION = [
  { role: 'customer', text: 'Hi, my blender stopped working after a week.' },
  { role: 'agent', text: 'Sorry to hear that! Does it power on at all?' },
  { role: 'customer', text: 'No, nothing happens when I press the button.' },
];

const EXPECTED = {
  zendesk: { ticketId: '4821', agentName: 'Sam Carter' },
  freshdesk: { ticketId: '4821' },
  helpscout: { ticketId: '4821' },
  intercom: { ticketId: '4821' },
  front: { ticketId: 'cnv_4821' },
} as const;

let browser: Browser;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let bundle: string;

beforeAll(async () => {
  const out = await build({
    stdin: { contents: "import { ADAPTERS, pickAdapter } from './extension/content/adapters/index.ts'; window.candorAdapters = { ADAPTERS, pickAdapter };", resolveDir: path.resolve(import.meta.dirname, '..'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'chrome116',
    write: false,
  });
  bundle = out.outputFiles[0]!.text;
  fixtures = await serveFixtures();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

type Adapters = { ADAPTERS: { id: string; detect(d: Document): boolean; read(d: Document): unknown; insert(d: Document, t: string): Promise<unknown> }[]; pickAdapter(d: Document): { id: string } | null };

async function open(name: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${fixtures.url}/helpdesks/${name}.html`);
  await page.addScriptTag({ content: bundle });
  return page;
}

const state = (page: Page) =>
  page.evaluate(() => {
    const f = (window as unknown as { __fixture: { editorText(): string; sent: number } }).__fixture;
    return { text: f.editorText(), sent: f.sent };
  });

describe.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('the %s adapter', (id) => {
  it('alone recognises its page, reads the ticket exactly, and inserts without sending', async () => {
    const page = await open(id);
    expect(await page.evaluate(() => (window as unknown as { candorAdapters: Adapters }).candorAdapters.ADAPTERS.filter((a) => a.detect(document)).map((a) => a.id))).toEqual([id]);
    const read = await page.evaluate(() => {
      const { pickAdapter } = (window as unknown as { candorAdapters: Adapters }).candorAdapters;
      return (pickAdapter(document) as unknown as { read(d: Document): unknown }).read(document);
    });
    expect(read).toMatchObject({
      ...EXPECTED[id],
      subject: 'Blender stopped working',
      requesterEmail: 'dana.kowalski@example.org',
      requesterName: 'Dana Kowalski',
      conversation: CONVERSATION,
      canInsert: true,
    });

    const insert = (text: string) =>
      page.evaluate((t) => {
        const { pickAdapter } = (window as unknown as { candorAdapters: Adapters }).candorAdapters;
        return (pickAdapter(document) as unknown as { insert(d: Document, t: string): Promise<unknown> }).insert(document, t);
      }, text);
    expect(await insert('First line.\nSecond line.')).toMatchObject({ ok: true });
    expect((await state(page)).text).toBe('First line.\nSecond line.');
    expect(await insert('And more.')).toMatchObject({ ok: true });
    expect(await state(page)).toEqual({ text: 'First line.\nSecond line.\nAnd more.', sent: 0 });
    await page.close();
  });
});

describe('pages without an open ticket', () => {
  it('a helpdesk list page is recognised but has no ticket to read', async () => {
    const page = await open('inbox-list');
    expect(await page.evaluate(() => {
      const { pickAdapter } = (window as unknown as { candorAdapters: Adapters }).candorAdapters;
      const a = pickAdapter(document) as unknown as { id: string; read(d: Document): unknown };
      return [a.id, a.read(document)];
    })).toEqual(['zendesk', null]);
    await page.close();
  });

  it('when a model-driven editor is written to directly, then the helpdesk never sees the text (why adapters use input events)', async () => {
    const page = await open('zendesk');
    await page.evaluate(() => { document.querySelector('.ck-editor__editable')!.textContent = 'set behind the editor’s back'; });
    await page.waitForTimeout(50);
    expect((await state(page)).text).toBe('');
    await page.close();
  });
});
