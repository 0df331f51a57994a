/**
 * The team lead's template editor (`/admin/prompts`) in Debian's Chromium against a real server:
 * sign in, edit with the server's checks inline, preview against a recorded session, be stopped by
 * a draft that breaks the rules, publish a good one, roll back.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../server/config.js';
import { launchChromium } from './helpers/browser.js';
import { signInAsLead } from './helpers/admin.js';
import { seedDana, startServer, type TestServer } from '../harness/server.js';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
const TEMPLATE = 'offline.fact.purchase';
const ORIGINAL = readFileSync(path.join(ROOT, 'prompts/offline/fact-purchase.liquid'), 'utf8');
/** The body is line 8 of the file: seven lines of front matter before it. */
const withBody = (body: string) => ORIGINAL.replace(/\n---\n[\s\S]*$/, `\n---\n${body}\n`);

let s: TestServer;
let prompts: string;
let browser: Browser;
let page: Page;

/** Replaces the editor's whole text the way a lead would: select all, type. */
async function type(source: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(source);
}

beforeAll(async () => {
  // A copy of prompts/: the server may write templates back (export), never into the project here.
  prompts = mkdtempSync(path.join(tmpdir(), 'candor-prompts-'));
  cpSync(path.join(ROOT, 'prompts'), prompts, { recursive: true });
  s = await startServer({ CANDOR_PROMPTS_DIR: prompts, CANDOR_GATE_DIR: path.join(prompts, 'sessions') });
  await seedDana(s);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
  if (prompts) rmSync(prompts, { recursive: true, force: true });
});

describe('the template editor', () => {
  it('refuses an agent token, and lets a lead in to the list of templates with their live versions', async () => {
    await signInAsLead(page, `${s.url}/admin/prompts`, s.tokens, 'an agent token cannot change templates');
    await page.locator(`[data-template="${TEMPLATE}"]`, { hasText: `${TEMPLATE} · v1` }).waitFor();
  });

  it('when the lead types an unknown variable, then the problem is shown at its line as they type', async () => {
    await page.locator(`[data-template="${TEMPLATE}"]`).click();
    await page.locator('#template-title', { hasText: TEMPLATE }).waitFor();
    await expect.poll(() => page.locator('.cm-content').innerText()).toContain('I can see on your account');

    await type(withBody('I can see you ordered {{ fact.txt }} [{{ fact.marker }}] — is that the one?'));
    await page.locator('#problems li', { hasText: 'line 8: unknown variable "fact.txt"' }).waitFor();
    await page.locator('.cm-lintRange-error').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'prompts-editor-problem.png'), fullPage: true });

    await type(
      withBody(
        'I can see on your account that you bought {{ fact.text }} [{{ fact.marker }}] — is that the one you mean?',
      ),
    );
    await page.locator('#problems li.clean').waitFor();
  });

  it(
    'when the lead previews against a recorded session, then each customer ' +
      'turn shows the suggestions the draft yields',
    async () => {
      await page.selectOption('#session', 'blender-warranty');
      await page.getByRole('button', { name: 'Preview' }).click();
      const turn = page.locator('#preview-result .turn').first();
      await turn.locator('.customer', { hasText: 'my blender stopped working' }).waitFor();
      expect(await turn.locator('.suggestion').allTextContents()).toContainEqual(
        expect.stringContaining('that you bought Blender Pro 3000'),
      );
      expect(await page.locator('#preview-result').textContent()).not.toContain('Harbour'); // the withheld address
    },
  );

  it('when a draft drops the footnote marker, then publishing is blocked and names the session and turn', async () => {
    await type(withBody('I can see on your account that you ordered {{ fact.text }} — is that the one you mean?'));
    await page.locator('#problems li.clean').waitFor();
    await page.getByRole('button', { name: 'Check and publish' }).click();
    const stop = page.locator('#gate-result .blocked');
    await stop.waitFor();
    expect(await stop.textContent()).toMatch(/Not published.*blender-warranty \(.*\), turn 0: /s);
    await page.screenshot({ path: path.join(SHOTS, 'prompts-editor-blocked.png'), fullPage: true });
    expect((await s.api('GET', `/prompts/${TEMPLATE}`, undefined, s.tokens.lead)).body.versions).toHaveLength(1);
  });

  it(
    'when a good draft changes suggestions, then they are shown side by ' + 'side, and accepting publishes version 2',
    async () => {
      await type(
        withBody(
          'I can see on your account that you bought {{ fact.text }} [{{ fact.marker }}] — is that the one you mean?',
        ),
      );
      await page.fill('#message', 'shorter question');
      await page.getByRole('button', { name: 'Check and publish' }).click();
      const diffs = page.locator('#gate-result .differences');
      await diffs.waitFor();
      expect(await diffs.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await diffs.locator('tbody tr').first().locator('td').nth(2).textContent()).toContain('that you bought');
      await page.screenshot({ path: path.join(SHOTS, 'prompts-editor-differences.png'), fullPage: true });
      await diffs.getByRole('button', { name: 'Accept these differences and publish' }).click();
      await page.locator('#gate-result .passed', { hasText: 'Published version 2' }).waitFor();
      await page.locator('#versions tr[data-version="2"]', { hasText: 'shorter question' }).waitFor();
      // Its author by name and role, not by token id.
      expect(await page.locator('#versions tr[data-version="2"] td').nth(2).textContent()).toBe('test lead, team lead');

      // Live for the server at once: a panel's suggestion now carries the new wording and version.
      const { body } = await s.api(
        'POST',
        '/assist',
        { ticketId: 'T-ed', customerId: 'c_dana', conversation: [{ role: 'customer', text: 'my blender order' }] },
        s.tokens.agent,
      );
      const purchase = (body.suggestions as { text: string; template: { id: string; version: number } }[]).find(
        (x) => x.template.id === TEMPLATE,
      );
      expect(purchase).toMatchObject({
        text: expect.stringContaining('that you bought Blender Pro 3000'),
        template: { version: 2 },
      });
    },
  );

  it('when the lead rolls back to version 1, then version 3 restores its text and is live', async () => {
    await page
      .locator('#versions tr[data-version="1"]')
      .getByRole('button', { name: 'Roll back to version 1' })
      .click();
    await page.locator('#versions tr[data-version="3"]', { hasText: 'restores version 1' }).waitFor();
    await expect
      .poll(() => page.locator('.cm-content').innerText())
      .toContain('that you ordered {{ fact.text }} [{{ fact.marker }}] — is that the one you');
    expect(await page.locator('#template-meta').textContent()).toContain('live version 3');
    await page.screenshot({ path: path.join(SHOTS, 'prompts-editor-versions.png'), fullPage: true });
  });

  it(
    'when the lead switches recording on, then a ticket an agent opens is ' + 'listed and can join the gate suite',
    async () => {
      await page.getByLabel('Record sessions handled through the side panel').check();
      await page.locator('#recording-state', { hasText: 'Recording is on' }).waitFor();

      const panel = await s.panel();
      await new Promise((resolve, reject) =>
        panel.emit(
          'ticket:open',
          {
            ticketId: 'T-rec',
            customerId: 'c_dana',
            conversation: [{ role: 'customer', text: 'My blender from order 1042 broke.' }],
          } as never,
          (a: { ok: boolean }) => (a.ok ? resolve(a) : reject(new Error('ticket:open failed'))),
        ),
      );
      await page.reload();
      const recording = page.locator('#recording-list li').first();
      await recording.waitFor();
      const id = (await recording.getAttribute('data-recording'))!;
      await recording.getByRole('button', { name: 'Add to the gate suite' }).click();
      await page.locator('#recording-state', { hasText: `${id} is in the gate suite now` }).waitFor();
      expect(await page.locator(`#session option[value="${id}"]`).count()).toBe(1);
      await page.screenshot({ path: path.join(SHOTS, 'prompts-editor-recordings.png'), fullPage: true });
      expect(readFileSync(path.join(prompts, 'sessions', `${id}.json`), 'utf8')).not.toMatch(/Dana|1042/);
    },
  );
});
