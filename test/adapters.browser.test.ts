/**
 * The helpdesk adapters in Chromium, bundled with esbuild as in the extension and put into each
 * fixture page (and the real /demo page): the right adapter alone recognises the page, reads the
 * ticket exactly, and writes into the reply editor so that what the helpdesk would send holds the
 * text, line breaks kept, a second insert appended, and nothing sent. Zendesk's page also runs the
 * real CKEditor 5 (npm `ckeditor5`, bundled here at test time).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TICKETS } from '../server/demo/data.js';
import { bundleAdapters, runAdapters } from './helpers/adapters.js';
import { launchChromium, openBlenderTicket } from './helpers/browser.js';
import { bundleCKEditor5 } from './helpers/ckeditor5.js';
import { serveFixtures } from './helpers/fixtures.js';
import { startServer, type TestServer } from '../harness/server.js';

type Fixture = { editorText(): string; sent: number };

const DANA = {
  subject: 'Blender stopped working',
  requesterEmail: 'dana.kowalski@example.org',
  requesterName: 'Dana Kowalski',
  canInsert: true,
};
const CONVERSATION = [
  {
    role: 'customer',
    text:
      'Hi, the Blender Pro 3000 from my order #1042 stopped working after a ' +
      "week.\n\nThe motor hums but the blades don't turn.",
  },
  { role: 'agent', text: 'Sorry to hear that, Dana! Is the jug clicked firmly onto the base?' },
  { role: 'customer', text: 'Yes, it clicks into place. Could you send a replacement?' },
];
const ZENDESK_TIMES = ['2026-11-19T08:42:00.000Z', '2026-11-19T09:05:00.000Z', '2026-11-19T09:12:00.000Z'];

/** Each fixture's ticket, and which way into its editor takes the text (see insert.ts). */
const FIXTURES = {
  zendesk: {
    ticketId: '5120',
    conversation: CONVERSATION.map((m, i) => ({ ...m, at: ZENDESK_TIMES[i] })),
    how: 'editor-api',
  },
  // Froala takes the paste itself, late (see freshdesk.html); `?paste=ignored` below shows the other way.
  freshdesk: { ticketId: '77301', conversation: CONVERSATION, how: 'editor-api' },
  helpscout: { ticketId: '2615606748', conversation: CONVERSATION, how: 'editor-api' },
  intercom: { ticketId: '215470000000777', conversation: CONVERSATION, how: 'editor-api' },
  front: { ticketId: 'cnv_5g2x1k', conversation: CONVERSATION, how: 'editor-api' },
} as const;

const REPLY = 'Thanks, Dana. I am sending a new jug today.\nIt should arrive by Friday.';
const MORE = 'Anything else I can help with?';

let bundle: string;
let ckeditor5: Awaited<ReturnType<typeof bundleCKEditor5>>;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [bundle, ckeditor5] = await Promise.all([bundleAdapters(), bundleCKEditor5()]);
  fixtures = await serveFixtures({ ckeditor5Dir: ckeditor5.dir });
  browser = await launchChromium();
  context = await browser.newContext({ bypassCSP: true }); // /demo's CSP allows no inline script
});
afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
  await ckeditor5?.remove();
});

async function withAdapters(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: bundle });
  return page;
}

const fixtureState = (page: Page) =>
  page.evaluate(() => {
    const f = (window as unknown as { __fixture: Fixture }).__fixture;
    return { text: f.editorText(), sent: f.sent };
  });

describe.each(Object.entries(FIXTURES))('the %s adapter on its fixture page', (id, expected) => {
  it('alone recognises the page, reads the ticket exactly, and appends to the reply without sending', async () => {
    const page = await withAdapters(`${fixtures.url}/helpdesks/${id}.html`);
    expect(await runAdapters(page, 'detected')).toEqual([id]);
    const read = await runAdapters(page, 'read');
    expect(read).toEqual({ ticketId: expected.ticketId, ...DANA, conversation: expected.conversation });
    // Every page has an internal note: it never reaches what Candor reads.
    expect(JSON.stringify(read)).not.toContain('Warehouse');

    expect(await runAdapters(page, 'insert', REPLY)).toEqual({ ok: true, how: expected.how });
    expect(await fixtureState(page)).toEqual({ text: REPLY, sent: 0 });
    expect(await runAdapters(page, 'insert', MORE)).toEqual({ ok: true, how: expected.how });
    expect(await fixtureState(page)).toEqual({ text: `${REPLY}\n${MORE}`, sent: 0 });
    await page.close();
  });
});

/** What the reply holds once the editor has had time to take a late paste, or a second one. */
const settledState = async (page: Page) => {
  await page.waitForTimeout(600);
  return fixtureState(page);
};

describe('inserting into each editor the way it takes text', () => {
  it.each(['late', 'ignored'])(
    'when Froala (Freshdesk) handles the paste %s, then the reply holds the text exactly once',
    async (paste) => {
      const page = await withAdapters(`${fixtures.url}/helpdesks/freshdesk.html?paste=${paste}`);
      const how = paste === 'late' ? 'editor-api' : 'contenteditable';
      expect(await runAdapters(page, 'insert', REPLY)).toEqual({ ok: true, how });
      expect(await settledState(page)).toEqual({ text: REPLY, sent: 0 });
      expect(await runAdapters(page, 'insert', MORE)).toEqual({ ok: true, how });
      expect(await settledState(page)).toEqual({ text: `${REPLY}\n${MORE}`, sent: 0 });
      await page.close();
    },
  );

  it(
    'when Zendesk runs the real CKEditor 5, then its data holds the reply once, as paragraphs, ' +
      'and markup in the text stays text',
    async () => {
      const page = await withAdapters(`${fixtures.url}/helpdesks/zendesk.html?editor=ckeditor5`);
      await page.evaluate(() => (window as unknown as { __editorReady: Promise<void> }).__editorReady);
      const data = () =>
        page.evaluate(() => (window as unknown as { __ckeditor: { getData(): string } }).__ckeditor.getData());
      expect(await runAdapters(page, 'read')).toMatchObject({ ticketId: '5120', canInsert: true });

      expect(await runAdapters(page, 'insert', REPLY)).toEqual({ ok: true, how: 'editor-api' });
      expect(await data()).toBe('<p>Thanks, Dana. I am sending a new jug today.</p><p>It should arrive by Friday.</p>');
      const tricky = 'Use <b>this</b> & "that" <img src=x onerror=alert(1)>';
      expect(await runAdapters(page, 'insert', tricky)).toEqual({ ok: true, how: 'editor-api' });
      expect(await data()).toBe(
        '<p>Thanks, Dana. I am sending a new jug today.</p><p>It should arrive by Friday.</p>' +
          '<p>Use &lt;b&gt;this&lt;/b&gt; &amp; "that" &lt;img src=x onerror=alert(1)&gt;</p>',
      );
      expect(await page.locator('#reply-editor b, #reply-editor img').count()).toBe(0);
      expect((await settledState(page)).sent).toBe(0);
      await page.close();
    },
  );
});

describe('pages that are not one open ticket', () => {
  it(
    'when a helpdesk list page is open, then its adapter recognises it but ' + 'reads no ticket and inserts nowhere',
    async () => {
      const page = await withAdapters(`${fixtures.url}/helpdesks/inbox-list.html`);
      expect(await runAdapters(page, 'detected')).toEqual(['zendesk']);
      expect(await runAdapters(page, 'read')).toBeNull();
      expect(await runAdapters(page, 'insert', REPLY)).toEqual({
        ok: false,
        reason: 'box_none',
      });
      await page.close();
    },
  );

  it('when another Zendesk ticket stays mounted in the background, then it is neither read nor written', async () => {
    const page = await withAdapters(`${fixtures.url}/helpdesks/zendesk.html`);
    expect(JSON.stringify(await runAdapters(page, 'read'))).not.toMatch(/Ben|Okafor|Parcel/);
    await runAdapters(page, 'insert', REPLY);
    expect(await page.locator('#background-editor').textContent()).toBe('');
    await page.close();
  });
});

// Why insert.ts pastes first: these editors keep the reply in their own model.
describe.each(['zendesk', 'helpscout', 'front'])('the %s fixture editor, like the real one', (id) => {
  it(
    'when text reaches only its DOM (set directly, or by execCommand, ' +
      'which fires no beforeinput), then the reply does not hold it, and a ' +
      'key typed after it is all the reply holds',
    async () => {
      const page = await context.newPage();
      await page.goto(`${fixtures.url}/helpdesks/${id}.html`);
      const shown = () =>
        page.evaluate(
          () => document.querySelector<HTMLElement>('[contenteditable="true"]:not([hidden] *)')!.textContent,
        );
      await page.evaluate(() => {
        const editor = document.querySelector<HTMLElement>('[contenteditable="true"]:not([hidden] *)')!;
        editor.textContent = 'set behind its back';
        editor.focus();
        document.execCommand('insertText', false, 'typed by execCommand');
      });
      // The editor has seen the foreign text once it shows its own empty reply again (at once, or at its next render).
      await expect.poll(shown, { timeout: 10_000 }).toBe('');
      // Real typing comes after it and reaches the reply: had the foreign text been taken, it would stand before this.
      await page.keyboard.type('ok');
      await expect.poll(() => fixtureState(page), { timeout: 10_000 }).toEqual({ text: 'ok', sent: 0 });
      expect(await shown()).toBe('ok');
      await page.close();
    },
  );
});

describe('the demo adapter on the real /demo page', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ CANDOR_DEMO: 'true' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reads the ticket the agent opened and appends to its reply box without sending', async () => {
    const page = await withAdapters(`${s.url}/demo`);
    await openBlenderTicket(page);
    await page.locator('article#ticket[data-candor-ticket-id="T-1001"]').waitFor();
    const ticket = DEMO_TICKETS.find((t) => t.id === 'T-1001')!;
    expect(await runAdapters(page, 'detected')).toEqual(['demo']);
    expect(await runAdapters(page, 'read')).toEqual({
      ticketId: 'T-1001',
      subject: ticket.subject,
      requesterEmail: ticket.requesterEmail,
      requesterName: ticket.requesterName,
      conversation: ticket.messages.map(({ role, text, at }) => ({ role, text, at: new Date(at).toISOString() })),
      canInsert: true,
    });

    expect(await runAdapters(page, 'insert', REPLY)).toEqual({ ok: true, how: 'textarea' });
    expect(await page.inputValue('#reply')).toBe(REPLY);
    expect(await runAdapters(page, 'insert', MORE)).toEqual({ ok: true, how: 'textarea' });
    expect(await page.inputValue('#reply')).toBe(`${REPLY}\n${MORE}`);
    expect(await page.locator('#messages li').count()).toBe(ticket.messages.length);
    await page.close();
  });
});
