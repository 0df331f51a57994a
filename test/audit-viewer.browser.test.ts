/**
 * The audit viewer (`/admin/audit`) in Debian's Chromium against a real server: an agent token is
 * refused; a lead filters what agents did to which customer, reads the consents a view relied on,
 * and verifies the hash chain, before and after the database file is changed behind its back.
 */
import path from 'node:path';
import { rawDb } from '../server/store/test-backends.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_KINDS } from '../server/audit/chain.js';
import { launchChromium } from './helpers/browser.js';
import { signInAsLead } from './helpers/admin.js';
import { danaTicket, seedDana, startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

let s: TestServer;
let browser: Browser;
let page: Page;
let agentActor: string;

const column = (n: number) => page.locator(`#entries tbody td:nth-child(${n})`).allTextContents();
/** The kinds listed, by their keys: the page shows each in words (checked below), and keeps the key on its row. */
const kinds = () =>
  page.locator('#entries tbody tr[data-kind]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
const customers = () => column(5);
const show = () => page.getByRole('button', { name: 'Show entries' }).click();

beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
  // A second customer, whose consent an agent records as withdrawn on her behalf.
  await s.api('PUT', '/customers/c_eli', { displayName: 'Eli M.', email: 'eli@example.org' });
  await s.api('POST', '/customers/c_eli/consents/import', {
    system: 'the test seed',
    consents: [
      {
        id: 'k2',
        purpose: 'essential.service.operations.support',
        categories: ['user.behavior.purchase_history'],
        status: 'granted',
        at: '2026-03-02T00:00:00Z',
        source: 'checkout',
      },
    ],
  });
  expect((await s.api('POST', '/customers/c_eli/consents/k2/withdraw', {}, s.tokens.agent)).status).toBe(200);
  // The agent opens Dana's ticket: the view and the suggestions are audited.
  expect((await s.api('POST', '/assist', danaTicket, s.tokens.agent)).status).toBe(200);
  agentActor = `agent:${(await s.api('GET', '/me', undefined, s.tokens.agent)).body.tokenId}`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the audit API and page, as the server answers them', () => {
  it('when an agent asks for the log or its verification, then the API answers 403', async () => {
    expect((await s.api('GET', '/audit', undefined, s.tokens.agent)).status).toBe(403);
    expect((await s.api('GET', '/audit/verify', undefined, s.tokens.agent)).status).toBe(403);
    expect((await s.api('GET', '/audit?limit=1', undefined, s.tokens.lead)).status).toBe(200);
  });

  it('serves /admin/audit as a page under the strict CSP', async () => {
    const res = await fetch(`${s.url}/admin/audit`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(
      /default-src 'self'; script-src 'self';.*object-src 'none'/,
    );
    expect(await res.text()).toContain('<script type="module" src="/admin/assets/audit.js"></script>');
  });
});

describe('the audit viewer', () => {
  it('refuses an agent token, and lets a lead in to the newest entries', async () => {
    await signInAsLead(page, `${s.url}/admin/audit`, s.tokens, 'an agent token cannot open the audit log');
    await expect.poll(kinds).toContain('consent.withdrawn');
    const seqs = (await column(1)).map(Number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(
      await page.locator('#kind option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['', ...AUDIT_KINDS]);
  });

  it(
    "when the lead filters by customer, then only that customer's entries " + 'are listed, and the address says so',
    async () => {
      await page.getByLabel('Customer id').fill('c_eli');
      await page.getByLabel('Customer id').press('Enter');
      await expect.poll(customers).toEqual(['c_eli', 'c_eli', 'c_eli']);
      expect(await kinds()).toEqual(['consent.withdrawn', 'consent.granted', 'customer.upserted']);
      expect(await page.locator('tr[data-kind="consent.withdrawn"]').textContent()).toContain('k2');
      expect(new URL(page.url()).searchParams.get('customerId')).toBe('c_eli');
    },
  );

  it(
    'when the lead filters by kind, then a view shows the consents it ' +
      'relied on, the facts shown and what was withheld',
    async () => {
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByLabel('Kind').selectOption('context.viewed');
      await show();
      await expect.poll(kinds).toEqual(['context.viewed']);
      expect(await column(3)).toEqual(['Customer context viewed']);
      const view = page.locator('tr[data-kind="context.viewed"]');
      expect(await view.locator('dl').innerText()).toMatch(
        /Relied on consents\s+k1\s+Facts shown\s+f1\s+Withheld\s+1 fact: street address, [a-z ]+/,
      );
      await page.screenshot({ path: path.join(SHOTS, 'audit-viewer.png'), fullPage: true });

      // The address is a link to this view: opened afresh, it fills the form and shows the same rows.
      await page.goto(page.url());
      await expect.poll(kinds).toEqual(['context.viewed']);
      expect(await page.getByLabel('Kind').inputValue()).toBe('context.viewed');
    },
  );

  it('when the lead filters by agent, then the suggestions shown name the consents each relied on', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Agent or actor').fill(agentActor);
    await show();
    await expect.poll(kinds).toEqual(['suggestions.shown', 'context.viewed', 'consent.withdrawn']);
    // The actor column names the token and its role; its id stays in the cell's title.
    expect(new Set(await column(4))).toEqual(new Set(['test agent, agent']));
    expect(await page.locator('#entries tbody td:nth-child(4) span').first().getAttribute('title')).toBe(agentActor);
    expect(await page.locator('tr[data-kind="suggestions.shown"] dl').innerText()).toMatch(
      /Suggestion 1\s+offline\.\S+ v1: facts f1 · relied on consents k1/,
    );
  });

  it('when the lead picks a time window, then it is sent as UTC and bounds the entries', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.fill('#since', '2099-01-01T00:00');
    await show();
    await page.locator('#entries td', { hasText: 'No entry matches these filters.' }).waitFor();
    const utc = await page.evaluate(() => new Date('2099-01-01T00:00').toISOString());
    expect(new URL(page.url()).searchParams.get('since')).toBe(utc);

    await page.fill('#since', '');
    await page.fill('#until', '2099-01-01T00:00');
    await show();
    await expect.poll(kinds).toContain('suggestions.shown');
  });

  it('when a fact is erased, then the model prompt that carried it shows when its values were erased', async () => {
    // A prompt as the model engine audits it; this server runs the offline engine, which sends none.
    await s.store.audit.append([
      {
        kind: 'model.called',
        actor: agentActor,
        customerId: 'c_dana',
        payload: { ticketId: 'T-1', factIds: ['f1'] },
        sealed: { messages: [{ role: 'user', content: 'Blender Pro 3000' }] },
      },
    ]);
    // The audit API says a prompt is there, never what it says: that goes through /model-calls and the policy.
    const listed = (await s.api('GET', '/audit?kind=model.called', undefined, s.tokens.lead)).body;
    expect(listed.entries[0]).toMatchObject({ sealed: 'held', sealedErasedAt: null });
    expect(JSON.stringify(listed)).not.toContain('Blender');
    expect((await s.api('POST', '/customers/c_dana/facts/f1/erase', {}, s.tokens.agent)).status).toBe(200);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Kind').selectOption('model.called');
    await show();
    const row = page.locator('#entries tbody tr[data-kind="model.called"]').first();
    await row.locator('.erased', { hasText: /^values erased on / }).waitFor();
    expect(await row.textContent()).not.toContain('Blender');
  });

  it(
    'when the lead verifies the chain, then it is reported intact; after a ' +
      'row is changed in the file, the broken entry is named',
    async () => {
      const { entries } = (await s.api('GET', '/audit/verify', undefined, s.tokens.lead)).body;
      await page.getByRole('button', { name: 'Verify chain' }).click();
      await page.locator('#verify-result', { hasText: `The chain is intact: ${entries} entries, head ` }).waitFor();

      const db = rawDb(s.dir);
      const seq = db.prepare("SELECT seq FROM audit WHERE kind = 'consent.withdrawn'").pluck().get() as number;
      db.prepare('UPDATE audit SET payload_json = ? WHERE seq = ?').run(JSON.stringify({ consentId: 'k-forged' }), seq);
      db.close();

      await page.getByRole('button', { name: 'Verify chain' }).click();
      await page
        .locator('#verify-result', {
          hasText: `Broken at entry ${seq}: entry ${seq} was changed after it was written.`,
        })
        .waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'audit-viewer-broken.png'), fullPage: true });
    },
  );

  it('on a phone (375 px wide), then nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${s.url}/admin/audit?kind=suggestions.shown`);
    await expect.poll(kinds).toEqual(['suggestions.shown']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(SHOTS, 'audit-viewer-phone.png'), fullPage: true });
  });

  it('links to the template editor, where the same tab is still signed in', async () => {
    await page.getByRole('navigation', { name: 'Team lead pages' }).getByRole('link', { name: 'Templates' }).click();
    await page.waitForURL(`${s.url}/admin/prompts`);
    await page.locator('#who', { hasText: 'Signed in as lead' }).waitFor();
    await page.locator('[data-template]').first().waitFor();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(`${s.url}/admin/audit`);
    await expect.poll(kinds).toContain('suggestions.shown');
  });
});
