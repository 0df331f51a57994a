/**
 * "Who your data goes to" in Debian's Chromium against a real server with a register of recipients and a local
 * OpenAI-compatible model (so the audit log holds model calls): the customer's page lists each recipient in words,
 * the model provider with her own tickets sent to it and when, fits a phone and a desktop and is reached by keyboard;
 * the export and the receipts say the same; a fact erased since leaves the disclosure without its ticket's id.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.js';
import { startFakeOpenAI } from '../harness/fake-openai.js';
import { seedDana, startServer, type TestServer } from '../harness/server.js';

const HELPDESK = {
  name: 'Example Helpdesk Ltd',
  role: 'processor',
  purpose: 'Hosts our helpdesk, where your support tickets and our replies are kept',
  where: 'Ireland (EU)',
  agreement: 'https://helpdesk.example.com/legal/data-processing-agreement',
};
/** A long unbroken word, as configuration may hold, must still wrap on a phone. */
const REPAIRS = {
  name: 'Example Reparaturdienstleistungsgesellschaft GmbH',
  role: 'controller',
  purpose: 'Repairs appliances under warranty when you ask us to send yours in',
  where: 'Nordrhein-Westfalen, Deutschland (EU)',
  agreement: 'https://repairs.example.de/vereinbarungen/datenweitergabevereinbarungzwischendenparteien2026',
};
/** A helpdesk's ticket id can be long and unbroken too. */
const LONG_TICKET = 'zendesk:example-company.zendesk.com/agent/tickets/1042';
const SIZES = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
];

let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
let s: TestServer;
let host: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The ticket's assist over REST, as a panel would open it: the model is called before the answer. */
const assist = async (customerId: string, ticketId: string) => {
  const conversation = [{ role: 'customer', text: 'Hi, my blender stopped working after a week.' }];
  const res = await s.api('POST', '/assist', { ticketId, customerId, conversation }, s.tokens.agent);
  expect(res.status).toBe(200);
};
const modelCalls = async (customerId: string) =>
  (await s.api('GET', `/audit?customerId=${customerId}&kind=model.called`, undefined, s.tokens.lead)).body.entries as {
    seq: number;
    at: string;
    payload: { endpoint: string };
  }[];

beforeAll(async () => {
  fake = await startFakeOpenAI(() => ({ content: JSON.stringify({ suggestions: [] }) }));
  host = new URL(fake.url).host;
  s = await startServer({
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: fake.url,
    CANDOR_MODEL: 'test-model',
    CANDOR_MODEL_RETRIES: '0',
    CANDOR_RECIPIENTS: JSON.stringify([HELPDESK, REPAIRS]),
  });
  await seedDana(s);
  await s.api('PUT', '/customers/c_olu', { displayName: 'Olu O.', email: 'olu@example.org' });
  await assist('c_dana', 'T-1');
  await assist('c_dana', LONG_TICKET);
  await assist('c_dana', 'T-1');
  await assist('c_olu', 'T-olu-7');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: SIZES[0], acceptDownloads: true });
  page = await context.newPage();
  await page.goto(await s.portalLink('c_dana', 'dana@example.org'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
  await fake?.close();
});

describe('who your data goes to', () => {
  it('when a model call is recorded, then its entry names the host the prompt went to', async () => {
    const calls = await modelCalls('c_dana');
    expect(calls).toHaveLength(3);
    for (const c of calls) expect(c.payload.endpoint).toBe(host);
  });

  it(
    'when the customer opens her page, then each recipient is there in words with its agreement, and the ' +
      'model provider with her own tickets sent to it and when',
    async () => {
      const section = page.getByRole('region', { name: 'Who your data goes to' });
      await section.waitFor();
      expect(await section.locator('> p').first().textContent()).toBe(
        'To help you with support, Candor demo shop shares your data with 3 other companies and services: who ' +
          'they are, what they do with it, where, and our agreement with each.',
      );
      const helpdesk = section.locator(`[data-recipient="${HELPDESK.name}"]`);
      expect((await helpdesk.locator('dd').allTextContents()).map((t) => t.trim())).toEqual([
        'Works for us, only on our instructions (a processor)',
        HELPDESK.purpose,
        HELPDESK.where,
        `Our agreement with ${HELPDESK.name}`,
      ]);
      expect(await helpdesk.getByRole('link').getAttribute('href')).toBe(HELPDESK.agreement);
      // Candor sends it nothing itself, so it keeps no record of what it receives: no list, and no "none".
      expect(await helpdesk.locator('.sent').count()).toBe(0);
      expect(await helpdesk.textContent()).not.toContain('None of your support tickets');
      expect(await section.locator(`[data-recipient="${REPAIRS.name}"] dd`).first().textContent()).toBe(
        'Decides for itself how it uses your data (a separate controller)',
      );

      const model = section.locator(`[data-recipient="${host}"]`);
      expect(await model.locator('dd').nth(2).textContent()).toBe('Not stated yet; ask us at privacy@example.org');
      const items = model.locator('.sent li');
      expect(await items.allTextContents()).toEqual([
        expect.stringMatching(/^Ticket T-1: the conversation and your purchase history, 2 times, from .+ to .+ UTC\.$/),
        expect.stringMatching(
          new RegExp(`^Ticket ${LONG_TICKET}: the conversation and your purchase history, on .+ UTC\\.$`),
        ),
      ]);
      // Each time is written by the one formatter, with the instant for machines.
      const calls = await modelCalls('c_dana');
      const times = await items
        .first()
        .locator('time')
        .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
      expect(times).toEqual([calls[2]!.at, calls[0]!.at]);
      // Only her tickets, and nothing agents could not see: the street she never allowed is not named.
      expect(await section.textContent()).not.toMatch(/T-olu-7|street|Harbour/);
    },
  );

  it('when the page is read on a phone or a desktop, then it does not scroll sideways', async () => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const { scroll, inner } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(scroll, `at ${size.width} px`).toBeLessThanOrEqual(inner);
    }
    await page.setViewportSize(SIZES[0]!);
  });

  it('when the customer moves by keyboard, then Tab reaches each agreement link and the address to ask', async () => {
    await page.locator('h1').click(); // start from the top of the page, not from wherever focus was
    const reached: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.closest('.recipient') ? el.textContent : null;
      });
      if (focused) reached.push(focused);
    }
    expect(new Set(reached)).toEqual(
      new Set([`Our agreement with ${HELPDESK.name}`, `Our agreement with ${REPAIRS.name}`, 'privacy@example.org']),
    );
  });

  it('when she downloads her data, then it lists the recipients and the tickets sent to each', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my data (JSON)' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    const calls = await modelCalls('c_dana');
    expect(exported.recipients).toEqual([
      { ...HELPDESK, modelHost: null, sent: null },
      { ...REPAIRS, modelHost: null, sent: null },
      {
        name: host,
        role: 'processor',
        purpose: expect.stringContaining('with your name, contact details and other personal details masked'),
        where: null,
        agreement: null,
        modelHost: host,
        sent: [
          { ticketId: 'T-1', at: [calls[0]!.at, calls[2]!.at], categories: ['purchase history'] },
          { ticketId: LONG_TICKET, at: [calls[1]!.at], categories: ['purchase history'] },
        ],
      },
    ]);
  });

  it('when she downloads the receipt of her support consent, then it names who the data goes to', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('[data-consent="k1"]')
        .getByRole('link', { name: /Receipt/ })
        .click(),
    ]);
    const receipt = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(receipt.candor.change).toBe('granted');
    expect(receipt.services[0].purposes[0]).toMatchObject({
      purposeCategory: ['essential.service.operations.support'],
      thirdPartyDisclosure: true,
      thirdPartyName: `${HELPDESK.name}; ${REPAIRS.name}; ${host}`,
    });
  });

  it('when a fact that went to the model is erased, then the disclosures stay but name no ticket', async () => {
    expect((await s.api('POST', '/customers/c_dana/facts/f1/erase', {}, s.tokens.admin)).status).toBe(200);
    await page.reload();
    const items = page.locator(`[data-recipient="${host}"] .sent li`);
    const [only, ...others] = await items.allTextContents();
    expect(others).toEqual([]);
    expect(only).toMatch(/, 3 times, from .+ to .+ UTC\.$/);
    expect(only!.startsWith('Tickets no longer named (their details were erased at your request): ')).toBe(true);
    expect(only).toContain(': the conversation and your purchase history, 3 times');
    expect(await page.locator('[data-recipient]').last().textContent()).not.toMatch(/T-1|zendesk/);
  });
});
