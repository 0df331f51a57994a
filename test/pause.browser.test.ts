/**
 * The one-click pause, in Debian's Chromium against a real server: an agent's panel gets a pause link for the open
 * ticket's customer; a fresh browser opens it (as a mail scanner would, nothing changes), sees nothing about the
 * customer and presses the button; a panel showing the ticket is pushed the view with every fact withheld as
 * `opted_out`; the audit log has the opt-out, as the customer's, by the pause link; the customer's portal shows the
 * pause and resumes it. Then the attacks: forged, changed, expired and other-purpose tokens, another customer's id, a
 * post without the page's protection, a link for an erased customer. Each changes nothing, and no token is logged.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistUpdate } from '../server/protocol/events.js';
import type { AssistView } from '../server/protocol/assist.js';
import { sealPauseToken } from '../server/portal/pause-token.js';
import { launchChromium } from './helpers/browser.js';
import { danaTicket, seedDana, startServer, type PanelClient, type TestServer } from '../harness/server.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
/** What the store holds about Dana: none of it may reach a pause page. */
const DANA = ['Dana', 'dana@example.org', 'c_dana', 'Blender', '1042', 'Harbour', 'Portlow'];

let s: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let agent: PanelClient;
let watcher: PanelClient;
let link: string;
const logs: string[] = [];
/** Every pause token handed out or made here: none may appear in a log line. */
const tokens = new Set<string>();

const open = (panel: PanelClient, ticket: object) =>
  new Promise<AssistView>((resolve, reject) =>
    panel.emit('ticket:open', ticket as never, (a) => (a.ok ? resolve(a.data) : reject(new Error(a.error.message)))),
  );
const pauseLinkFor = (panel: PanelClient, ticketId: string) =>
  new Promise<{ ok: boolean; data?: { url: string; expiresAt: string }; error?: { code: string } }>((resolve) =>
    panel.emit('pause:link', { ticketId }, resolve as never),
  );
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const secret = () => readFileSync(path.join(s.dir, 'portal.key'), 'utf8').trim();

/** The customers' flags and the audit log's newest entry: what a pause would change. */
const state = async () =>
  JSON.stringify({
    flags: await Promise.all(['c_dana', 'c_omar'].map(async (id) => (await s.store.customers.snapshot(id))?.flags)),
    head: (await s.store.audit.list({ limit: 1 }))[0]?.seq,
  });
const optOuts = async (customerId: string) =>
  (await s.api('GET', `/audit?customerId=${customerId}&kind=customer.opted_out`, undefined, s.tokens.lead)).body
    .entries as { actor: string; at: string; payload: { channel: string; at: string } }[];

/** The page as it fits a phone: nothing wider than the window. */
const fits = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Posts a pause form outside any page: the link's token, and what the caller brings of the page's protection. */
const post = (token: string, form: Record<string, string>, cookie?: string) =>
  fetch(`${s.url}/portal/pause/${token}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(form).toString(),
  });
/** What a page's GET gives one client: the cookie it set and the form field bound to it and the link. */
async function pageGives(token: string) {
  const res = await fetch(`${s.url}/portal/pause/${token}`);
  const text = await res.text();
  return {
    status: res.status,
    text,
    cookie: res.headers.get('set-cookie')?.split(';')[0],
    csrf: /name="csrf" value="([^"]+)"/.exec(text)?.[1],
  };
}

beforeAll(async () => {
  s = await startServer({}, { log: (line) => logs.push(line) });
  await seedDana(s);
  await s.api('PUT', '/customers/c_omar', { displayName: 'Omar B.', email: 'omar@example.org' });
  agent = await s.panel();
  watcher = await s.panel();
  expect((await open(agent, danaTicket)).context.shown.map((f) => f.factId)).toEqual(['f1']);
  expect((await open(watcher, danaTicket)).context.shown.map((f) => f.factId)).toEqual(['f1']);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the one-click pause', () => {
  it(
    'when an agent asks for a pause link for the open ticket, then the panel gets a link that names no one; ' +
      'for a ticket not open, or as a lead, it is refused',
    async () => {
      expect(await pauseLinkFor(agent, 'T-not-open')).toMatchObject({ ok: false, error: { code: 'ticket_not_open' } });
      const lead = await s.panel(s.tokens.lead);
      await open(lead, { ...danaTicket, ticketId: 'T-lead' });
      expect(await pauseLinkFor(lead, 'T-lead')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      lead.disconnect();

      const answer = await pauseLinkFor(agent, danaTicket.ticketId);
      expect(answer.ok).toBe(true);
      link = answer.data!.url;
      tokens.add(tokenOf(link));
      expect(link).toMatch(new RegExp(`^${s.url}/portal/pause/[A-Za-z0-9_-]+$`));
      for (const value of DANA) expect(link).not.toContain(value);
      const days = (Date.parse(answer.data!.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(179.9);
      expect(days).toBeLessThanOrEqual(180);
    },
  );

  it(
    'when the link is opened, and fetched again as mail scanners do, then the page says what pausing does, ' +
      'shows nothing of the customer, fits a phone, and nothing changes',
    async () => {
      const before = await state();
      for (let i = 0; i < 3; i++) expect((await fetch(link)).status).toBe(200);
      const response = await page.goto(link);
      expect(response!.status()).toBe(200);
      expect(response!.headers()['cache-control']).toBe('no-store');
      expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.getByRole('heading', { name: 'Pause personalised support' }).waitFor();
      expect(await page.locator('.lead').textContent()).toMatch(/our support team stops using what we hold about you/);
      const html = await page.content();
      for (const value of DANA) expect(html).not.toContain(value);
      expect(await page.locator('script').count()).toBe(0);
      expect(await fits(page)).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, 'pause-phone.png'), fullPage: true });
      expect(await state()).toBe(before);
      expect(await optOuts('c_dana')).toEqual([]);
    },
  );

  it(
    'when the customer presses the button, with the keyboard, then personalisation is paused at the server’s ' +
      'clock, audited as the customer’s by the pause link, and the open panel drops every fact as opted_out',
    async () => {
      const pushed = new Promise<AssistUpdate>((resolve) =>
        watcher.on('assist:updated', (u) => u.notice.kind === 'customer.opted_out' && resolve(u)),
      );
      const from = new Date().toISOString();
      // Tab from the top of the page to the button, and press it.
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Pause personalised support') break;
      }
      expect(await page.evaluate(() => document.activeElement?.localName)).toBe('button');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Personalised support is paused' }).waitFor();
      const until = new Date().toISOString();
      expect(await page.getByRole('status').textContent()).toMatch(/^As of .*\d{4}.* UTC, our support team/);
      const html = await page.content();
      for (const value of DANA) expect(html).not.toContain(value);
      expect(await fits(page)).toBe(true);

      const update = await pushed;
      expect(update.view.ticketId).toBe(danaTicket.ticketId);
      expect(update.view.context.shown).toEqual([]);
      expect(update.view.context.withheld.length).toBeGreaterThan(0);
      expect(new Set(update.view.context.withheld.map((w) => w.reason))).toEqual(new Set(['opted_out']));
      expect(update.view.context.withheld.reduce((n, w) => n + w.count, 0)).toBe(2);
      expect(JSON.stringify(update.view)).not.toContain('Blender');

      expect((await s.api('GET', '/customers/c_dana')).body.flags).toEqual({ optedOut: true, gpc: false });
      const [entry, ...more] = await optOuts('c_dana');
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ actor: 'customer', payload: { channel: 'pause-link' } });
      expect(entry!.payload.at >= from && entry!.payload.at <= until).toBe(true);
    },
  );

  it('when the link is used again, then personalisation stays paused and nothing more is recorded', async () => {
    const before = await state();
    await page.goto(link);
    await page.getByRole('button', { name: 'Pause personalised support' }).click();
    await page.getByRole('heading', { name: 'Personalised support is paused' }).waitFor();
    expect(await state()).toBe(before);
    expect(await optOuts('c_dana')).toHaveLength(1);
  });

  it(
    'when the customer opens their privacy page, then it shows the pause, since when and by the pause link; ' +
      'resuming it brings the facts back to the open panel',
    async () => {
      await page.goto(await s.portalLink('c_dana', 'dana@example.org'));
      const since = page.locator('#paused-since');
      expect(await since.textContent()).toMatch(
        /^Paused since .*\d{4}.* UTC\.\s+By you, with the pause link in a message from us\.$/,
      );
      expect(await page.locator('section[aria-labelledby="optout-title"] > p').first().textContent()).toMatch(
        /^Personalised support is paused/,
      );
      expect(await fits(page)).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, 'portal-paused-phone.png'), fullPage: true });

      const back = new Promise<AssistUpdate>((resolve) =>
        watcher.on('assist:updated', (u) => u.notice.kind === 'customer.opted_in' && resolve(u)),
      );
      await page.getByRole('button', { name: 'Resume personalised support' }).click();
      await page.getByRole('status').filter({ hasText: 'agents may use the data you allowed again' }).waitFor();
      expect(await since.count()).toBe(0);
      expect((await back).view.context.shown.map((f) => f.factId)).toEqual(['f1']);
      expect((await s.api('GET', '/customers/c_dana')).body.flags).toEqual({ optedOut: false, gpc: false });
      // The receipt of the pause says how it came.
      const receipts = await (await context.request.get(`${s.url}/portal/export`)).json();
      expect(
        receipts.receipts.find((r: { candor: { change: string } }) => r.candor.change === 'opted_out'),
      ).toMatchObject({ collectionMethod: 'By you, with the pause link in a message from us' });
    },
  );
});

describe('attacks on the pause link, each of which changes nothing', () => {
  let attacker: Server;
  afterAll(() => attacker?.close());

  it('when the token is forged or changed, then both pages say the link does not work', async () => {
    const before = await state();
    const token = tokenOf(link);
    const changed = [
      `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`,
      `${token.slice(0, -1)}${token.at(-1) === 'A' ? 'B' : 'A'}`,
      token.slice(0, -2),
      Buffer.alloc(63, 7).toString('base64url'),
      'not-a-token',
    ];
    for (const bad of changed) {
      const got = await pageGives(bad);
      expect(got.status, bad).toBe(400);
      expect(got.text).toContain('This link does not work');
      expect(got.cookie).toBeUndefined();
      const { csrf, cookie } = await pageGives(token);
      expect((await post(bad, { csrf: csrf! }, cookie)).status).toBe(400);
    }
    expect(await state()).toBe(before);
  });

  it(
    "when a token is changed to name another customer, or a form names one, then no customer's " +
      'personalisation is paused',
    async () => {
      const before = await state();
      // AES-GCM's ciphertext is XOR-malleable: c_dana becomes c_omar in place; the tag refuses it.
      const raw = Buffer.from(tokenOf(link), 'base64url');
      const at = 12 + '{"c":"'.length;
      for (let i = 0; i < 6; i++) raw[at + i]! ^= 'c_dana'.charCodeAt(i) ^ 'c_omar'.charCodeAt(i);
      const other = raw.toString('base64url');
      expect((await pageGives(other)).status).toBe(400);
      const { csrf, cookie } = await pageGives(tokenOf(link));
      expect((await post(other, { csrf: csrf! }, cookie)).status).toBe(400);
      const named = await post(tokenOf(link), { csrf: csrf!, customerId: 'c_omar' }, cookie);
      expect(named.status).toBe(400);
      expect(await named.text()).toContain('unknown field(s): customerId');
      expect(await state()).toBe(before);
    },
  );

  it('when a portal link’s token is used as a pause token, or the other way round, then it opens nothing', async () => {
    const portal = tokenOf(await s.portalLink('c_omar', 'omar@example.org'));
    const before = await state();
    const got = await pageGives(portal);
    expect(got.status).toBe(400);
    expect(got.text).toContain('This link does not work');
    expect((await post(portal, { csrf: 'x' })).status).toBe(400);
    const res = await fetch(`${s.url}/portal/l/${tokenOf(link)}`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await state()).toBe(before);
  });

  it(
    'when a pause is posted without the page’s protection (no field, a field without its cookie, a cookie and ' +
      'field of another link, a form on another site), then it is refused',
    async () => {
      const answer = await pauseLinkFor(agent, danaTicket.ticketId);
      const token = tokenOf(answer.data!.url);
      tokens.add(token);
      const other = tokenOf((await pauseLinkFor(agent, danaTicket.ticketId)).data!.url);
      tokens.add(other);
      const before = await state();
      const mine = await pageGives(token);
      const theirs = await pageGives(other);

      const empty = await post(token, {}, mine.cookie);
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('csrf');
      const noCookie = await post(token, { csrf: mine.csrf! });
      expect(noCookie.status).toBe(403);
      expect(await noCookie.text()).toContain('this form is out of date');
      expect((await post(token, { csrf: theirs.csrf! }, mine.cookie)).status).toBe(403);
      expect((await post(token, { csrf: theirs.csrf! }, theirs.cookie)).status).toBe(403);
      expect((await post(token, { csrf: mine.csrf! }, theirs.cookie)).status).toBe(403);

      // Another site's page posts the form in a browser that opened the pause page, even with that very page's
      // field: the cookie the field is bound to is SameSite=Strict, so it stays at home.
      const victim = await context.newPage();
      await victim.goto(`${s.url}/portal/pause/${token}`);
      const field = await victim.locator('input[name="csrf"]').getAttribute('value');
      attacker = createServer((_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            `<form method="post" action="${s.url}/portal/pause/${token}">` +
              `<input type="hidden" name="csrf" value="${field}"><button>Win a prize</button></form>`,
          ),
      );
      await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
      await victim.goto(`http://localhost:${(attacker.address() as AddressInfo).port}/`);
      const [refused] = await Promise.all([
        victim.waitForResponse((r) => r.request().method() === 'POST'),
        victim.getByRole('button', { name: 'Win a prize' }).click(),
      ]);
      expect(refused.status()).toBe(403);
      await victim.close();
      expect(await state()).toBe(before);
    },
  );

  it('when the link has expired, then both pages say so, and nothing else', async () => {
    const old = sealPauseToken(secret(), { customerId: 'c_dana', expiresAt: new Date(Date.now() - 1000) });
    tokens.add(old);
    const before = await state();
    const got = await pageGives(old);
    expect(got.status).toBe(410);
    expect(got.text).toContain('This link has expired');
    expect(got.cookie).toBeUndefined();
    for (const value of DANA) expect(got.text).not.toContain(value);
    const { csrf, cookie } = await pageGives(tokenOf(link));
    expect((await post(old, { csrf: csrf! }, cookie)).status).toBe(410);
    expect(await state()).toBe(before);
  });

  it(
    'when the customer was erased, then their link shows the page anyone’s does, pausing records nothing, and ' +
      'nothing says who they were',
    async () => {
      await s.api('PUT', '/customers/c_lin', { displayName: 'Lin Tanaka', email: 'lin@example.org' });
      await open(agent, { ticketId: 'T-lin', customerId: 'c_lin' });
      const token = tokenOf((await pauseLinkFor(agent, 'T-lin')).data!.url);
      tokens.add(token);
      expect((await s.api('POST', '/customers/c_lin/erase', {})).status).toBe(200);
      const before = await state();
      const entries = (await s.store.audit.list({ customerId: 'c_lin', limit: 1000 })).length;

      const theirs = await pageGives(token);
      const anyones = await pageGives(tokenOf(link));
      const blank = (html: string, t: string, csrf: string) => html.replace(t, 'TOKEN').replace(csrf, 'CSRF');
      expect(theirs.status).toBe(200);
      expect(blank(theirs.text, token, theirs.csrf!)).toBe(blank(anyones.text, tokenOf(link), anyones.csrf!));
      const paused = await post(token, { csrf: theirs.csrf! }, theirs.cookie);
      expect(paused.status).toBe(200);
      const text = await paused.text();
      expect(text).toContain('Personalised support is paused');
      for (const value of ['Lin', 'Tanaka', 'lin@example.org', 'c_lin']) expect(text).not.toContain(value);
      expect(await state()).toBe(before);
      expect(await s.store.audit.list({ customerId: 'c_lin', limit: 1000 })).toHaveLength(entries);
    },
  );

  it('when all this is done, then no pause token was written to any log line', () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(tokens.size).toBeGreaterThan(3);
    for (const t of tokens) expect(logs.filter((l) => l.includes(t))).toEqual([]);
  });
});
