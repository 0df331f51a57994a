/**
 * The customer's privacy portal in Debian's Chromium against a real server (real SQLite file, real
 * socket.io panel, a local OpenAI-compatible model so the audit log holds prompts): a customer
 * opens the link, withdraws a consent and an agent's open panel drops the fact within a second;
 * downloads their data and a receipt; erases everything (store, recordings, audit) while the audit
 * chain still verifies; expired, changed and used links are refused with a page that says so; a
 * browser sending `Sec-GPC: 1` has its signal recorded.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openedRows } from '../server/store/test-backends.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistUpdate } from '../server/protocol/events.js';
import type { AssistView } from '../server/protocol/assist.js';
import { signLink } from '../server/portal/links.js';
import { launchChromium } from './helpers/browser.js';
import { startFakeOpenAI } from '../harness/fake-openai.js';
import { danaTicket, seedDana, startServer, type PanelClient, type TestServer } from '../harness/server.js';
import { portalLinkIn } from '../harness/smtp.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
/** Everything the store holds about Dana that erasure must remove. */
const DANA_VALUES = ['Blender Pro 3000', '12 Harbour Road', 'Portlow', 'Dana K.', 'dana@example.org'];

let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
let s: TestServer;
let gateDir: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let panel: PanelClient;
let firstLink: string;

const EMAILS: Record<string, string> = {
  c_dana: 'dana@example.org',
  c_gpc: 'gil@example.org',
  c_other: 'olu@example.org',
  c_lin: 'lin@example.org',
};
/** A link mailed to the customer, as it arrived in their mailbox. */
const link = async (customerId = 'c_dana') => ({ url: await s.portalLink(customerId, EMAILS[customerId]!) });
const openTicket = (socket: PanelClient) =>
  new Promise<AssistView>((resolve, reject) =>
    socket.emit('ticket:open', danaTicket, (a) =>
      a.ok ? resolve(a.data as AssistView) : reject(new Error(a.error.message)),
    ),
  );
/** Every table a customer's values could sit in, as text, each sealed value opened with the key store's keys. */
const dump = () => openedRows(s.dir, ['customers', 'facts', 'audit', 'outcomes', 'consent_records']);
const verify = () =>
  promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/candor.js'), 'audit', 'verify'], {
    env: { ...process.env, CANDOR_DATA_DIR: s.dir, CANDOR_KEY_DIR: path.join(s.dir, 'keys') },
  });

beforeAll(async () => {
  fake = await startFakeOpenAI(() => ({ content: JSON.stringify({ suggestions: [] }) }));
  gateDir = mkdtempSync(path.join(tmpdir(), 'candor-gate-'));
  s = await startServer({
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: fake.url,
    CANDOR_MODEL: 'test-model',
    CANDOR_MODEL_RETRIES: '0',
    CANDOR_GATE_DIR: gateDir,
  });
  await seedDana(s);
  await s.api('PUT', '/settings/recording', { enabled: true }, s.tokens.lead);
  panel = await s.panel();
  const view = await openTicket(panel);
  expect(view.context.shown.map((f) => f.factId)).toEqual(['f1']);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
  await fake?.close();
  if (gateDir) rmSync(gateDir, { recursive: true, force: true });
});

describe('the privacy portal', () => {
  it(
    'when an agent asks for a link, then it is mailed to the address on ' +
      'file and the agent learns only where it went',
    async () => {
      const arrived = s.mail.next('dana@example.org');
      const { status, body } = await s.api('POST', '/customers/c_dana/portal-links', {}, s.tokens.agent);
      expect(status).toBe(201);
      expect(body).toEqual({ sentTo: 'd•••@example.org', expiresAt: expect.any(String) });
      expect(JSON.stringify(body)).not.toContain('/portal/l/');
      const mail = await arrived;
      expect(mail).toMatchObject({
        to: ['dana@example.org'],
        from: 'Candor demo shop <privacy@example.org>',
        subject: 'Your privacy page at Candor demo shop',
      });
      expect(mail.text).toContain('Hello Dana K.,');
      firstLink = portalLinkIn(mail)!;
      expect(firstLink).toMatch(new RegExp(`^${s.url}/portal/l/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    },
  );

  it(
    'when the customer opens the link, then the token leaves the address ' +
      'bar and the page shows everything held, with what agents see and why',
    async () => {
      const response = await page.goto(firstLink);
      expect(response!.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe('/portal');
      await page.getByRole('heading', { name: 'Your data at Candor demo shop' }).waitFor();
      const order = page.locator('[data-fact="f1"]');
      const street = page.locator('[data-fact="f2"]');
      expect(await order.textContent()).toContain('Blender Pro 3000');
      expect(await order.locator('.why').textContent()).toMatch(
        /Support agents can see this, because you allowed it on (1 March 2026|March 1, 2026) \(checkout\)/,
      );
      expect(await street.textContent()).toContain('12 Harbour Road');
      expect(await street.locator('.why').textContent()).toMatch(
        /Agents cannot see this: you have not allowed its use for support/,
      );
      expect(await page.locator('[data-consent="k1"] h3').textContent()).toBe(
        'Use your purchase history to help you with support requests',
      );
      expect(await page.locator('[data-consent="k1"] .recorded-by').textContent()).toBe(
        'Brought over from the test seed.',
      );
      await page.screenshot({ path: path.join(SHOTS, 'portal-phone.png'), fullPage: true });
    },
  );

  it(
    'when the customer withdraws a consent, then the agent’s open panel is ' + 'pushed a view without the fact',
    async () => {
      // How fast it arrives is measured by the benchmark (fanout_p99_ms), not asserted here.
      const dropped = new Promise<AssistUpdate>((resolve) => {
        panel.on('assist:updated', (update) => {
          if (!update.view.context.shown.some((f) => f.factId === 'f1')) resolve(update);
        });
      });
      await page.locator('[data-consent="k1"]').getByRole('button', { name: 'Withdraw this consent' }).click();
      const update = await dropped;
      expect(update.notice).toMatchObject({
        kind: 'consent.withdrawn',
        text: 'Customer withdrew consent for purchase history',
      });
      expect(JSON.stringify(update.view)).not.toContain('Blender');
      await page.getByRole('status').filter({ hasText: 'that consent is withdrawn' }).waitFor();
      expect(await page.locator('[data-fact="f1"] .why').textContent()).toMatch(/you withdrew the consent/);
      expect(await page.locator('[data-consent="k1"]').getByRole('button').textContent()).toBe('Allow this again');
    },
  );

  it('when the customer downloads their data, then it is valid JSON that matches what the store holds', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my data (JSON)' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    const facts = (await s.api('GET', '/customers/c_dana/facts')).body.facts as { id: string; text: string }[];
    const { consents, history } = (await s.api('GET', '/customers/c_dana/consents', undefined, s.tokens.lead)).body;
    const audit = (await s.api('GET', '/audit?customerId=c_dana&limit=1000', undefined, s.tokens.lead)).body
      .entries as { seq: number }[];
    expect(exported).toMatchObject({
      format: 'candor.export/v1',
      customer: { id: 'c_dana', displayName: 'Dana K.', email: 'dana@example.org', erasedAt: null },
      flags: { optedOut: false, gpc: false },
    });
    expect(exported.facts.map((f: { id: string; text: string }) => [f.id, f.text])).toEqual(
      facts.map((f) => [f.id, f.text]),
    );
    expect(exported.consents.map(({ allows: _, state: __, ...k }: Record<string, unknown>) => k)).toEqual(consents);
    expect(exported.consentHistory).toEqual(history);
    expect(exported.audit.map((e: { seq: number }) => e.seq)).toEqual(audit.map((e) => e.seq).reverse());
    expect(
      exported.audit.some(
        (e: { kind: string; sealed?: unknown }) =>
          e.kind === 'model.called' && JSON.stringify(e.sealed).includes('Blender'),
      ),
    ).toBe(true);
  });

  it(
    'when the customer downloads the receipt of the withdrawal, then it ' + 'has the Kantara consent receipt fields',
    async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page
          .locator('[data-consent="k1"]')
          .getByRole('link', { name: /Receipt/ })
          .click(),
      ]);
      const receipt = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(receipt).toMatchObject({
        version: 'KI-CR-v1.1.0',
        jurisdiction: 'EU',
        consentReceiptID: expect.stringMatching(/^cr-c_dana-c\d+$/),
        consentTimestamp: expect.any(Number),
        collectionMethod: 'By you, in your privacy page',
        piiPrincipalId: 'c_dana',
        piiControllers: [{ piiController: 'Candor demo shop', email: 'privacy@example.org' }],
        policyUrl: 'https://example.org/privacy',
        services: [
          {
            purposes: [
              {
                purpose: 'Use your purchase history to help you with support requests',
                purposeCategory: ['essential.service.operations.support'],
                piiCategory: ['user.behavior.purchase_history'],
                termination: expect.stringContaining(`${s.url}/portal`),
              },
            ],
          },
        ],
        sensitive: false,
        candor: { change: 'withdrawn', consentId: 'k1' },
      });
    },
  );

  it('when the customer erases their data, then store, recordings and audit keep no value of theirs', async () => {
    const recordings = readdirSync(path.join(s.dir, 'recordings')).filter((f) => f.endsWith('.json'));
    expect(recordings).toHaveLength(1);
    const id = recordings[0]!.replace(/\.json$/, '');
    expect((await s.api('POST', `/recordings/${id}/add-to-gate`, {}, s.tokens.lead)).status).toBe(201);
    expect(dump()).toContain('Blender Pro 3000');

    const told = new Promise<AssistUpdate>((resolve) =>
      panel.on('assist:updated', (u) => u.notice.kind === 'customer.erased' && resolve(u)),
    );
    await page.getByRole('link', { name: 'Erase my data…' }).click();
    await page.getByRole('button', { name: 'Erase my data' }).click();
    // The browser's own check first: nothing happens until the box is ticked.
    expect(new URL(page.url()).pathname).toBe('/portal/erase');
    await page.getByLabel('I understand that my data will be erased and cannot be brought back.').check();
    await page.getByRole('button', { name: 'Erase my data' }).click();
    await page.getByRole('heading', { name: 'Your data was erased' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'portal-erased.png'), fullPage: true });

    const after = dump();
    for (const value of DANA_VALUES) expect(after).not.toContain(value);
    expect(existsSync(path.join(s.dir, 'recordings', `${id}.json`))).toBe(false);
    expect(existsSync(path.join(gateDir, `${id}.json`))).toBe(false);
    expect((await told).view.context.shown).toEqual([]);
    const { stdout } = await verify();
    expect(stdout).toMatch(/^audit chain verified: \d+ entries/);
    // Her links went with her data: the one she used no longer opens anything.
    expect((await page.goto(firstLink))!.status()).toBe(400);
    const [entry] = (await s.api('GET', '/audit?customerId=c_dana&kind=customer.erased', undefined, s.tokens.lead)).body
      .entries;
    expect(entry).toMatchObject({
      actor: 'customer',
      payload: { factIds: ['f1', 'f2'], recordings: [id], channel: 'portal' },
    });
  });

  it('when a link was changed, has expired or was used already, then a page says which and nothing opens', async () => {
    await s.api('PUT', '/customers/c_lin', { displayName: 'Lin T.', email: 'lin@example.org' });
    const fresh = await link('c_lin');
    // Any one character changed, in what the link says or in its signature, and it does not open.
    const token = fresh.url.slice(fresh.url.lastIndexOf('/') + 1);
    for (const at of [5, token.indexOf('.') + 3, token.length - 1]) {
      const changed = `${s.url}/portal/l/${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
      const response = await page.goto(changed);
      expect(response!.status()).toBe(400);
      expect(await page.getByRole('heading').textContent()).toBe('This link does not work');
    }

    const secret = readFileSync(path.join(s.dir, 'portal.key'), 'utf8').trim();
    const old = signLink(secret, { customerId: 'c_dana', nonce: 'n-old', expiresAt: new Date(Date.now() - 60_000) });
    const expired = `${s.url}/portal/l/${old}`;
    let response = await page.goto(expired);
    expect(response!.status()).toBe(410);
    expect(await page.getByRole('heading').textContent()).toBe('This link has expired');
    expect(await page.locator('p').textContent()).toMatch(/ask for a new one/);
    // Written as every date Candor shows a customer (in the browser's language), not as an HTTP date
    // ("Fri, 04 Dec 2026 14:53:51 GMT").
    expect(await page.locator('p').textContent()).toMatch(/expired on .*\d{4} at .* UTC\./);

    expect((await page.goto(fresh.url))!.status()).toBe(200);
    response = await page.goto(fresh.url);
    expect(response!.status()).toBe(410);
    expect(await page.getByRole('heading').textContent()).toBe('This link was already used');
    // Whom to tell, and how: the controller's address as a mail link; and where to ask again.
    expect(await page.getByRole('link', { name: 'privacy@example.org' }).getAttribute('href')).toBe(
      'mailto:privacy@example.org',
    );
    expect(await page.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/portal/start');
    await page.screenshot({ path: path.join(SHOTS, 'portal-link-used.png') });
  });

  it(
    'when the portal is opened by a browser sending Sec-GPC: 1, then the ' +
      'signal is recorded for the customer and the page says so',
    async () => {
      await s.api('PUT', '/customers/c_gpc', { displayName: 'Gil P.', email: 'gil@example.org' });
      const gpc = await browser.newContext({ extraHTTPHeaders: { 'Sec-GPC': '1' } });
      try {
        const p = await gpc.newPage();
        await p.goto((await link('c_gpc')).url);
        expect(await p.locator('#gpc').textContent()).toMatch(/Your browser sent a Global Privacy Control signal/);
        expect((await s.api('GET', '/customers/c_gpc')).body.flags).toEqual({ optedOut: false, gpc: true });
        const [entry] = (await s.api('GET', '/audit?customerId=c_gpc&kind=customer.gpc', undefined, s.tokens.lead)).body
          .entries;
        expect(entry).toMatchObject({ actor: 'customer', payload: { channel: 'portal-gpc' } });
      } finally {
        await gpc.close();
      }
    },
  );
});

describe('who can reach portal data', () => {
  it(
    'when an agent token is sent instead of a portal session, then the ' +
      'portal answers 401 and shows no data; the audit API refuses it too',
    async () => {
      await s.api('PUT', '/customers/c_other', { displayName: 'Olu O.', email: 'olu@example.org' });
      for (const route of ['/portal', '/portal/export', '/portal/erase']) {
        const res = await fetch(`${s.url}${route}`, { headers: { authorization: `Bearer ${s.tokens.agent}` } });
        expect(res.status).toBe(401);
        expect(await res.text()).not.toContain('Olu');
      }
      expect((await s.api('GET', '/audit', undefined, s.tokens.agent)).status).toBe(403);
      expect((await s.api('GET', '/audit/verify', undefined, s.tokens.agent)).status).toBe(403);
    },
  );

  it('when a portal session asks for another customer, then it still only ever sees its own', async () => {
    const ctx = await browser.newContext();
    try {
      const p = await ctx.newPage();
      await p.goto((await link('c_gpc')).url);
      const res = await ctx.request.get(`${s.url}/portal/export?customerId=c_other`);
      const exported = await res.json();
      expect(exported.customer.id).toBe('c_gpc');
      expect(JSON.stringify(exported)).not.toContain('Olu');
    } finally {
      await ctx.close();
    }
  });

  it('when a form is posted without the session’s form field, then it is refused and nothing changes', async () => {
    const ctx = await browser.newContext();
    try {
      const p = await ctx.newPage();
      await p.goto((await link('c_other')).url);
      const res = await ctx.request.post(`${s.url}/portal/opt-out`, { form: { csrf: 'forged' } });
      expect(res.status()).toBe(403);
      expect(await res.text()).toContain('this form is out of date');
      expect((await s.api('GET', '/customers/c_other')).body.flags).toEqual({ optedOut: false, gpc: false });
    } finally {
      await ctx.close();
    }
  });
});
