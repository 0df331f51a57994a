/**
 * Pages that fit and pages everyone can use, in Debian's Chromium against a real server: every page
 * an agent, a customer or a lead sees is opened at 1,280x800 and at 1,024 px wide (the portal's also
 * at 390 px, a phone) and must not scroll sideways (`scrollWidth <= innerWidth`); and axe-core, run
 * in the page, must find nothing serious or critical. The figures are printed as one table.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../scripts/build.mjs';
import { seedDemo } from '../server/demo/seed.js';
import { pauseLink } from '../server/portal/pause-token.js';
import { demoPanel, launchWithExtension, openBlenderTicket } from './helpers/browser.js';
import { startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
];
const PHONE = { width: 390, height: 844 };

interface Finding {
  id: string;
  impact: string | null;
  nodes: string[];
}
const table: { page: string; widths: string; axe: Record<string, number>; rules: string[] }[] = [];

let s: TestServer;
let extDir: string;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;

/**
 * Widths at each size, then axe at the first: what is wrong, in words, or nothing. `target` is the document checked,
 * when it is a frame in `page` (the /demo preview): its own width must fit its frame.
 */
async function check(name: string, page: Page, sizes = DESKTOP, target: Page | Frame = page): Promise<string[]> {
  const problems: string[] = [];
  const widths: string[] = [];
  for (const size of [...sizes].reverse()) {
    await page.setViewportSize(size);
    await page.waitForTimeout(50);
    const { scroll, inner, over } = await target.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      // The outermost elements that reach past the window's right edge: where to look.
      over: [...document.body.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter((e) => !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 0.5))
        .slice(0, 4)
        .map((e) => `${e.localName}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`),
    }));
    widths.push(`${size.width}:${scroll}`);
    if (scroll > inner) problems.push(`${name} at ${size.width} px is ${scroll} px wide (${over.join(', ')})`);
  }
  const findings = await axe(target);
  const axeCounts: Record<string, number> = {};
  for (const f of findings) axeCounts[f.impact ?? 'none'] = (axeCounts[f.impact ?? 'none'] ?? 0) + f.nodes.length;
  table.push({
    page: name,
    widths: widths.join(' '),
    axe: axeCounts,
    rules: findings.map((f) => `${f.id} (${f.impact})`),
  });
  for (const f of findings.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
    problems.push(`${name}: axe ${f.impact} ${f.id} on ${f.nodes.slice(0, 3).join(', ')}`);
  await page.setViewportSize(sizes[0]!);
  return problems;
}

/** axe-core in the page, evaluated through the DevTools protocol (so the page's CSP does not refuse it). */
async function axe(page: Page | Frame): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: Document,
          o: object,
        ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
      };
    };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

const tabIdOf = (url: string) =>
  worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);

async function signInAsLead(page: Page, url: string) {
  await page.goto(url);
  const token = page.locator('#token');
  if (await token.isVisible()) {
    await token.fill(s.tokens.lead);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
}

beforeAll(async () => {
  s = await startServer({ CANDOR_DEMO: 'true' }, { smtp: false });
  await seedDemo(s.store);
  await s.api('PUT', '/settings/recording', { enabled: true }, s.tokens.lead);
  extDir = mkdtempSync(path.join(tmpdir(), 'candor-ext-'));
  await buildExtension(extDir);
  ({ context, worker, extensionId } = await launchWithExtension(extDir));
  await worker.evaluate(([serverUrl, token]) => chrome.storage.local.set({ serverUrl, token }), [
    s.url,
    s.tokens.agent,
  ] as const);
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await s?.close();
  if (extDir) rmSync(extDir, { recursive: true, force: true });
  console.log(
    `pages: ${table.length}\n${table
      .map(
        (r) =>
          `  ${r.page.padEnd(34)} widths ${r.widths.padEnd(28)} axe ${JSON.stringify(r.axe)} ${r.rules.join(', ')}`,
      )
      .join('\n')}`,
  );
});

describe('every page fits the screen and axe finds nothing serious', () => {
  it('the /demo helpdesk with a ticket open, and the side panel beside it', async () => {
    const demo = await context.newPage();
    await demo.setViewportSize(DESKTOP[0]!);
    const preview = await demoPanel(demo, s.url, s.tokens.agent);
    await openBlenderTicket(demo);
    await preview.locator('.suggestion-text').first().waitFor();
    const problems = await check('/demo', demo);
    problems.push(...(await check('/demo preview (the panel in its frame)', demo, DESKTOP, preview)));

    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${await tabIdOf(demo.url())}`);
    await panel.locator('#connection[data-state="connected"]').waitFor();
    await panel.locator('.suggestion').first().waitFor();
    const narrow = [...DESKTOP, { width: 360, height: 800 }];
    problems.push(...(await check('panel', panel, narrow)));
    // Rated (the reason field open), then with the server gone: the banner, greyed view and disabled Insert.
    await panel.getByRole('button', { name: 'Good suggestion' }).first().click();
    await panel.getByRole('textbox', { name: /Reason for your rating/ }).waitFor();
    const restarting = s.restart(2500);
    await panel.locator('#offline:not([hidden])').waitFor({ timeout: 5000 });
    problems.push(...(await check('panel (rated, not connected)', panel, narrow)));
    await restarting;
    await panel.locator('#connection[data-state="connected"]').waitFor({ timeout: 10_000 });
    await panel.close();
    await demo.close();
    expect(problems).toEqual([]);
  });

  it('the extension options', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator('#helpdesks li').first().waitFor();
    const problems = await check('options', options);
    await options.close();
    expect(problems).toEqual([]);
  });

  // Receipts and the export are downloads (JSON), not pages.
  it('the privacy portal: start, its answer, the signed-in page, erase, a used link, signed out', async () => {
    const page = await context.newPage();
    const sizes = [...DESKTOP, PHONE];
    const problems: string[] = [];
    await page.goto(`${s.url}/portal/start`);
    problems.push(...(await check('/portal/start', page, sizes)));
    await page.fill('#email', 'dana.kowalski@example.org');
    await page.getByRole('button', { name: 'E-mail me a link' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    problems.push(...(await check('/portal/start (sent)', page, sizes)));

    await page.goto(`${s.url}/demo/outbox`);
    await page.locator('.mail a').first().waitFor();
    problems.push(...(await check('/demo/outbox', page)));
    const link = (await page.locator('.mail a').first().getAttribute('href'))!;
    await page.goto(link);
    await page.locator('[data-fact]').first().waitFor();
    problems.push(...(await check('/portal', page, sizes)));
    await page.goto(`${s.url}/portal/erase`);
    problems.push(...(await check('/portal/erase', page, sizes)));
    await page.goto(link); // a link works once
    problems.push(...(await check('/portal/l/… (used)', page, sizes)));
    await page.goto(`${s.url}/portal`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Signed out' }).waitFor();
    problems.push(...(await check('/portal (signed out)', page, sizes)));
    await page.close();
    expect(problems).toEqual([]);
  });

  it('the pause link: what pausing does, its answer, a changed link', async () => {
    const page = await context.newPage();
    const sizes = [...DESKTOP, PHONE];
    const secret = readFileSync(path.join(s.dir, 'portal.key'), 'utf8').trim();
    const { url } = pauseLink({ secret, base: () => s.url }, 'c_ben');
    await page.goto(url);
    const problems = await check('/portal/pause/…', page, sizes);
    await page.getByRole('button', { name: 'Pause personalised support' }).click();
    await page.getByRole('heading', { name: 'Personalised support is paused' }).waitFor();
    problems.push(...(await check('/portal/pause/… (paused)', page, sizes)));
    await page.goto(`${url.slice(0, -1)}${url.endsWith('A') ? 'B' : 'A'}`);
    problems.push(...(await check('/portal/pause/… (changed)', page, sizes)));
    await page.close();
    expect(problems).toEqual([]);
  });

  it('the lead’s pages: templates, audit log, helpdesk adapters, taught adapters, insights, reply coach, requests', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    await page.setViewportSize(DESKTOP[0]!);
    await signInAsLead(page, `${s.url}/admin/prompts`);
    await page.locator('#template-title').waitFor();
    await page.locator('#recording-list li, #recording-state').first().waitFor();
    problems.push(...(await check('/admin/prompts', page)));
    // The recorder's switch is a switch, named by its visible label, and big enough to hit.
    const sw = page.getByRole('switch', { name: /Record sessions handled through the side panel/ });
    const box = (await sw.boundingBox())!;
    if (box.width < 24 || box.height < 24) problems.push(`the recording switch is ${box.width}x${box.height} px`);
    for (const size of DESKTOP) {
      await page.setViewportSize(size);
      const publish = (await page.getByRole('button', { name: 'Check and publish' }).boundingBox())!;
      if (publish.x + publish.width > size.width) problems.push(`"Check and publish" is cut off at ${size.width} px`);
    }
    await page.setViewportSize(DESKTOP[0]!);
    await page.screenshot({ path: path.join(SHOTS, 'prompts-editor-1280.png') });
    for (const name of ['audit', 'adapters', 'taught', 'insights', 'coach', 'requests', 'articles']) {
      await signInAsLead(page, `${s.url}/admin/${name}`);
      await page.waitForLoadState('networkidle');
      problems.push(...(await check(`/admin/${name}`, page)));
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 45_000); // seven pages, each at two widths and under axe

  it('the privacy officer’s breach report, with a report shown', async () => {
    const page = await context.newPage();
    await page.setViewportSize(DESKTOP[0]!);
    const { tokenId } = (await s.api('GET', '/me', undefined, s.tokens.agent)).body;
    await page.goto(`${s.url}/admin/breach`);
    await page.fill('#token', s.tokens.privacy);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.fill('#tokenId', tokenId);
    await page.fill('#from', '2026-01-01T00:00');
    await page.getByRole('button', { name: 'Make the report' }).click();
    await page.locator('#report-title:focus').waitFor();
    const problems = await check('/admin/breach', page);
    await page.screenshot({ path: path.join(SHOTS, 'breach-report-1280.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });
});
