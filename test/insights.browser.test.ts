/**
 * Insights without identities, end to end: consents seeded through the real API (a rare category held by fewer than
 * k customers among a common one), then the JSON, the CSV and the page in Debian's Chromium must show no figure
 * under k for it, and complementary suppression must keep it from being worked out from its row's total.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../server/config.js';
import type { InsightsReport, InsightsRow } from '../server/protocol/insights.js';
import { startServer, type TestServer } from '../harness/server.js';
import { launchChromium } from './helpers/browser.js';
import { signInAsLead } from './helpers/admin.js';

const K = 5;
const SUPPORT = 'essential.service.operations.support';
const COMMON = 'user.behavior.purchase_history';
const RARE = 'user.behavior.browsing_history';
const RARE_ROW = `${SUPPORT}|${RARE}`;

let s: TestServer;
let browser: Browser;
const now = new Date();
const day = (d: Date) => d.toISOString().slice(0, 10);
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 12));
const RANGE = `from=${day(lastMonth)}&until=${day(now)}&bucket=month`;

const grant = (customerId: string, category: string) =>
  s.api('POST', `/customers/${customerId}/consents`, {
    consent: { id: `k-${category}`, purpose: SUPPORT, categories: [category], status: 'granted', source: 'chat' },
  });

beforeAll(async () => {
  s = await startServer({}, { smtp: false });
  const customers = Array.from({ length: 12 }, (_, i) => `c_${i}`);
  for (const id of customers) await s.api('PUT', `/customers/${id}`, { displayName: `Customer ${id}` });
  // Common: 12 customers this month. Rare: 6 customers last month (imported with its dates), 3 this month.
  for (const id of customers) expect((await grant(id, COMMON)).status).toBe(201);
  for (const id of customers.slice(0, 6)) {
    const imported = await s.api('POST', `/customers/${id}/consents/import`, {
      system: 'the web shop',
      consents: [
        {
          id: 'k-old',
          purpose: SUPPORT,
          categories: [RARE],
          status: 'granted',
          at: lastMonth.toISOString(),
          source: 'checkout',
        },
      ],
    });
    expect(imported.status).toBe(201);
  }
  for (const id of customers.slice(6, 9)) expect((await grant(id, RARE)).status).toBe(201);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const rareRow = (r: InsightsReport): InsightsRow =>
  r.tables.find((t) => t.id === 'consents.granted')!.rows.find((row) => row.key === RARE_ROW)!;

describe('insights without identities', () => {
  it('when a lead asks, then it answers; an agent is refused; a bad query is refused naming the field', async () => {
    expect((await s.api('GET', `/insights?${RANGE}`, undefined, s.tokens.agent)).status).toBe(403);
    expect((await s.api('GET', `/insights?${RANGE}`, undefined, s.tokens.lead)).status).toBe(200);
    expect((await s.api('GET', `/insights?${RANGE}`, undefined, s.tokens.admin)).status).toBe(200);
    const bucket = await s.api('GET', '/insights?bucket=day', undefined, s.tokens.lead);
    expect(bucket.status).toBe(400);
    expect(bucket.body.error.path).toEqual(['query', 'bucket']);
    const backwards = await s.api('GET', '/insights?from=2026-05-01&until=2026-04-01', undefined, s.tokens.lead);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.path).toEqual(['query', 'until']);
    expect(() => parseConfig({ CANDOR_INSIGHTS_MIN_CELL: '1' })).toThrow(/CANDOR_INSIGHTS_MIN_CELL/);
  });

  it('when a category is rare, the JSON has no figure under k for it and its total gives nothing away', async () => {
    const { body } = await s.api('GET', `/insights?${RANGE}`, undefined, s.tokens.lead);
    const r = body as InsightsReport;
    expect(r.minCell).toBe(K);
    expect(r.periods).toHaveLength(2);
    const common = r.tables.find((t) => t.id === 'consents.granted')!.rows.find((row) => row.key.endsWith(COMMON))!;
    expect(common.cells).toEqual([{ value: 0 }, { value: 12 }]);
    expect(common.label).toBe('Purchase history, for Essential for Operations Support');
    const rare = rareRow(r);
    // 6 last month (published on its own) and 3 this month: the 3 is hidden, and so is the 6, or 9 − 6 would say it.
    expect(rare.cells).toEqual([
      { value: null, suppressed: true },
      { value: null, suppressed: true },
    ]);
    expect(rare.total).toEqual({ value: 9 });
    for (const t of r.tables)
      for (const row of t.rows) {
        const figures = [...row.cells, row.total];
        for (const c of figures) if (!c.suppressed) expect(c.value === 0 || c.value >= K).toBe(true);
        expect(figures.filter((c) => c.suppressed).length, `${t.id} ${row.key}`).not.toBe(1);
      }
  });

  it('when the CSV is downloaded, then it carries the same suppression', async () => {
    const res = await fetch(`${s.url}/api/v1/insights?${RANGE}&format=csv`, {
      headers: { authorization: `Bearer ${s.tokens.lead}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^"Table","Row",".+",".+","Total"$/);
    const rare = lines.find((l) => l.includes('Browsing history'))!;
    expect(rare).toBe(
      '"Consents granted","Browsing history, for Essential for Operations Support",suppressed,suppressed,9',
    );
    for (const line of lines.slice(1))
      for (const figure of line.split(',').slice(-3)) expect(figure).toMatch(/^(0|suppressed|[5-9]|\d{2,})$/);
  });

  it('when a lead opens the page, then the rare row reads "fewer than 5", never a count under 5', async () => {
    const page = await browser.newPage();
    await signInAsLead(page, `${s.url}/admin/insights`, s.tokens, 'an agent token cannot open the insights');
    const row = page.locator(`[data-table="consents.granted"] tr[data-row="${RARE_ROW}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    // The page opens on the twelve months up to now: ten empty ones, then last month and this one.
    expect(cells).toEqual([...Array(10).fill('0'), 'fewer than 5', 'fewer than 5', '9']);
    const common = await page.locator(`[data-table="consents.granted"] tr[data-row$="${COMMON}"] td`).allTextContents();
    expect(common.slice(-3)).toEqual(['0', '12', '12']);
    const every = await page.locator('.insights td').allTextContents();
    expect(every.filter((t) => /^[1-4]$/.test(t.trim()))).toEqual([]);
    // The range form works from the keyboard: a bad range is refused in words, beside the fields.
    await page.fill('#from', '2026-05-01');
    await page.fill('#until', '2026-04-01');
    await page.locator('#until').press('Enter');
    await page.locator('#range-error', { hasText: 'query.until' }).waitFor();
    await page.close();
  });
});
